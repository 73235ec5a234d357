'use strict';
// RabbitMQ through amqplib. The order service's request span publishes a new order to an exchange
// (channel.publish) and queues its invoice (channel.sendToQueue); a shipping consumer
// (channel.consume) and an invoicing job that polls (channel.get) each handle their message in a
// span of their own. Nothing here writes or reads the trace context: that is the codemod's part.
const { brokers, countdown, dumpSpans, handleRequest, runId, work } = require('./tracing.js');

const { setTimeout: delay } = require('node:timers/promises');

const amqp = require('amqplib');

const ORDERS_EXCHANGE = `e2e-orders-${runId}`;
const ORDERS_QUEUE = `e2e-shipping-${runId}`;
const INVOICES_QUEUE = `e2e-invoices-${runId}`;

let connectionPromise;
let channelPromise;

function getChannel() {
  if (!channelPromise) {
    connectionPromise = amqp.connect(brokers.amqp);
    channelPromise = connectionPromise.then((connection) => connection.createChannel());
  }
  return channelPromise;
}

/** Declares the exchange and the two queues; exclusive queues go away with the connection. */
async function declareTopology() {
  const channel = await getChannel();
  await channel.assertExchange(ORDERS_EXCHANGE, 'direct', { autoDelete: true });
  await channel.assertQueue(ORDERS_QUEUE, { exclusive: true });
  await channel.bindQueue(ORDERS_QUEUE, ORDERS_EXCHANGE, 'order.created');
  await channel.assertQueue(INVOICES_QUEUE, { exclusive: true });
}

/** The order service, inside its request: announces the order and asks for its invoice. */
async function placeOrder(order) {
  const channel = await getChannel();
  const body = Buffer.from(JSON.stringify(order));
  channel.publish(ORDERS_EXCHANGE, 'order.created', body, { contentType: 'application/json' });
  channel.sendToQueue(INVOICES_QUEUE, body);
}

/** The shipping service: every order message is handled in a 'ship order' span. */
async function startShipping(shipped) {
  const channel = await getChannel();
  await channel.consume(ORDERS_QUEUE, async (msg) => {
    if (!msg) return;
    const order = JSON.parse(msg.content.toString());
    await work('ship order', { 'order.id': order.id });
    channel.ack(msg);
    shipped();
  });
}

/** The invoicing job: takes one waiting message, if any, and bills it in a 'bill order' span. */
async function billNextOrder() {
  const channel = await getChannel();
  const msg = await channel.get(INVOICES_QUEUE);
  if (!msg) return false;
  const order = JSON.parse(msg.content.toString());
  await work('bill order', { 'order.id': order.id });
  channel.ack(msg);
  return true;
}

async function main() {
  await declareTopology();
  const shipping = countdown(1, ORDERS_QUEUE);
  await startShipping(shipping.done);

  await handleRequest('POST /orders', () => placeOrder({ id: 42 }));
  await shipping.finished;
  // The invoicing job runs on its own schedule, outside any request; it polls until the invoice is there.
  for (let attempt = 0; !(await billNextOrder()); attempt++) {
    if (attempt === 200) throw new Error(`no message arrived in ${INVOICES_QUEUE}`);
    await delay(10);
  }

  const channel = await getChannel();
  await channel.deleteQueue(ORDERS_QUEUE);
  await channel.deleteQueue(INVOICES_QUEUE);
  await channel.deleteExchange(ORDERS_EXCHANGE);
  await channel.close();
  await (await connectionPromise).close();
  await dumpSpans();
}

main().catch(async (error) => {
  console.error(error);
  process.exitCode = 1;
  await (await connectionPromise)?.close().catch(() => {});
});
