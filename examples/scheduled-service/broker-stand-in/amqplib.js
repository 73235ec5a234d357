// An in-process stand-in for the part of amqplib this example uses, for machines without RabbitMQ.
// `npm run demo` loads it in place of the real package (see register.js) only when nothing answers
// on the broker's port, and says so.
//
// It behaves like a broker where tracing can tell: a message crosses as bytes (content copied, headers
// rebuilt from JSON, as the wire would), and a consumer's callback runs in the async context of its
// connection, never in the sender's, just as amqplib's callbacks run in the context of the socket's
// data events. So nothing carries the trace context across except what the message headers carry.
import { AsyncResource } from 'node:async_hooks';

/** The broker's queues, shared by every connection of the process. */
const queues = new Map();
let lastTag = 0;

function queueNamed(name) {
  const queue = queues.get(name);
  if (!queue) throw new Error(`stand-in broker: no queue '${name}' (assertQueue it first)`);
  return queue;
}

/** Hands out waiting messages, one at a time per consumer up to its channel's prefetch. */
function dispatch(queue) {
  for (const consumer of queue.consumers) {
    while (queue.messages.length > 0 && consumer.channel.canTake()) {
      const message = queue.messages.shift();
      consumer.channel.unacked += 1;
      const delivery = {
        content: Buffer.from(message.content),
        fields: { consumerTag: consumer.tag, deliveryTag: ++lastTag, redelivered: false, exchange: '', routingKey: queue.name },
        properties: { ...message.properties, headers: JSON.parse(message.headers) },
      };
      setImmediate(() => consumer.channel.connection.scope.runInAsyncScope(consumer.onMessage, null, delivery));
    }
  }
}

class Channel {
  unacked = 0;
  limit = 0;
  consumers = new Map();

  constructor(connection) {
    this.connection = connection;
  }

  canTake() {
    return this.limit === 0 || this.unacked < this.limit;
  }

  async assertQueue(name, options = {}) {
    if (!queues.has(name)) queues.set(name, { name, options, messages: [], consumers: [] });
    const queue = queues.get(name);
    return { queue: name, messageCount: queue.messages.length, consumerCount: queue.consumers.length };
  }

  async prefetch(count) {
    this.limit = count;
  }

  sendToQueue(name, content, { headers = {}, ...properties } = {}) {
    const queue = queueNamed(name);
    queue.messages.push({ content: Buffer.from(content), headers: JSON.stringify(headers), properties });
    dispatch(queue);
    return true;
  }

  async consume(name, onMessage) {
    const queue = queueNamed(name);
    const consumer = { tag: `stand-in.ctag-${++lastTag}`, channel: this, onMessage };
    queue.consumers.push(consumer);
    this.consumers.set(consumer.tag, queue);
    dispatch(queue);
    return { consumerTag: consumer.tag };
  }

  ack() {
    this.unacked -= 1;
    for (const queue of new Set(this.consumers.values())) dispatch(queue);
  }

  async cancel(tag) {
    const queue = this.consumers.get(tag);
    if (!queue) return;
    this.consumers.delete(tag);
    queue.consumers = queue.consumers.filter((consumer) => consumer.tag !== tag);
    if (queue.consumers.length === 0 && queue.options.autoDelete) queues.delete(queue.name);
  }

  async close() {
    for (const tag of [...this.consumers.keys()]) await this.cancel(tag);
  }
}

class Connection {
  channels = [];

  constructor() {
    // What a socket's data events would run in: the context active when the connection was opened.
    this.scope = new AsyncResource('StandInAmqpConnection');
  }

  async createChannel() {
    const channel = new Channel(this);
    this.channels.push(channel);
    return channel;
  }

  async close() {
    for (const channel of this.channels) await channel.close();
  }
}

export async function connect() {
  return new Connection();
}

export default { connect };
