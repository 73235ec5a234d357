import amqp from 'amqplib';

import { db } from '../db.js';

// The warehouse's fulfilment worker: takes each placed order off the RabbitMQ queue, holds its stock,
// books the shipment and announces it (`events`, see shipment-events.js). The queue is deleted by the
// broker once the worker stops (autoDelete).
export async function startFulfilmentWorker({ url, queue = 'fulfilment', events }) {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.assertQueue(queue, { durable: false, autoDelete: true });
  await channel.prefetch(1);
  const { consumerTag } = await channel.consume(queue, async (msg) => {
    if (!msg) return; // the broker cancelled this consumer
    const order = JSON.parse(msg.content.toString());
    for (const line of order.lines) await db.update(`stock_reservations:${line.sku}`);
    await db.insert('shipments', { orderId: order.id });
    events.booked({ orderId: order.id, email: order.email });
    channel.ack(msg);
  });
  return {
    async stop() {
      await channel.cancel(consumerTag);
      await connection.close();
    },
  };
}
