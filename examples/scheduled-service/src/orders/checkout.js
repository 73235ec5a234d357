import amqp from 'amqplib';

import { placeOrder } from './place-order.js';

// POST /checkout: places the order, then hands it to the warehouse on the RabbitMQ queue that the
// fulfilment worker reads (src/warehouse/fulfilment-worker.js, a separate process in production).
export async function connectCheckout({ url, queue = 'fulfilment' }) {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  return {
    async checkout(cart) {
      const order = await placeOrder(cart);
      channel.sendToQueue(queue, Buffer.from(JSON.stringify(order)), { contentType: 'application/json', persistent: true });
      return order;
    },
    close: () => connection.close(),
  };
}
