// Message carriers through the real brokers on this machine (NATS, Redis, RabbitMQ) with the real
// clients: the producer injects with our wrappers inside a span, the broker delivers, and
// withExtractedContext over what the client hands the consumer continues the producer's trace.
// Without a broker the suite says how to start it (tests/helpers/brokers.ts); CI never skips.
import { randomUUID } from 'node:crypto';

import { connect as connectNatsCore, headers as natsCoreHeaders } from '@nats-io/transport-node';
import amqp from 'amqplib';
import type { ConsumeMessage, GetMessage } from 'amqplib';
import Bull from 'bull';
import { Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { connect as connectNats, headers as natsHeaders } from 'nats';
import { afterAll, beforeEach, expect, it } from 'vitest';

import {
  injectContext,
  injectContextFields,
  injectPayloadContext,
  payloadContext,
} from '../../src/wrappers/index.js';
import { BROKERS, describeWithBrokers } from '../helpers/brokers.js';
import { setupTracing } from '../helpers/otel.js';
import { consume, expectContinued, produce } from './message-support.js';
import type { Received } from './message-support.js';

const tracing = setupTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

/** A name no other run uses, so that parallel runs and leftovers do not meet. */
const unique = (prefix: string): string => `trace-context-test.${prefix}.${randomUUID()}`;

/** The first value an async iterable yields. */
async function first<T>(iterable: AsyncIterable<T>): Promise<T> {
  for await (const value of iterable) return value;
  throw new Error('the iterable ended without a value');
}

const NATS_SERVER = `${BROKERS.nats.host}:${BROKERS.nats.port}`;
const REDIS = { host: BROKERS.redis.host, port: BROKERS.redis.port };

describeWithBrokers('NATS: headers() through a real server', [BROKERS.nats], () => {
  it('nats (legacy): a publish with injectContext(headers()) reaches the subscriber and continues the trace', async () => {
    const nc = await connectNats({ servers: NATS_SERVER });
    try {
      const subject = unique('nats');
      const subscription = nc.subscribe(subject, { max: 1 });
      const own = natsHeaders();
      own.set('X-Tenant', 'acme');
      const sent = produce(tracing, () => nc.publish(subject, 'order', { headers: injectContext(own) }));
      const message = await first(subscription);
      expect(message.headers?.get('X-Tenant')).toBe('acme');
      expect(own.has('traceparent')).toBe(false);
      expectContinued(sent, consume(tracing, message.headers, `process ${subject}`));
    } finally {
      await nc.close();
    }
  });

  it('@nats-io/transport-node: a request with injectContext(headers()) reaches the responder and continues the trace', async () => {
    const nc = await connectNatsCore({ servers: NATS_SERVER });
    try {
      const subject = unique('nats-core');
      let received: Received | undefined;
      nc.subscribe(subject, {
        max: 1,
        callback: (error, message) => {
          if (error === null) received = consume(tracing, message.headers, `process ${subject}`);
          message.respond('ok');
        },
      });
      const sent = produce(tracing, () => nc.request(subject, 'order', { timeout: 5000, headers: injectContext(natsCoreHeaders()) }));
      expect((await sent.result).string()).toBe('ok');
      expectContinued(sent, received!);
    } finally {
      await nc.close();
    }
  });
});

describeWithBrokers('Redis: stream fields and job data through a real server', [BROKERS.redis], () => {
  it('ioredis xadd with ...injectContextFields(), then xread / xreadBuffer: the field list continues the trace', async () => {
    const redis = new Redis({ ...REDIS, lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const stream = unique('stream');
    try {
      const sent = produce(tracing, () => redis.xadd(stream, '*', ...injectContextFields(), 'order', '{"id":1}'));
      await sent.result;

      const reply = await redis.xread('COUNT', 1, 'STREAMS', stream, '0');
      const fields = reply?.[0]?.[1][0]?.[1];
      expect(fields?.slice(-2)).toEqual(['order', '{"id":1}']);
      expectContinued(sent, consume(tracing, fields, 'process text'));

      const binary = await redis.xreadBuffer('COUNT', 1, 'STREAMS', stream, '0');
      const binaryFields = binary?.[0]?.[1][0]?.[1];
      expect(Buffer.isBuffer(binaryFields?.[0])).toBe(true);
      expectContinued(sent, consume(tracing, binaryFields, 'process bytes'));
    } finally {
      await redis.del(stream);
      await redis.quit();
    }
  });

  it('ioredis pub/sub: a JSON envelope with injectPayloadContext continues the trace through payloadContext', async () => {
    const publisher = new Redis({ ...REDIS, maxRetriesPerRequest: 1 });
    const subscriber = new Redis({ ...REDIS, maxRetriesPerRequest: 1 });
    try {
      const channel = unique('channel');
      await subscriber.subscribe(channel);
      const arrived = new Promise<string>((resolve) => subscriber.once('message', (_channel: string, text: string) => resolve(text)));
      const sent = produce(tracing, () => publisher.publish(channel, JSON.stringify(injectPayloadContext({ event: 'order.created' }))));
      await sent.result;
      const text = await arrived;
      expect((JSON.parse(text) as { event: string }).event).toBe('order.created');
      expectContinued(sent, consume(tracing, payloadContext(text), `process ${channel}`));
    } finally {
      await Promise.all([publisher.quit(), subscriber.quit()]);
    }
  });

  it('BullMQ: Queue.add with injectPayloadContext, the Worker continues the trace from job.data', async () => {
    const name = unique('bullmq');
    const connection = { ...REDIS, maxRetriesPerRequest: null };
    const queue = new Queue<{ orderId: string }>(name, { connection });
    let worker: Worker | undefined;
    try {
      const processed = new Promise<Received>((resolve, reject) => {
        worker = new Worker(
          name,
          async (job: Job<{ orderId: string }>) => {
            resolve(consume(tracing, payloadContext(job.data), `process ${name}`));
          },
          { connection },
        );
        worker.on('failed', (_job, error) => reject(error));
      });
      const sent = produce(tracing, () => queue.add('charge', injectPayloadContext({ orderId: 'o-1' })));
      await sent.result;
      expectContinued(sent, await processed);
    } finally {
      await worker?.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('Bull: queue.add with injectPayloadContext, queue.process continues the trace from job.data', async () => {
    const queue = new Bull<{ orderId: string }>(unique('bull'), { redis: REDIS });
    try {
      const processed = new Promise<Received>((resolve) => {
        void queue.process(async (job) => {
          resolve(consume(tracing, payloadContext(job.data), 'process bull'));
        });
      });
      const sent = produce(tracing, () => queue.add(injectPayloadContext({ orderId: 'o-1' })));
      await sent.result;
      expectContinued(sent, await processed);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

describeWithBrokers('RabbitMQ: AMQP headers through a real server', [BROKERS.rabbitmq], () => {
  it('sendToQueue with headers: injectContext(…) → consume / get: properties.headers continue the trace', async () => {
    const connection = await amqp.connect(`amqp://guest:guest@${BROKERS.rabbitmq.host}:${BROKERS.rabbitmq.port}`);
    try {
      const channel = await connection.createChannel();
      const { queue } = await channel.assertQueue('', { exclusive: true });

      let deliver: (message: ConsumeMessage) => void = () => undefined;
      const pushed = new Promise<ConsumeMessage>((resolve) => (deliver = resolve));
      const { consumerTag } = await channel.consume(queue, (message) => message && deliver(message), { noAck: true });
      const own = Object.freeze({ 'x-tenant': 'acme' });
      const sent = produce(tracing, () => channel.sendToQueue(queue, Buffer.from('{}'), { headers: injectContext(own) }));
      const message = await pushed;
      expect(message.properties.headers?.['x-tenant']).toBe('acme');
      expect(own).toEqual({ 'x-tenant': 'acme' });
      expectContinued(sent, consume(tracing, message.properties.headers, `process ${queue}`));
      await channel.cancel(consumerTag);

      // channel.get: the pull API no instrumentation covers.
      tracing.reset();
      const again = produce(tracing, () => channel.sendToQueue(queue, Buffer.from('{}'), { headers: injectContext() }));
      let pulled: GetMessage | false = false;
      for (let attempt = 0; attempt < 50 && pulled === false; attempt++) {
        pulled = await channel.get(queue, { noAck: true });
        if (pulled === false) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(pulled).not.toBe(false);
      expectContinued(again, consume(tracing, (pulled as GetMessage).properties.headers, `process ${queue}`));
      await channel.close();
    } finally {
      await connection.close();
    }
  });
});
