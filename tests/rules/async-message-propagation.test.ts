import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../src/rules/async-message-propagation';
import { COMMONJS, ESM, RuleTester, describeSuggestionRelint, fixture, lintWithRule, type LintCase } from './rule-tester';

const RULE = 'async-message-propagation';

/** A Node.js service that talks to every broker client with a hand-registered tracer: no messaging instrumentation. */
const BARE_TS = fixture('mq-bare', 'src', 'broker.ts');
const BARE_JS = fixture('mq-bare', 'src', 'broker.js');
const BARE_MJS = fixture('mq-bare', 'src', 'broker.mjs');
const BARE_CJS = fixture('mq-bare', 'src', 'broker.cjs');
/** The same kind of service with @opentelemetry/instrumentation-kafkajs, -amqplib and -aws-sdk installed. */
const INSTRUMENTED_TS = fixture('mq-instrumented', 'src', 'broker.ts');
const INSTRUMENTED_CJS = fixture('mq-instrumented', 'src', 'broker.cjs');
/** Test code inside the bare package: a spec file, and a helper under tests/. */
const BARE_TEST_TS = fixture('mq-bare', 'src', 'broker.test.ts');
const BARE_TESTS_DIR_TS = fixture('mq-bare', 'tests', 'helpers', 'publish-fixtures.ts');

const ruleTester = new RuleTester({
  defaultFilenames: { ts: BARE_TS, tsx: fixture('mq-bare', 'src', 'broker.tsx') },
});

const valid: ValidTestCase<Options>[] = [
  // ── look-alikes ────────────────────────────────────────────────────────────────────────────────
  {
    name: 'an empty file',
    code: ``,
  },
  {
    name: 'a file that mentions no broker token',
    code: `export const answer = 42;
`,
  },
  {
    name: 'diagnostics_channel publish is an in-process channel, not a broker',
    code: `
import diagnostics_channel from 'node:diagnostics_channel';
import { Kafka } from 'kafkajs';

const channel = diagnostics_channel.channel('orders:created');

export function announce(order: { id: string }) {
  if (channel.hasSubscribers) channel.publish({ id: order.id });
}

export const kafka = new Kafka({ brokers: ['kafka:9092'] });
`,
  },
  {
    name: 'a Set and an array named queue with add and push',
    code: `
import { Queue } from 'bullmq';

export const emailQueue = new Queue('email');
const queue = new Set<string>();
const pending: string[] = [];

export function remember(id: string) {
  queue.add(id);
  pending.push(id);
}
`,
  },
  {
    name: 'an EventEmitter named producer that emits and sends',
    code: `
import { EventEmitter } from 'node:events';
import type { Producer } from 'kafkajs';

class Outbox extends EventEmitter {
  send(record: unknown) {
    this.emit('record', record);
  }
}

const producer = new Outbox();

export function stage(record: unknown, kafkaProducer?: Producer) {
  producer.send(record);
  producer.emit('flush');
  return kafkaProducer;
}
`,
  },
  {
    name: 'nodemailer sendMail and Express res.send beside a broker import',
    code: `
import express from 'express';
import nodemailer from 'nodemailer';
import amqp from 'amqplib';

const transport = nodemailer.createTransport({ host: 'smtp.internal', port: 25 });
const app = express();

app.post('/invite', async (req, res) => {
  await transport.sendMail({ to: req.body.email, subject: 'Welcome', text: 'Hello' });
  res.send({ ok: true });
});

export const connectBroker = () => amqp.connect('amqp://rabbit');
`,
  },
  {
    name: 'Redis set, hset and get are commands, not messages',
    code: `
import Redis from 'ioredis';
import { createClient } from 'redis';

const redis = new Redis();
const client = createClient({ url: 'redis://cache:6379' });

export async function cache(id: string, body: string) {
  await redis.set(\`order:\${id}\`, body, 'EX', 60);
  await redis.hset('orders', id, body);
  await client.set('last-order', id);
  return client.get(\`order:\${id}\`);
}
`,
  },
  {
    name: 'an in-memory queue class with add and process is not a broker',
    code: `
import { Kafka } from 'kafkajs';

class MemoryQueue<T> {
  private items: T[] = [];
  add(item: T) {
    this.items.push(item);
  }
  process(handler: (item: T) => void) {
    for (const item of this.items.splice(0)) handler(item);
  }
}

export const queue = new MemoryQueue<string>();
queue.add('warm-up');
queue.process((item) => console.log(item));
export const kafka = new Kafka({ brokers: ['kafka:9092'] });
`,
  },
  {
    name: "Redis and Pub/Sub listeners for events other than 'message'",
    code: `
import Redis from 'ioredis';
import { PubSub } from '@google-cloud/pubsub';

const subscriber = new Redis();
const subscription = new PubSub().subscription('orders-sub');

subscriber.on('connect', () => console.log('connected'));
subscription.on('error', (error) => console.error(error));
subscription.on('close', () => console.log('closed'));
`,
  },
  {
    name: 'BullMQ QueueEvents listeners are not consumers, and a Worker given a processor file',
    code: `
import { QueueEvents, Worker } from 'bullmq';

const events = new QueueEvents('email');
events.on('completed', ({ jobId }) => console.log('done', jobId));

export const worker = new Worker('email', './dist/email.processor.js');
export const reports = new Worker('reports', new URL('./reports.processor.js', import.meta.url));
`,
  },
  {
    name: 'a BullMQ Worker given a processor file built with path.join',
    code: `
import { Worker } from 'bullmq';
import { join } from 'node:path';

export const worker = new Worker('email', join(__dirname, 'email.processor.js'));
`,
  },
  {
    name: "look-alikes: process.on('message'), process.send, an MQTT client's publish, a socket's emit",
    code: `
import mqtt from 'mqtt';
import Redis from 'ioredis';

const client = mqtt.connect('mqtt://broker');
export const redis = new Redis();

process.on('message', (message) => console.log(message));
process.send?.({ ready: true });
client.publish('sensors/temperature', '21.5');

export function notify(socket: { emit(event: string, data: unknown): void }) {
  socket.emit('order', { id: 1 });
}
`,
  },
  {
    name: 'a local send function and a local client object shadow nothing from a broker',
    code: `
import { SQSClient } from '@aws-sdk/client-sqs';

class SendMessageCommand {
  constructor(readonly input: unknown) {}
}
const client = { send: (command: unknown) => command };

export const sqs = new SQSClient({});
client.send(new SendMessageCommand({ QueueUrl: 'local', MessageBody: 'x' }));
`,
  },
  {
    name: 'broker management calls that send no message: kafkajs admin, consumer subscribe/commit, amqplib topology',
    code: `
import { Kafka } from 'kafkajs';
import amqp from 'amqplib';

const kafka = new Kafka({ brokers: ['kafka:9092'] });
const admin = kafka.admin();
const consumer = kafka.consumer({ groupId: 'billing' });

export async function setUp() {
  await admin.createTopics({ topics: [{ topic: 'orders' }] });
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.commitOffsets([{ topic: 'orders', partition: 0, offset: '42' }]);
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  await channel.assertExchange('orders', 'topic', { durable: true });
  await channel.assertQueue('billing');
  await channel.bindQueue('billing', 'orders', 'order.*');
  await channel.prefetch(10);
}
`,
  },
  {
    name: 'AWS commands that are not messages: DeleteMessage, GetQueueUrl, SNS Subscribe and CreateTopic',
    code: `
import { DeleteMessageCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';

const sqs = new SQSClient({});
const sns = new SNSClient({});

export async function setUp(receipt: string) {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'orders' }));
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: receipt }));
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'orders' }));
  await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:eu-west-1:1:orders' }));
}
`,
  },
  {
    name: 'Pub/Sub, NATS and Redis housekeeping: topic.get, a subscription never read, flush, drain, xack, subscribe alone',
    code: `
import { PubSub } from '@google-cloud/pubsub';
import { connect } from 'nats';
import Redis from 'ioredis';

const pubsub = new PubSub();
const redis = new Redis();

export async function housekeeping(id: string) {
  const [topic] = await pubsub.topic('orders').get({ autoCreate: true });
  await pubsub.subscription('orders-billing').close();
  const nc = await connect();
  const sub = nc.subscribe('orders.*', { max: 1 });
  sub.unsubscribe();
  await nc.flush();
  await redis.xack('orders', 'billing', id);
  await redis.subscribe('orders:created');
  await nc.drain();
  return topic;
}
`,
  },
  {
    name: 'a Process decorator and a Worker class that are not from the queue libraries',
    code: `
import { Worker } from 'node:worker_threads';
import type { Job } from 'bullmq';
import { Process } from './decorators';

export const thread = new Worker(new URL('./resize.js', import.meta.url), { workerData: { size: 64 } });

export class Jobs {
  @Process('resize')
  resize(job: Job<{ file: string }>) {
    console.log('resizing', job.data.file);
  }
}
`,
  },
  {
    name: 'a parameter named producer shadows the module-level kafkajs producer',
    code: `
import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export function stage(record: unknown, sink: { send(record: unknown): void }) {
  const forward = (producer: { send(record: unknown): void }) => producer.send(record);
  forward(sink);
  return producer;
}
`,
  },
  {
    name: 'SQS attributes from a spread: the count is unknown, the instrumentation is trusted',
    filename: INSTRUMENTED_TS,
    code: `
import { SQSClient, SendMessageCommand, type MessageAttributeValue } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function notify(id: string, extra: Record<string, MessageAttributeValue>) {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: id, MessageAttributes: { ...extra, kind: { DataType: 'String', StringValue: 'order' } } }));
}
`,
  },
  {
    name: 'NestJS ClientProxy connect and close send no message',
    code: `
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';

@Injectable()
export class OrdersClient implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject('ORDERS') private readonly client: ClientProxy) {}

  onModuleInit() {
    return this.client.connect();
  }

  onModuleDestroy() {
    return this.client.close();
  }
}
`,
  },
  // ── covered by an installed instrumentation ────────────────────────────────────────────────────
  {
    name: 'a Redis subscriber that unwraps the envelope and extracts (CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const Redis = require('ioredis');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const subscriber = new Redis();
subscriber.subscribe('orders:created');
subscriber.on('message', (channel, raw) => {
  const { trace, ...order } = JSON.parse(raw);
  return withExtractedContext(trace, () => console.log(channel, order.id));
});
`,
  },
  {
    name: 'a BullMQ Queue whose options variable carries telemetry',
    code: `
import { Queue } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const options = { connection: { host: 'redis' }, telemetry: new BullMQOtel('mailer') };
const queue = new Queue('email', options);

export const welcome = (to: string) => queue.add('welcome', { to });
`,
  },
  {
    name: 'kafkajs send and sendBatch with @opentelemetry/instrumentation-kafkajs installed',
    filename: INSTRUMENTED_TS,
    code: `
import { Kafka } from 'kafkajs';

const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();

export async function publish(id: string) {
  await producer.send({ topic: 'orders', messages: [{ key: id, value: id }] });
  await producer.sendBatch({ topicMessages: [{ topic: 'audit', messages: [{ value: id }] }] });
}
`,
  },
  {
    name: 'kafkajs eachMessage with the instrumentation installed',
    filename: INSTRUMENTED_TS,
    code: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.subscribe({ topic: 'orders' });
  await consumer.run({
    eachMessage: async ({ message }) => {
      await handle(message.value);
    },
  });
}
`,
  },
  {
    name: 'amqplib publish, sendToQueue and consume with @opentelemetry/instrumentation-amqplib installed',
    filename: INSTRUMENTED_TS,
    code: `
import amqp from 'amqplib';

export async function start() {
  const connection = await amqp.connect('amqp://rabbit');
  const channel = await connection.createConfirmChannel();
  channel.publish('orders', 'created', Buffer.from('{}'));
  channel.sendToQueue('emails', Buffer.from('{}'), { persistent: true });
  await channel.consume('orders', (msg) => {
    if (msg) channel.ack(msg);
  });
}
`,
  },
  {
    name: 'SQS SendMessage with exactly 7 attributes and SNS Publish with the aws-sdk instrumentation installed',
    filename: INSTRUMENTED_TS,
    code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';

const sqs = new SQSClient({});
const sns = new SNSClient({});
const text = (value: string) => ({ DataType: 'String', StringValue: value });

export async function notify(id: string) {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: process.env.QUEUE_URL,
      MessageBody: id,
      MessageAttributes: { a: text('1'), b: text('2'), c: text('3'), d: text('4'), e: text('5'), f: text('6'), g: text('7') },
    }),
  );
  await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: id }));
}
`,
  },
  {
    name: 'SQS SendMessageBatch whose entries stay under the cap, with the instrumentation (CommonJS)',
    filename: INSTRUMENTED_CJS,
    languageOptions: COMMONJS,
    code: `
const { SQSClient, SendMessageBatchCommand } = require('@aws-sdk/client-sqs');

const sqs = new SQSClient({});

exports.flush = async (ids) => {
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: process.env.QUEUE_URL,
      Entries: ids.map((id) => ({ Id: id, MessageBody: id })),
    }),
  );
};
`,
  },
  // ── native routes: BullMQ telemetry, Pub/Sub enableOpenTelemetryTracing ────────────────────────
  {
    name: 'an explicit instrumented list in settings covers kafkajs in a bare package',
    settings: { 'trace-context': { instrumented: ['kafkajs'] } },
    code: `
import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export const publish = (value: string) => producer.send({ topic: 'orders', messages: [{ value }] });
`,
  },
  {
    name: 'Azure Service Bus sender and receiver with the Azure SDK instrumentation in settings',
    settings: { 'trace-context': { instrumented: ['azure-service-bus'] } },
    code: `
import { ServiceBusClient } from '@azure/service-bus';

const client = new ServiceBusClient(process.env.SB_CONNECTION!);
const sender = client.createSender('orders');
const receiver = client.createReceiver('orders');

export async function run(handle: (body: unknown) => Promise<void>) {
  await sender.sendMessages({ body: { id: 1 } });
  receiver.subscribe({
    processMessage: async (message) => handle(message.body),
    processError: async (args) => console.error(args.error),
  });
}
`,
  },
  {
    name: 'BullMQ Queue, FlowProducer and Worker constructed with the telemetry option',
    code: `
import { FlowProducer, Queue, Worker } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const telemetry = new BullMQOtel('orders');
const queue = new Queue('email', { connection: { host: 'redis' }, telemetry });
const flows = new FlowProducer({ telemetry });

export async function enqueue(to: string) {
  await queue.add('welcome', { to });
  await queue.addBulk([{ name: 'digest', data: { to } }]);
  await flows.add({ name: 'report', queueName: 'reports', children: [] });
}

export const worker = new Worker('email', async (job) => console.log(job.data), { connection: { host: 'redis' }, telemetry });
`,
  },
  // ── code that injects ──────────────────────────────────────────────────────────────────────────
  {
    name: 'a BullMQ queue held in a class field built with telemetry',
    code: `
import { Queue } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

export class Mailer {
  private readonly queue = new Queue('email', { telemetry: new BullMQOtel('mailer') });

  async welcome(to: string) {
    await this.queue.add('welcome', { to });
  }
}
`,
  },
  {
    name: 'Pub/Sub client built with enableOpenTelemetryTracing: publish and subscribe',
    code: `
import { PubSub } from '@google-cloud/pubsub';

const pubsub = new PubSub({ enableOpenTelemetryTracing: true });
const topic = pubsub.topic('orders');
const subscription = pubsub.subscription('orders-billing');

export async function publish(id: string) {
  await topic.publishMessage({ data: Buffer.from(id) });
}

subscription.on('message', (message) => {
  console.log(message.data.toString());
  message.ack();
});
`,
  },
  {
    name: 'with the kafkajs and amqplib instrumentations: typed kafkajs Producer/Consumer and amqp-connection-manager channels are covered',
    filename: INSTRUMENTED_TS,
    code: `
import type { Consumer, Producer } from 'kafkajs';
import amqp from 'amqp-connection-manager';

export class Relay {
  private readonly channel = amqp.connect(['amqp://rabbit']).createChannel({ json: true });

  constructor(private readonly producer: Producer, private readonly consumer: Consumer) {}

  async start() {
    await this.consumer.run({ eachMessage: async ({ message }) => this.forward(message.value) });
  }

  private async forward(value: Buffer | null) {
    await this.producer.send({ topic: 'orders.copy', messages: [{ value }] });
    await this.channel.sendToQueue('orders', { value: String(value) });
  }
}
`,
  },
  {
    name: 'every message of the array sent was injected into in a forEach callback or a for-of loop (a hand-written tracing helper)',
    code: `
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import type { Message, Producer } from 'kafkajs';
import type { Channel } from 'amqplib';

export async function sendTraced(producer: Producer, topic: string, messages: Message[]) {
  return trace.getTracer('kafka').startActiveSpan(\`produce \${topic}\`, { kind: SpanKind.PRODUCER }, async (span) => {
    messages.forEach((m) => {
      m.headers = m.headers ?? {};
      propagation.inject(context.active(), m.headers);
    });
    try {
      return await producer.send({ topic, messages });
    } finally {
      span.end();
    }
  });
}

export async function relay(producer: Producer, batch: Message[]) {
  for (const message of batch) propagation.inject(context.active(), (message.headers ??= {}));
  await producer.send({ topic: 'relay', messages: batch });
}
`,
  },
  {
    name: 'NATS request/reply by hand: the reply inbox (createInbox, max: 1) is read inside the caller, and the request carries a traceparent set by hand',
    code: `
import { context, trace } from '@opentelemetry/api';
import { connect, createInbox, headers, StringCodec } from 'nats';

const sc = StringCodec();

export async function ask(subject: string, question: string): Promise<string> {
  const nc = await connect({ servers: 'nats://nats:4222' });
  const inbox = createInbox();
  const replies = nc.subscribe(inbox, { max: 1 });
  const hdrs = headers();
  const span = trace.getSpan(context.active());
  if (span) hdrs.set('traceparent', \`00-\${span.spanContext().traceId}-\${span.spanContext().spanId}-01\`);
  nc.publish(subject, sc.encode(question), { headers: hdrs, reply: inbox });
  for await (const reply of replies) return sc.decode(reply.data);
  nc.subscribe(createInbox(), { callback: (err, msg) => console.log(msg.subject) });
  throw new Error('no reply');
}
`,
  },
  {
    name: 'kafkajs run with both eachMessage (extracting) and eachBatch: kafkajs never calls eachBatch then',
    filename: INSTRUMENTED_TS,
    code: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.run({
    eachMessage: async ({ message }) => handle(message.value),
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) await handle(message.value);
    },
  });
}
`,
  },
  {
    name: 'a typed field assigned a Pub/Sub client with enableOpenTelemetryTracing in the constructor',
    code: `
import { PubSub, type Topic } from '@google-cloud/pubsub';

export class OrderEvents {
  private readonly pubsub: PubSub;
  private readonly topic: Topic;

  constructor() {
    this.pubsub = new PubSub({ enableOpenTelemetryTracing: true });
    this.topic = this.pubsub.topic('orders');
  }

  async placed(id: string) {
    await this.topic.publishMessage({ data: Buffer.from(id) });
  }
}
`,
  },
  {
    name: 'kafkajs messages whose headers come from injectContext (ESM JavaScript)',
    filename: BARE_MJS,
    languageOptions: ESM,
    code: `
import { Kafka } from 'kafkajs';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function publish(id) {
  await producer.send({ topic: 'orders', messages: [{ key: id, value: id, headers: injectContext() }] });
}
`,
  },
  {
    name: 'amqplib publish with headers filled by propagation.inject into a variable',
    code: `
import amqp from 'amqplib';
import { context, propagation } from '@opentelemetry/api';

export async function publish(body: Buffer) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  channel.publish('orders', 'created', body, { headers });
}
`,
  },
  {
    name: "Redis and NATS producers that use the team's inject helper (settings.helpers.inject)",
    settings: { 'trace-context': { helpers: { inject: ['withTraceFields'] } } },
    code: `
import Redis from 'ioredis';
import { connect } from 'nats';
import { withTraceFields } from './tracing';

const redis = new Redis();

export async function publish(id: string) {
  await redis.xadd('orders', '*', ...withTraceFields(['id', id]));
  const nc = await connect({ servers: 'nats://nats:4222' });
  nc.publish('orders.created', id, { headers: withTraceFields() });
}
`,
  },
  // ── code that extracts ─────────────────────────────────────────────────────────────────────────
  {
    name: 'SQS and SNS sends whose attributes come from injectContext',
    code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { SNSClient, PublishBatchCommand } from '@aws-sdk/client-sns';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});
const sns = new SNSClient({});

export async function notify(id: string) {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: id, MessageAttributes: injectContext({}) }));
  await sns.send(
    new PublishBatchCommand({
      TopicArn: 'arn:aws:sns:eu-west-1:1:orders',
      PublishBatchRequestEntries: [{ Id: id, Message: id, MessageAttributes: injectContext({}) }],
    }),
  );
}
`,
  },
  {
    name: 'BullMQ, Pub/Sub, Azure and NestJS producers that inject into their payloads (CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { Queue } = require('bullmq');
const { PubSub } = require('@google-cloud/pubsub');
const { ServiceBusClient } = require('@azure/service-bus');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

const queue = new Queue('email');
const topic = new PubSub().topic('orders');
const sender = new ServiceBusClient(process.env.SB).createSender('orders');

exports.publish = async (id) => {
  await queue.add('welcome', { id, trace: injectContext() });
  await topic.publish(Buffer.from(id), injectContext());
  await sender.sendMessages({ body: id, applicationProperties: injectContext() });
};
`,
  },
  {
    name: 'kafkajs eachMessage and eachBatch that continue the context with withExtractedContext',
    code: `
import { Kafka } from 'kafkajs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.run({
    eachMessage: async ({ message }) =>
      withExtractedContext(message.headers, () => handle(message.value), { name: 'process orders', kind: 'consumer' }),
  });
}

export async function startBatch(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        await withExtractedContext(message.headers, () => handle(message.value), { name: 'process orders', kind: 'consumer' });
      }
    },
  });
}
`,
  },
  {
    name: 'amqplib consume and get that extract with propagation.extract',
    code: `
import amqp from 'amqplib';
import { context, propagation, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('billing');

export async function start() {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  await channel.consume('orders', (msg) => {
    if (!msg) return;
    const parent = propagation.extract(context.active(), msg.properties.headers ?? {});
    context.with(parent, () => tracer.startActiveSpan('process orders', (span) => span.end()));
    channel.ack(msg);
  });
}

export async function drainOne() {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  const msg = await channel.get('orders');
  if (!msg) return;
  const parent = propagation.extract(context.active(), msg.properties.headers ?? {});
  context.with(parent, () => channel.ack(msg));
}
`,
  },
  {
    name: 'an amqplib consumer whose handler is a same-file function that extracts',
    code: `
import amqp, { type ConsumeMessage } from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

function onOrder(msg: ConsumeMessage | null) {
  if (!msg) return;
  return withExtractedContext(msg.properties.headers, () => console.log(msg.content.toString()));
}

export async function start() {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  await channel.consume('orders', onOrder);
}
`,
  },
  {
    name: "consumers that use the team's extract helper (settings.helpers.extract)",
    settings: { 'trace-context': { helpers: { extract: ['continueFromMessage'] } } },
    code: `
import Redis from 'ioredis';
import { Worker } from 'bullmq';
import { connect } from 'nats';
import { continueFromMessage } from './tracing';

const subscriber = new Redis();
subscriber.on('message', (channel, raw) => continueFromMessage(JSON.parse(raw), () => console.log(channel)));

export const worker = new Worker('email', async (job) => continueFromMessage(job.data, () => console.log(job.id)));

export async function listen() {
  const nc = await connect();
  nc.subscribe('orders.*', { callback: (err, msg) => continueFromMessage(msg.headers, () => console.log(msg.subject)) });
  for await (const msg of nc.subscribe('audit.*')) {
    continueFromMessage(msg.headers, () => console.log(msg.subject));
  }
}
`,
  },
  {
    name: 'an SQS receive loop that extracts each message (with the instrumentation)',
    filename: INSTRUMENTED_TS,
    code: `
import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function poll(handle: (body?: string) => Promise<void>) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q', MessageAttributeNames: ['All'] }));
  for (const message of Messages) {
    await withExtractedContext(message.MessageAttributes, () => handle(message.Body), { name: 'process q', kind: 'consumer' });
  }
}
`,
  },
  {
    name: 'NestJS pattern handlers and queue processors that extract',
    code: `
import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  created(@Payload() data: { trace: Record<string, string> }) {
    return withExtractedContext(data.trace, () => console.log('created'));
  }

  @MessagePattern('order.get')
  get(@Payload() data: { trace: Record<string, string>; id: string }) {
    return withExtractedContext(data.trace, () => ({ id: data.id }));
  }
}

@Processor('email')
export class EmailProcessor {
  @Process('welcome')
  async welcome(job: Job<{ trace: Record<string, string> }>) {
    await withExtractedContext(job.data.trace, async () => console.log(job.id));
  }
}
`,
  },
  {
    name: 'a Pub/Sub message handler and an Azure processMessage that extract (ESM JavaScript)',
    filename: BARE_JS,
    languageOptions: ESM,
    code: `
import { PubSub } from '@google-cloud/pubsub';
import { ServiceBusClient } from '@azure/service-bus';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const subscription = new PubSub().subscription('orders-billing');
subscription.on('message', (message) => withExtractedContext(message.attributes, () => message.ack()));

const receiver = new ServiceBusClient(process.env.SB).createReceiver('orders');
receiver.subscribe({
  processMessage: async (message) => withExtractedContext(message.applicationProperties, async () => console.log(message.body)),
  processError: async (args) => console.error(args.error),
});
`,
  },
  {
    name: 'handlers with empty bodies do nothing with the message',
    code: `
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';

@Controller()
export class PingController {
  @EventPattern('ping')
  ping() {}
}
`,
  },
  {
    name: 'NATS publish with MsgHdrs filled by propagation.inject, and a Redis envelope that carries the context',
    code: `
import { connect, headers } from 'nats';
import Redis from 'ioredis';
import { context, propagation } from '@opentelemetry/api';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis();

export async function announce(id: string) {
  const nc = await connect();
  const h = headers();
  propagation.inject(context.active(), h, { set: (carrier, key, value) => carrier.set(key, value) });
  nc.publish('orders.created', id, { headers: h });
  await redis.publish('orders:created', JSON.stringify({ id, trace: injectContext() }));
}
`,
  },
  {
    name: 'NestJS ClientProxy emit whose payload carries injected context',
    code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class OrdersPublisher {
  constructor(@Inject('ORDERS') private readonly client: ClientProxy) {}

  created(id: string) {
    return this.client.emit('order.created', { id, trace: injectContext() });
  }
}
`,
  },
  {
    name: 'a @nestjs/bullmq processor whose process method extracts',
    code: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Processor('email')
export class EmailProcessor extends WorkerHost {
  async process(job: Job<{ trace: Record<string, string> }>): Promise<void> {
    await withExtractedContext(job.data.trace, async () => console.log(job.id));
  }
}
`,
  },
  // ── test and browser code ──────────────────────────────────────────────────────────────────────
  {
    name: 'a kafkajs eachMessage handler that is a same-file function calling an extracting helper',
    code: `
import { Kafka, type EachMessagePayload } from 'kafkajs';
import { context, propagation } from '@opentelemetry/api';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

function parentOf(payload: EachMessagePayload) {
  return propagation.extract(context.active(), payload.message.headers ?? {});
}

async function onMessage(payload: EachMessagePayload) {
  await context.with(parentOf(payload), async () => console.log(payload.message.offset));
}

export const start = () => consumer.run({ eachMessage: onMessage });
`,
  },
  {
    name: 'amqplib consume and sendToQueue with the instrumentation (CommonJS)',
    filename: INSTRUMENTED_CJS,
    languageOptions: COMMONJS,
    code: `
const amqp = require('amqplib');

exports.start = async () => {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  channel.sendToQueue('audit', Buffer.from('started'));
  await channel.consume('orders', (msg) => msg && channel.ack(msg));
};
`,
  },
  {
    name: 'test code: a spec file that publishes fixtures to kafka and amqp',
    filename: BARE_TEST_TS,
    code: `
import { Kafka } from 'kafkajs';
import amqp from 'amqplib';
import { it } from 'vitest';

it('publishes', async () => {
  const producer = new Kafka({ brokers: ['localhost:9092'] }).producer();
  await producer.send({ topic: 'orders', messages: [{ value: '1' }] });
  const channel = await (await amqp.connect('amqp://localhost')).createChannel();
  channel.sendToQueue('orders', Buffer.from('1'));
});
`,
  },
  {
    name: 'test code: a helper under tests/ that seeds a BullMQ queue',
    filename: BARE_TESTS_DIR_TS,
    code: `
import { Queue } from 'bullmq';

export async function seed() {
  const queue = new Queue('email');
  await queue.add('welcome', { to: 'a@example.com' });
}
`,
  },
  {
    name: 'browser code: a page that publishes over a Pub/Sub-named client and touches the document',
    code: `
import { PubSub } from '@google-cloud/pubsub';

const topic = new PubSub().topic('clicks');

document.addEventListener('click', () => {
  void topic.publishMessage({ data: Buffer.from(String(window.location)) });
});
`,
  },
  {
    name: 'NATS request whose options variable was built with injected headers',
    code: `
import { connect, headers } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function quote(sku: string) {
  const nc = await connect();
  const options = { timeout: 1000, headers: injectContext(headers()) };
  return nc.request('prices.quote', sku, options);
}
`,
  },
  {
    name: "NATS publish through the team's inject helper (helpers.inject)",
    settings: { 'trace-context': { helpers: { inject: ['withTraceHeaders'] } } },
    code: `
import { connect } from '@nats-io/transport-node';
import { withTraceHeaders } from './tracing';

export async function announce(id: string) {
  const nc = await connect();
  nc.publish('orders.created', id, withTraceHeaders({}));
}
`,
  },
  {
    name: 'NATS status and closed iterators are not message subscriptions',
    code: `
import { connect } from 'nats';

export async function watch() {
  const nc = await connect();
  for await (const status of nc.status()) console.log(status.type);
  await nc.closed();
}
`,
  },
  {
    name: 'an RxJS subject subscribe beside a NATS connection is not a NATS consumer',
    code: `
import { Subject } from 'rxjs';
import { connect } from 'nats';

const updates = new Subject<string>();

export async function start() {
  updates.subscribe({ next: (value) => console.log(value) });
  return connect();
}
`,
  },
  {
    name: 'Redis connection events and Pub/Sub error events are not messages',
    code: `
import Redis from 'ioredis';
import { PubSub } from '@google-cloud/pubsub';

const subscriber = new Redis();
const subscription = new PubSub().subscription('orders-billing');

subscriber.on('connect', () => console.log('connected'));
subscriber.on('error', (error) => console.error(error));
subscription.on('error', (error) => console.error(error));
subscription.on('close', () => console.log('closed'));
`,
  },
  {
    name: 'an xreadgroup loop whose entries are processed by a same-file function that extracts',
    code: `
import Redis from 'ioredis';
import { context } from '@opentelemetry/api';
import { extractContext } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis();

function processEntry(fields: string[]) {
  return context.with(extractContext(fields), () => console.log(fields));
}

export async function work() {
  const reply = (await redis.xreadgroup('GROUP', 'billing', 'worker-1', 'STREAMS', 'orders', '>')) as [string, [string, string[]][]][] | null;
  for (const [, entries] of reply ?? []) for (const [, fields] of entries) processEntry(fields);
}
`,
  },
  {
    name: 'a node-redis subscribe listener that reads the envelope with payloadContext',
    code: `
import { createClient } from 'redis';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const subscriber = createClient().duplicate();

await subscriber.subscribe('orders:created', (message, channel) =>
  withExtractedContext(payloadContext(message), () => console.log(channel, message), { name: \`process \${channel}\`, kind: 'consumer' }),
);
`,
  },
  {
    name: 'an amqplib channel.get whose message is continued with extractContext and context.with (CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const amqp = require('amqplib');
const { context } = require('@opentelemetry/api');
const { extractContext } = require('eslint-plugin-trace-context/wrappers');

exports.takeOne = async (queue, handle) => {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  const msg = await channel.get(queue);
  if (!msg) return;
  await context.with(extractContext(msg.properties.headers), () => handle(msg.content));
  channel.ack(msg);
};
`,
  },
  {
    name: 'kafkajs eachBatch that extracts each message with propagation.extract',
    code: `
import { context, propagation } from '@opentelemetry/api';
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export const start = (handle: (value: Buffer | null) => Promise<void>) =>
  consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        await context.with(propagation.extract(context.active(), message.headers), () => handle(message.value));
      }
    },
  });
`,
  },
  {
    name: "an Azure processMessage handler that calls the team's extract helper (helpers.extract)",
    settings: { 'trace-context': { helpers: { extract: ['inMessageContext'] } } },
    code: `
import { ServiceBusClient } from '@azure/service-bus';
import { inMessageContext } from './tracing';

const receiver = new ServiceBusClient(process.env.SB_CONNECTION!).createReceiver('orders');

receiver.subscribe({
  processMessage: async (message) => inMessageContext(message, () => console.log(message.body)),
  processError: async (args) => console.error(args.error),
});
`,
  },
  {
    name: 'Azure peekMessages looks at messages without processing them',
    code: `
import { ServiceBusClient } from '@azure/service-bus';

const receiver = new ServiceBusClient(process.env.SB_CONNECTION!).createReceiver('orders');

export async function depth() {
  const peeked = await receiver.peekMessages(10);
  return peeked.length;
}
`,
  },
  {
    name: 'Pub/Sub publishJSON with injected attributes (ESM JavaScript)',
    filename: BARE_MJS,
    languageOptions: ESM,
    code: `
import { PubSub } from '@google-cloud/pubsub';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const topic = new PubSub().topic('orders');

export const publish = (order) => topic.publishJSON(order, injectContext({ tenant: order.tenant }));
`,
  },
  {
    name: 'Azure sendMessages with a message literal whose applicationProperties are injected',
    code: `
import { ServiceBusClient } from '@azure/service-bus';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const sender = new ServiceBusClient(process.env.SB_CONNECTION!).createSender('orders');

export const send = (id: string) => sender.sendMessages([{ body: { id }, applicationProperties: injectContext({ source: 'checkout' }) }]);
`,
  },
  {
    name: 'a readline for await loop in a file that uses NATS',
    code: `
import { createInterface } from 'node:readline';
import { connect } from 'nats';

export async function replay(input: NodeJS.ReadableStream) {
  const nc = await connect();
  for await (const line of createInterface({ input })) console.log(line);
  return nc;
}
`,
  },
  {
    name: 'node-redis xAdd through the plain OpenTelemetry API',
    code: `
import { context, propagation } from '@opentelemetry/api';
import { createClient } from 'redis';

const client = createClient();

export async function append(id: string) {
  const fields: Record<string, string> = { id };
  propagation.inject(context.active(), fields);
  await client.xAdd('orders', '*', fields);
}
`,
  },
  {
    name: 'an ioredis xadd whose fields come from a same-file helper that injects',
    code: `
import Redis from 'ioredis';
import { injectContextFields } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis();

function entry(id: string): string[] {
  return ['id', id, ...injectContextFields()];
}

export const append = (id: string) => redis.xadd('orders', '*', ...entry(id));
`,
  },
  {
    name: 'a Redis publish whose envelope variable was built with injectPayloadContext',
    code: `
import Redis from 'ioredis';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis();

export async function announce(order: { id: string }) {
  const envelope = injectPayloadContext(order);
  await redis.publish('orders:created', JSON.stringify(envelope));
}
`,
  },
  {
    name: 'test code: a spec file that publishes NATS and Redis stream fixtures',
    filename: BARE_TEST_TS,
    code: `
import { connect } from 'nats';
import Redis from 'ioredis';

export async function seed() {
  const nc = await connect();
  nc.publish('orders.created', 'fixture');
  await new Redis().xadd('orders', '*', 'id', 'fixture');
}
`,
  },
  {
    name: 'a JetStream consumer loop (@nats-io/jetstream) that continues each message',
    code: `
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function work(handle: (data: Uint8Array) => Promise<void>) {
  const js = jetstream(await connect());
  const consumer = await js.consumers.get('ORDERS', 'worker');
  for await (const m of await consumer.consume()) {
    await withExtractedContext(m.headers, () => handle(m.data), { name: 'process ORDERS', kind: 'consumer' });
    m.ack();
  }
}
`,
  },
  {
    name: 'amqplib channel.get continued with withExtractedContext, with the instrumentation installed',
    filename: INSTRUMENTED_TS,
    code: `
import amqp from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function takeOne(handle: (body: Buffer) => Promise<void>) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  const msg = await channel.get('jobs');
  if (!msg) return;
  await withExtractedContext(msg.properties.headers, () => handle(msg.content), { name: 'process jobs', kind: 'consumer' });
  channel.ack(msg);
}
`,
  },
  {
    name: 'NATS publish whose headers variable holds an injected copy (connection typed through a type-only import)',
    code: `
import { headers, type NatsConnection } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function announce(nc: NatsConnection, id: string) {
  const h = injectContext(headers());
  h.set('order-id', id);
  nc.publish('orders.created', id, { headers: h });
}
`,
  },
  {
    name: 'an ioredis xread loop in CommonJS whose entries are continued with withExtractedContext',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const Redis = require('ioredis');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const redis = new Redis();

exports.tail = async (ship) => {
  const reply = await redis.xread('BLOCK', 0, 'STREAMS', 'shipments', '$');
  for (const [, fields] of reply[0][1]) {
    await withExtractedContext(fields, () => ship(fields), { name: 'process shipments', kind: 'consumer' });
  }
};
`,
  },
  {
    name: 'an Azure processMessage in CommonJS that continues the message context',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { ServiceBusClient } = require('@azure/service-bus');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

new ServiceBusClient(process.env.SERVICE_BUS_CONNECTION).createReceiver('orders').subscribe({
  processMessage: (message) => withExtractedContext(message.applicationProperties, () => console.log(message.body), { name: 'process orders', kind: 'consumer' }),
  processError: async (args) => console.error(args.error),
});
`,
  },
  {
    name: 'loops over batch.messages outside a kafkajs consumer are not batch handlers',
    code: `
import { Kafka } from 'kafkajs';

export function summarize(batch: { topic: string; messages: { offset: string }[] }) {
  for (const message of batch.messages) console.log(batch.topic, message.offset);
  return new Kafka({ brokers: ['kafka:9092'] });
}
`,
  },
  {
    name: 'typed Redis and Azure clients whose messages carry injected context',
    code: `
import type { RedisClientType } from 'redis';
import type { ServiceBusSender } from '@azure/service-bus';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function relay(client: RedisClientType, sender: ServiceBusSender) {
  await client.xAdd('orders', '*', injectContext({ source: 'relay' }));
  await sender.sendMessages({ body: 'relayed', applicationProperties: injectContext() });
}
`,
  },
  {
    name: 'an amqplib polling loop guarded by msg === false whose rest extracts',
    code: `
import type { Channel } from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function drain(channel: Channel): Promise<void> {
  for (;;) {
    const msg = await channel.get('remittances');
    if (msg === false) break;
    withExtractedContext(msg.properties.headers, () => channel.ack(msg), { name: 'process remittances', kind: 'consumer' });
  }
}
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'a client created only when enabled (cond ? new PubSub() : null) is still the client',
    code: `
import { PubSub } from '@google-cloud/pubsub';

const pubsub = process.env.PUBSUB_ENABLED ? new PubSub() : null;

export async function publish(id: string) {
  await pubsub?.topic('orders').publishMessage({ data: Buffer.from(id) });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { PubSub } from '@google-cloud/pubsub';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const pubsub = process.env.PUBSUB_ENABLED ? new PubSub() : null;

export async function publish(id: string) {
  await pubsub?.topic('orders').publishMessage({ data: Buffer.from(id), attributes: injectContext() });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NATS loaded lazily (an optional dependency required inside a function): reported, but no top-level import of headers is added',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
async function announce(subject, data) {
  const { connect } = require('nats');
  const nc = await connect();
  nc.publish(subject, data);
}

module.exports = { announce };
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 13,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a client class that connects lazily: this.channel is assigned in connect(), not in the constructor (CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const amqp = require('amqplib');

class Broker {
  constructor() {
    this.channel = null;
  }

  async connect() {
    const connection = await amqp.connect(process.env.AMQP_URL);
    this.channel = await connection.createChannel();
  }

  async emit(queue, data) {
    if (!this.channel) await this.connect();
    this.channel.sendToQueue(queue, Buffer.from(JSON.stringify(data)), { persistent: true });
  }
}

module.exports = new Broker();
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 16,
        column: 5,
        endLine: 16,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
const amqp = require('amqplib');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

class Broker {
  constructor() {
    this.channel = null;
  }

  async connect() {
    const connection = await amqp.connect(process.env.AMQP_URL);
    this.channel = await connection.createChannel();
  }

  async emit(queue, data) {
    if (!this.channel) await this.connect();
    this.channel.sendToQueue(queue, Buffer.from(JSON.stringify(data)), { persistent: true, headers: injectContext() });
  }
}

module.exports = new Broker();
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NestJS providers: a kafkajs Producer and Consumer injected by type, a Pub/Sub Topic parameter',
    code: `
import { Inject, Injectable } from '@nestjs/common';
import type { Topic } from '@google-cloud/pubsub';
import type { Consumer, Producer } from 'kafkajs';

@Injectable()
export class OrderEvents {
  constructor(
    @Inject('KAFKA_PRODUCER') private readonly producer: Producer,
    @Inject('KAFKA_CONSUMER') private readonly consumer: Consumer,
  ) {}

  async placed(id: string) {
    await this.producer.send({ topic: 'orders', messages: [{ key: id, value: id }] });
  }

  async listen(handle: (id: string) => Promise<void>) {
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        await handle(String(message.value));
      },
    });
  }
}

export const announce = (topic: Topic, id: string) => topic.publishMessage({ data: Buffer.from(id) });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'kafkajs' },
        line: 14,
        column: 11,
        endLine: 14,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Inject, Injectable } from '@nestjs/common';
import type { Topic } from '@google-cloud/pubsub';
import type { Consumer, Producer } from 'kafkajs';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class OrderEvents {
  constructor(
    @Inject('KAFKA_PRODUCER') private readonly producer: Producer,
    @Inject('KAFKA_CONSUMER') private readonly consumer: Consumer,
  ) {}

  async placed(id: string) {
    await this.producer.send({ topic: 'orders', messages: [{ key: id, value: id, headers: injectContext() }] });
  }

  async listen(handle: (id: string) => Promise<void>) {
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        await handle(String(message.value));
      },
    });
  }
}

export const announce = (topic: Topic, id: string) => topic.publishMessage({ data: Buffer.from(id) });
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 19,
        column: 7,
        endLine: 19,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Inject, Injectable } from '@nestjs/common';
import type { Topic } from '@google-cloud/pubsub';
import type { Consumer, Producer } from 'kafkajs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class OrderEvents {
  constructor(
    @Inject('KAFKA_PRODUCER') private readonly producer: Producer,
    @Inject('KAFKA_CONSUMER') private readonly consumer: Consumer,
  ) {}

  async placed(id: string) {
    await this.producer.send({ topic: 'orders', messages: [{ key: id, value: id }] });
  }

  async listen(handle: (id: string) => Promise<void>) {
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        return withExtractedContext(message.headers, async () => {
          await handle(String(message.value));
        }, { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'kafka' } });
      },
    });
  }
}

export const announce = (topic: Topic, id: string) => topic.publishMessage({ data: Buffer.from(id) });
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 26,
        column: 55,
        endLine: 26,
        endColumn: 75,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Inject, Injectable } from '@nestjs/common';
import type { Topic } from '@google-cloud/pubsub';
import type { Consumer, Producer } from 'kafkajs';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class OrderEvents {
  constructor(
    @Inject('KAFKA_PRODUCER') private readonly producer: Producer,
    @Inject('KAFKA_CONSUMER') private readonly consumer: Consumer,
  ) {}

  async placed(id: string) {
    await this.producer.send({ topic: 'orders', messages: [{ key: id, value: id }] });
  }

  async listen(handle: (id: string) => Promise<void>) {
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        await handle(String(message.value));
      },
    });
  }
}

export const announce = (topic: Topic, id: string) => topic.publishMessage({ data: Buffer.from(id), attributes: injectContext() });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqp-connection-manager: ChannelWrapper sendToQueue and publish without instrumentation (CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const amqp = require('amqp-connection-manager');

const connection = amqp.connect(['amqp://rabbit']);
const channel = connection.createChannel({ json: true });

exports.enqueue = (job) => channel.sendToQueue('jobs', job, { persistent: true });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 7,
        column: 28,
        endLine: 7,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
const amqp = require('amqp-connection-manager');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

const connection = amqp.connect(['amqp://rabbit']);
const channel = connection.createChannel({ json: true });

exports.enqueue = (job) => channel.sendToQueue('jobs', job, { persistent: true, headers: injectContext() });
`,
          },
        ],
      },
    ],
  },
  // ── kafkajs ────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'kafkajs producer.send: every message literal gets headers',
    code: `
import { Kafka } from 'kafkajs';

const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();

export async function publish(id: string, body: string) {
  await producer.send({
    topic: 'orders',
    messages: [
      { key: id, value: body },
      { key: id, value: body, headers: { source: 'checkout' } },
    ],
  });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'kafkajs' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Kafka } from 'kafkajs';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();

export async function publish(id: string, body: string) {
  await producer.send({
    topic: 'orders',
    messages: [
      { key: id, value: body, headers: injectContext() },
      { key: id, value: body, headers: injectContext({ source: 'checkout' }) },
    ],
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs sendBatch with topicMessages',
    code: `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ brokers: ['kafka:9092'] });
const producer = kafka.producer();

export async function flush(ids: string[]) {
  await producer.sendBatch({ topicMessages: [{ topic: 'audit', messages: ids.map((id) => ({ value: id })) }] });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'kafkajs' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Kafka } from 'kafkajs';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const kafka = new Kafka({ brokers: ['kafka:9092'] });
const producer = kafka.producer();

export async function flush(ids: string[]) {
  await producer.sendBatch({ topicMessages: [{ topic: 'audit', messages: ids.map((id) => ({ value: id, headers: injectContext() })) }] });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs send inside a transaction',
    code: `
import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer({ transactionalId: 'orders-tx', idempotent: true });

export async function publishAtomically(value: string) {
  const transaction = await producer.transaction();
  await transaction.send({ topic: 'orders', messages: [{ value }] });
  await transaction.commit();
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'kafkajs' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Kafka } from 'kafkajs';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer({ transactionalId: 'orders-tx', idempotent: true });

export async function publishAtomically(value: string) {
  const transaction = await producer.transaction();
  await transaction.send({ topic: 'orders', messages: [{ value, headers: injectContext() }] });
  await transaction.commit();
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs eachMessage with a destructured message: the handler body is wrapped',
    code: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.subscribe({ topic: 'orders' });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      await handle(message.value);
    },
  });
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 9,
        column: 5,
        endLine: 9,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Kafka } from 'kafkajs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.subscribe({ topic: 'orders' });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      return withExtractedContext(message.headers, async () => {
        await handle(message.value);
      }, { name: \`process \${topic}\`, kind: 'consumer', attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic } });
    },
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs eachMessage with a payload parameter (CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
'use strict';
const { Kafka } = require('kafkajs');

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

exports.start = async (handle) => {
  await consumer.run({
    eachMessage: async (payload) => {
      await handle(payload.message.value);
    },
  });
};
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 9,
        column: 5,
        endLine: 9,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
'use strict';
const { Kafka } = require('kafkajs');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

exports.start = async (handle) => {
  await consumer.run({
    eachMessage: async (payload) => {
      return withExtractedContext(payload.message.headers, async () => {
        await handle(payload.message.value);
      }, { name: \`process \${payload.topic}\`, kind: 'consumer', attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': payload.topic } });
    },
  });
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs eachBatch: each message of a for…of loop gets its own span, linked to the message context',
    code: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        await handle(message.value);
        resolveOffset(message.offset);
      }
    },
  });
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'linkMessageContext',
            output: `
import { Kafka } from 'kafkajs';
import { withLinkedContext } from 'eslint-plugin-trace-context/wrappers';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        await withLinkedContext(message.headers, async () => {
          await handle(message.value);
          resolveOffset(message.offset);
        }, { name: \`process \${batch.topic}\`, kind: 'consumer', attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': batch.topic } });
      }
    },
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs eachBatch is a hole of the installed instrumentation',
    filename: INSTRUMENTED_TS,
    code: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) await handle(message.value);
    },
  });
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'linkMessageContext',
            output: `
import { Kafka } from 'kafkajs';
import { withLinkedContext } from 'eslint-plugin-trace-context/wrappers';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        await withLinkedContext(message.headers, async () => {
          await handle(message.value);
        }, { name: \`process \${batch.topic}\`, kind: 'consumer', attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': batch.topic } });
      }
    },
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs eachBatch with a payload parameter: Promise.all over map and forEach with a destructured message (CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { Kafka } = require('kafkajs');

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'search' });

module.exports.start = (index, audit) =>
  consumer.run({
    eachBatch: async (payload) => {
      await Promise.all(payload.batch.messages.map(async (message) => {
        await index(JSON.parse(message.value.toString()));
      }));
      payload.batch.messages.forEach(({ headers, value }) => audit(headers, value));
      await payload.commitOffsetsIfNecessary();
    },
  });
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'linkMessageContext',
            output: `
const { Kafka } = require('kafkajs');
const { withLinkedContext } = require('eslint-plugin-trace-context/wrappers');

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'search' });

module.exports.start = (index, audit) =>
  consumer.run({
    eachBatch: async (payload) => {
      await Promise.all(payload.batch.messages.map(async (message) => {
        return withLinkedContext(message.headers, async () => {
          await index(JSON.parse(message.value.toString()));
        }, { name: \`process \${payload.batch.topic}\`, kind: 'consumer', attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': payload.batch.topic } });
      }));
      payload.batch.messages.forEach(({ headers, value }) => withLinkedContext(headers, () => audit(headers, value), { name: \`process \${payload.batch.topic}\`, kind: 'consumer', attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': payload.batch.topic } }));
      await payload.commitOffsetsIfNecessary();
    },
  });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs eachBatch: a map that only picks offsets is not a processing loop and stays as it is',
    code: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'ledger' });

export const start = (book: (value: Buffer | null) => Promise<void>) =>
  consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      const offsets = batch.messages.map((message) => message.offset);
      for (const message of batch.messages) await book(message.value);
      resolveOffset(offsets[offsets.length - 1]!);
    },
  });
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'linkMessageContext',
            output: `
import { Kafka } from 'kafkajs';
import { withLinkedContext } from 'eslint-plugin-trace-context/wrappers';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'ledger' });

export const start = (book: (value: Buffer | null) => Promise<void>) =>
  consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      const offsets = batch.messages.map((message) => message.offset);
      for (const message of batch.messages) {
        await withLinkedContext(message.headers, async () => {
          await book(message.value);
        }, { name: \`process \${batch.topic}\`, kind: 'consumer', attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': batch.topic } });
      }
      resolveOffset(offsets[offsets.length - 1]!);
    },
  });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs eachBatch whose loop uses continue: reported without a suggestion',
    code: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(handle: (value: Buffer) => Promise<void>) {
  await consumer.run({
    eachBatch: async ({ batch, heartbeat }) => {
      for (const message of batch.messages) {
        if (!message.value) continue;
        await handle(message.value);
        await heartbeat();
      }
    },
  });
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 14,
        suggestions: [],
      },
    ],
  },
  {
    name: 'kafkajs eachBatch that hands the whole batch on: no loop to wrap, reported without a suggestion',
    code: `
import { Kafka } from 'kafkajs';
import { indexAll } from './search';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'search' });

export const start = () =>
  consumer.run({
    eachBatch: async ({ batch }) => {
      await indexAll(batch.messages);
    },
  });
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 9,
        column: 5,
        endLine: 9,
        endColumn: 14,
        suggestions: [],
      },
    ],
  },
  {
    name: 'kafkajs eachBatch with a loop over the messages nested in another: reported without a suggestion',
    code: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'dedupe' });

export const start = () =>
  consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        for (const other of batch.messages) {
          if (other !== message && other.key?.equals(message.key ?? Buffer.alloc(0))) console.log(other.offset);
        }
      }
    },
  });
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 14,
        suggestions: [],
      },
    ],
  },
  {
    name: 'kafkajs eachMessage given an imported handler: reported without a suggestion',
    code: `
import { Kafka } from 'kafkajs';
import { onOrder } from './handlers';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export const start = () => consumer.run({ eachMessage: onOrder });
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'kafkajs' },
        line: 7,
        column: 43,
        endLine: 7,
        endColumn: 54,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a kafkajs producer held in a class field',
    code: `
import { Kafka } from 'kafkajs';

export class Outbox {
  private readonly producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

  async flush(value: string) {
    await this.producer.send({ topic: 'orders', messages: [{ value }] });
  }
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'kafkajs' },
        line: 8,
        column: 11,
        endLine: 8,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Kafka } from 'kafkajs';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export class Outbox {
  private readonly producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

  async flush(value: string) {
    await this.producer.send({ topic: 'orders', messages: [{ value, headers: injectContext() }] });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'kafkajs through a namespace import',
    code: `
import * as kafkajs from 'kafkajs';

const producer = new kafkajs.Kafka({ brokers: ['kafka:9092'] }).producer();

export const publish = (value: string) => producer.send({ topic: 'orders', messages: [{ value }] });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'kafkajs' },
        line: 6,
        column: 43,
        endLine: 6,
        endColumn: 56,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import * as kafkajs from 'kafkajs';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const producer = new kafkajs.Kafka({ brokers: ['kafka:9092'] }).producer();

export const publish = (value: string) => producer.send({ topic: 'orders', messages: [{ value, headers: injectContext() }] });
`,
          },
        ],
      },
    ],
  },
  {
    name: "kafkajs through require('kafkajs').Kafka (CommonJS)",
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const Kafka = require('kafkajs').Kafka;

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

exports.publish = (value) => producer.send({ topic: 'orders', messages: [{ value }] });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'kafkajs' },
        line: 6,
        column: 30,
        endLine: 6,
        endColumn: 43,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
const Kafka = require('kafkajs').Kafka;
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

exports.publish = (value) => producer.send({ topic: 'orders', messages: [{ value, headers: injectContext() }] });
`,
          },
        ],
      },
    ],
  },
  // ── amqplib ────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'amqplib publish without options: an options object with headers is appended (ESM JavaScript)',
    filename: BARE_MJS,
    languageOptions: ESM,
    code: `
import amqp from 'amqplib';

const connection = await amqp.connect('amqp://rabbit');
const channel = await connection.createChannel();

export function announce(order) {
  channel.publish('orders', 'created', Buffer.from(JSON.stringify(order)));
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import amqp from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const connection = await amqp.connect('amqp://rabbit');
const channel = await connection.createChannel();

export function announce(order) {
  channel.publish('orders', 'created', Buffer.from(JSON.stringify(order)), { headers: injectContext() });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib sendToQueue with options and no headers: headers are added',
    code: `
import { connect } from 'amqplib';

export async function enqueue(body: Buffer) {
  const channel = await (await connect('amqp://rabbit')).createChannel();
  channel.sendToQueue('emails', body, { persistent: true });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { connect } from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function enqueue(body: Buffer) {
  const channel = await (await connect('amqp://rabbit')).createChannel();
  channel.sendToQueue('emails', body, { persistent: true, headers: injectContext() });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib confirm channel publish with literal headers: they are wrapped, not mutated',
    code: `
import amqp from 'amqplib';

export async function announce(body: Buffer) {
  const channel = await (await amqp.connect('amqp://rabbit')).createConfirmChannel();
  channel.publish('orders', 'created', body, { persistent: true, headers: { source: 'checkout' } });
  await channel.waitForConfirms();
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import amqp from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function announce(body: Buffer) {
  const channel = await (await amqp.connect('amqp://rabbit')).createConfirmChannel();
  channel.publish('orders', 'created', body, { persistent: true, headers: injectContext({ source: 'checkout' }) });
  await channel.waitForConfirms();
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib publish with an options variable: spread with the injected headers',
    code: `
import amqp, { type Options } from 'amqplib';

export async function announce(body: Buffer, options: Options.Publish) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  channel.publish('orders', 'created', body, options);
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import amqp, { type Options } from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function announce(body: Buffer, options: Options.Publish) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  channel.publish('orders', 'created', body, { ...options, headers: injectContext(options?.headers) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an amqplib channel from a same-file helper and a .then chain',
    code: `
import amqp from 'amqplib';

async function openChannel() {
  const connection = await amqp.connect('amqp://rabbit');
  return connection.createChannel();
}

export async function announce(body: Buffer) {
  const channel = await openChannel();
  channel.sendToQueue('orders', body);
}

export async function ready() {
  const channel = await amqp.connect('amqp://rabbit').then((connection) => connection.createChannel());
  channel.sendToQueue('audit', Buffer.from('ready'));
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 11,
        column: 3,
        endLine: 11,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import amqp from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

async function openChannel() {
  const connection = await amqp.connect('amqp://rabbit');
  return connection.createChannel();
}

export async function announce(body: Buffer) {
  const channel = await openChannel();
  channel.sendToQueue('orders', body, { headers: injectContext() });
}

export async function ready() {
  const channel = await amqp.connect('amqp://rabbit').then((connection) => connection.createChannel());
  channel.sendToQueue('audit', Buffer.from('ready'));
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 16,
        column: 3,
        endLine: 16,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import amqp from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

async function openChannel() {
  const connection = await amqp.connect('amqp://rabbit');
  return connection.createChannel();
}

export async function announce(body: Buffer) {
  const channel = await openChannel();
  channel.sendToQueue('orders', body);
}

export async function ready() {
  const channel = await amqp.connect('amqp://rabbit').then((connection) => connection.createChannel());
  channel.sendToQueue('audit', Buffer.from('ready'), { headers: injectContext() });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an amqplib parameter typed Channel',
    code: `
import type { Channel } from 'amqplib';

export function announce(channel: Channel, body: Buffer) {
  channel.publish('orders', 'created', body);
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import type { Channel } from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function announce(channel: Channel, body: Buffer) {
  channel.publish('orders', 'created', body, { headers: injectContext() });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib consume: the handler runs in the message context',
    code: `
import amqp from 'amqplib';

const QUEUE = 'orders';

export async function start(handle: (body: Buffer) => Promise<void>) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  await channel.consume(QUEUE, async (msg) => {
    if (!msg) return;
    await handle(msg.content);
    channel.ack(msg);
  });
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import amqp from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const QUEUE = 'orders';

export async function start(handle: (body: Buffer) => Promise<void>) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  await channel.consume(QUEUE, async (msg) => {
    if (!msg) return;
    return withExtractedContext(msg.properties.headers, async () => {
      await handle(msg.content);
      channel.ack(msg);
    }, { name: \`process \${QUEUE}\`, kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': QUEUE } });
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib channel.get guarded by if (msg): the guarded block runs in the message context',
    code: `
import amqp from 'amqplib';

export async function drainOne(handle: (body: Buffer) => void) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  const msg = await channel.get('orders', { noAck: false });
  if (msg) {
    handle(msg.content);
    channel.ack(msg);
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 6,
        column: 21,
        endLine: 6,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import amqp from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function drainOne(handle: (body: Buffer) => void) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  const msg = await channel.get('orders', { noAck: false });
  if (msg) {
    withExtractedContext(msg.properties.headers, () => {
      handle(msg.content);
      channel.ack(msg);
    }, { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'orders' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib channel.get is never covered by the instrumentation (CommonJS)',
    filename: INSTRUMENTED_CJS,
    languageOptions: COMMONJS,
    code: `
const amqp = require('amqplib');

exports.drainOne = async () => {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  const msg = await channel.get('orders');
  if (msg) channel.ack(msg);
};
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 6,
        column: 21,
        endLine: 6,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
const amqp = require('amqplib');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

exports.drainOne = async () => {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  const msg = await channel.get('orders');
  if (msg) {
    withExtractedContext(msg.properties.headers, () => {
      channel.ack(msg);
    }, { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'orders' } });
  }
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib channel.get then if (!msg) return: the rest of the function runs in the context, its returns kept',
    code: `
import amqp from 'amqplib';

export async function nextJob(handle: (body: string) => Promise<void>): Promise<boolean> {
  const connection = await amqp.connect('amqp://rabbit');
  const channel = await connection.createChannel();
  const msg = await channel.get('jobs');
  if (!msg) return false;
  await handle(msg.content.toString());
  channel.ack(msg);
  return true;
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 7,
        column: 21,
        endLine: 7,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import amqp from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function nextJob(handle: (body: string) => Promise<void>): Promise<boolean> {
  const connection = await amqp.connect('amqp://rabbit');
  const channel = await connection.createChannel();
  const msg = await channel.get('jobs');
  if (!msg) return false;
  return withExtractedContext(msg.properties.headers, async () => {
    await handle(msg.content.toString());
    channel.ack(msg);
    return true;
  }, { name: 'process jobs', kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'jobs' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib channel.get at the end of a try/finally: return await keeps the finally after the work',
    code: `
import type { Channel } from 'amqplib';

export async function takeOne(channel: Channel, queue: string, handle: (body: Buffer) => Promise<void>) {
  try {
    const msg = await channel.get(queue, { noAck: false });
    if (!msg) {
      return;
    }
    await handle(msg.content);
    channel.ack(msg);
  } finally {
    await channel.close();
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 6,
        column: 23,
        endLine: 6,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import type { Channel } from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function takeOne(channel: Channel, queue: string, handle: (body: Buffer) => Promise<void>) {
  try {
    const msg = await channel.get(queue, { noAck: false });
    if (!msg) {
      return;
    }
    return await withExtractedContext(msg.properties.headers, async () => {
      await handle(msg.content);
      channel.ack(msg);
    }, { name: \`process \${queue}\`, kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': queue } });
  } finally {
    await channel.close();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib channel.get in a polling loop with if (!msg) break: the rest of the loop body runs in the context',
    code: `
import amqp from 'amqplib';

export async function drain(queue: string, handle: (body: Buffer) => Promise<void>) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  for (;;) {
    const msg = await channel.get(queue);
    if (!msg) break;
    await handle(msg.content);
    channel.ack(msg);
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 7,
        column: 23,
        endLine: 7,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import amqp from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function drain(queue: string, handle: (body: Buffer) => Promise<void>) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  for (;;) {
    const msg = await channel.get(queue);
    if (!msg) break;
    await withExtractedContext(msg.properties.headers, async () => {
      await handle(msg.content);
      channel.ack(msg);
    }, { name: \`process \${queue}\`, kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': queue } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib channel.get guarded by msg === false, and a consumer guarded by msg === null',
    code: `
import type { Channel } from 'amqplib';

export async function drain(channel: Channel, max = 100): Promise<number> {
  let handled = 0;
  while (handled < max) {
    const msg = await channel.get('remittances', { noAck: false });
    if (msg === false) break;
    channel.ack(msg);
    handled += 1;
  }
  await channel.consume('reversals', (msg) => {
    if (msg === null) return;
    channel.ack(msg);
  });
  return handled;
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 7,
        column: 23,
        endLine: 7,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import type { Channel } from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function drain(channel: Channel, max = 100): Promise<number> {
  let handled = 0;
  while (handled < max) {
    const msg = await channel.get('remittances', { noAck: false });
    if (msg === false) break;
    withExtractedContext(msg.properties.headers, () => {
      channel.ack(msg);
      handled += 1;
    }, { name: 'process remittances', kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'remittances' } });
  }
  await channel.consume('reversals', (msg) => {
    if (msg === null) return;
    channel.ack(msg);
  });
  return handled;
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 12,
        column: 9,
        endLine: 12,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import type { Channel } from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function drain(channel: Channel, max = 100): Promise<number> {
  let handled = 0;
  while (handled < max) {
    const msg = await channel.get('remittances', { noAck: false });
    if (msg === false) break;
    channel.ack(msg);
    handled += 1;
  }
  await channel.consume('reversals', (msg) => {
    if (msg === null) return;
    return withExtractedContext(msg.properties.headers, () => {
      channel.ack(msg);
    }, { name: 'process reversals', kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'reversals' } });
  });
  return handled;
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib channel.get without a guard, or with a break left in the moved code: reported without a suggestion',
    code: `
import amqp from 'amqplib';

export async function peek(queue: string) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  const msg = await channel.get(queue);
  console.log(msg && msg.content.toString());
}

export async function drainSome(queue: string, limit: number) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  for (let i = 0; i < limit; i++) {
    const msg = await channel.get(queue);
    if (!msg) break;
    if (msg.properties.type === 'stop') break;
    channel.ack(msg);
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 6,
        column: 21,
        endLine: 6,
        endColumn: 32,
        suggestions: [],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 13,
        column: 23,
        endLine: 13,
        endColumn: 34,
        suggestions: [],
      },
    ],
  },
  // ── BullMQ, Bull, NestJS queues ────────────────────────────────────────────────────────────────
  {
    name: 'BullMQ Queue add and addBulk without telemetry: reported without a suggestion',
    code: `
import { Queue } from 'bullmq';

const queue = new Queue('email', { connection: { host: 'redis' } });

export async function enqueue(to: string) {
  await queue.add('welcome', { to });
  await queue.addBulk([{ name: 'digest', data: { to } }]);
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 18,
        suggestions: [],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 22,
        suggestions: [],
      },
    ],
  },
  {
    name: 'BullMQ FlowProducer add',
    code: `
import { FlowProducer } from 'bullmq';

const flows = new FlowProducer({ connection: { host: 'redis' } });

export const report = () => flows.add({ name: 'report', queueName: 'reports', children: [{ name: 'part', queueName: 'parts', data: {} }] });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 6,
        column: 29,
        endLine: 6,
        endColumn: 38,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a BullMQ Worker without telemetry',
    code: `
import { Worker } from 'bullmq';

export const worker = new Worker('email', async (job) => {
  console.log('sending', job.data.to);
});
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq' },
        line: 4,
        column: 23,
        endLine: 4,
        endColumn: 33,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Bull queue add (default export constructor, CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const Queue = require('bull');

const queue = new Queue('email', 'redis://redis:6379');

exports.enqueue = (to) => queue.add({ to });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 6,
        column: 27,
        endLine: 6,
        endColumn: 36,
        suggestions: [],
      },
    ],
  },
  {
    name: '@nestjs/bull @Process methods',
    code: `
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';

@Processor('email')
export class EmailProcessor {
  @Process('welcome')
  async welcome(job: Job<{ to: string }>) {
    console.log('sending', job.data.to);
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@nestjs/bull' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 16,
        suggestions: [],
      },
    ],
  },
  {
    name: '@nestjs/bullmq @Processor class: its process method',
    code: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

@Processor('email')
export class EmailProcessor extends WorkerHost {
  async process(job: Job<{ to: string }>): Promise<void> {
    console.log('sending', job.data.to);
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@nestjs/bullmq' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 16,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a queue injected with @InjectQueue (@nestjs/bullmq)',
    code: `
import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';

@Injectable()
export class Mailer {
  constructor(@InjectQueue('email') private readonly queue: Queue) {}

  welcome(to: string) {
    return this.queue.add('welcome', { to });
  }
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 11,
        column: 12,
        endLine: 11,
        endColumn: 26,
        suggestions: [],
      },
    ],
  },
  // ── AWS SDK v3 SQS / SNS ───────────────────────────────────────────────────────────────────────
  {
    name: 'SQS SendMessage with 8 attributes leaves no room for the propagator (instrumented)',
    filename: INSTRUMENTED_TS,
    code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});
const text = (value: string) => ({ DataType: 'String', StringValue: value });

export async function notify(id: string) {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: process.env.QUEUE_URL,
      MessageBody: id,
      MessageAttributes: { a: text('1'), b: text('2'), c: text('3'), d: text('4'), e: text('5'), f: text('6'), g: text('7'), h: text('8') },
    }),
  );
}
`,
    errors: [
      {
        messageId: 'sqsAttributeLimit',
        data: { library: 'SQS' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 17,
        suggestions: [],
      },
    ],
  },
  {
    name: 'an SQS batch entry with 8 attributes (instrumented)',
    filename: INSTRUMENTED_TS,
    code: `
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});
const s = { DataType: 'String', StringValue: 'x' };

export const flush = () =>
  sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: 'q',
      Entries: [
        { Id: '1', MessageBody: 'a', MessageAttributes: { a: s } },
        { Id: '2', MessageBody: 'b', MessageAttributes: { a: s, b: s, c: s, d: s, e: s, f: s, g: s, h: s } },
      ],
    }),
  );
`,
    errors: [
      {
        messageId: 'sqsAttributeLimit',
        data: { library: 'SQS' },
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 11,
        suggestions: [],
      },
    ],
  },
  // ── Google Cloud Pub/Sub ───────────────────────────────────────────────────────────────────────
  {
    name: 'Pub/Sub publishMessage: attributes are added',
    code: `
import { PubSub } from '@google-cloud/pubsub';

const topic = new PubSub({ projectId: 'shop' }).topic('orders');

export async function publish(id: string) {
  await topic.publishMessage({ data: Buffer.from(id), attributes: { source: 'checkout' } });
  await topic.publishMessage({ json: { id } });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { PubSub } from '@google-cloud/pubsub';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const topic = new PubSub({ projectId: 'shop' }).topic('orders');

export async function publish(id: string) {
  await topic.publishMessage({ data: Buffer.from(id), attributes: injectContext({ source: 'checkout' }) });
  await topic.publishMessage({ json: { id } });
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { PubSub } from '@google-cloud/pubsub';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const topic = new PubSub({ projectId: 'shop' }).topic('orders');

export async function publish(id: string) {
  await topic.publishMessage({ data: Buffer.from(id), attributes: { source: 'checkout' } });
  await topic.publishMessage({ json: { id }, attributes: injectContext() });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Pub/Sub topic.publish(data): the attributes argument is added',
    code: `
import { PubSub } from '@google-cloud/pubsub';

const pubsub = new PubSub();

export const publish = (id: string) => pubsub.topic('orders').publish(Buffer.from(id));
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 6,
        column: 40,
        endLine: 6,
        endColumn: 70,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { PubSub } from '@google-cloud/pubsub';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const pubsub = new PubSub();

export const publish = (id: string) => pubsub.topic('orders').publish(Buffer.from(id), injectContext());
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Pub/Sub topic.publish with attributes, with a callback, and with a parameter that may be either (ESM JavaScript)',
    filename: BARE_MJS,
    languageOptions: ESM,
    code: `
import { PubSub } from '@google-cloud/pubsub';

const topic = new PubSub().topic('orders');

export function publish(order, done) {
  topic.publish(Buffer.from(order.id), { tenant: order.tenant }, done);
  topic.publish(Buffer.from(order.id), (error) => done(error));
  topic.publish(Buffer.from(order.id), done);
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 7,
        column: 3,
        endLine: 7,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { PubSub } from '@google-cloud/pubsub';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const topic = new PubSub().topic('orders');

export function publish(order, done) {
  topic.publish(Buffer.from(order.id), injectContext({ tenant: order.tenant }), done);
  topic.publish(Buffer.from(order.id), (error) => done(error));
  topic.publish(Buffer.from(order.id), done);
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { PubSub } from '@google-cloud/pubsub';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const topic = new PubSub().topic('orders');

export function publish(order, done) {
  topic.publish(Buffer.from(order.id), { tenant: order.tenant }, done);
  topic.publish(Buffer.from(order.id), injectContext(), (error) => done(error));
  topic.publish(Buffer.from(order.id), done);
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 9,
        column: 3,
        endLine: 9,
        endColumn: 16,
        suggestions: [],
      },
    ],
  },
  {
    name: "Pub/Sub subscription.on('message'): the handler runs in the message context",
    code: `
import { PubSub } from '@google-cloud/pubsub';

const subscription = new PubSub().subscription('orders-billing');

subscription.on('message', (message) => {
  console.log(message.data.toString());
  message.ack();
});
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { PubSub } from '@google-cloud/pubsub';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const subscription = new PubSub().subscription('orders-billing');

subscription.on('message', (message) => {
  return withExtractedContext(message.attributes, () => {
    console.log(message.data.toString());
    message.ack();
  }, { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'gcp_pubsub' } });
});
`,
          },
        ],
      },
    ],
  },
  // ── NATS ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'NATS publish and request (legacy nats package): headers() is imported from nats',
    code: `
import { connect, StringCodec } from 'nats';

const sc = StringCodec();

export async function run(id: string) {
  const nc = await connect({ servers: 'nats://nats:4222' });
  nc.publish('orders.created', sc.encode(id));
  const reply = await nc.request('prices.quote', sc.encode(id), { timeout: 1000 });
  return sc.decode(reply.data);
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { connect, headers, StringCodec } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const sc = StringCodec();

export async function run(id: string) {
  const nc = await connect({ servers: 'nats://nats:4222' });
  nc.publish('orders.created', sc.encode(id), { headers: injectContext(headers()) });
  const reply = await nc.request('prices.quote', sc.encode(id), { timeout: 1000 });
  return sc.decode(reply.data);
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 9,
        column: 23,
        endLine: 9,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { connect, headers, StringCodec } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const sc = StringCodec();

export async function run(id: string) {
  const nc = await connect({ servers: 'nats://nats:4222' });
  nc.publish('orders.created', sc.encode(id));
  const reply = await nc.request('prices.quote', sc.encode(id), { timeout: 1000, headers: injectContext(headers()) });
  return sc.decode(reply.data);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NATS subscribe with a callback: reported on the callback key, extracted from msg.headers',
    code: `
import { connect } from '@nats-io/transport-node';

export async function listen() {
  const nc = await connect({ servers: 'nats://nats:4222' });
  nc.subscribe('orders.*', {
    callback: (err, msg) => {
      if (!err) console.log(msg.subject, msg.string());
    },
  });
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 7,
        column: 5,
        endLine: 7,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { connect } from '@nats-io/transport-node';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function listen() {
  const nc = await connect({ servers: 'nats://nats:4222' });
  nc.subscribe('orders.*', {
    callback: (err, msg) => {
      return withExtractedContext(msg.headers, () => {
        if (!err) console.log(msg.subject, msg.string());
      }, { name: 'process orders.*', kind: 'consumer', attributes: { 'messaging.system': 'nats', 'messaging.destination.name': 'orders.*' } });
    },
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NATS subscribe callback with an error guard first: the guard stays outside the CONSUMER span',
    code: `
import { connect } from 'nats';

export async function listen(log: (error: Error) => void) {
  const nc = await connect({ servers: 'nats://nats:4222' });
  nc.subscribe('orders.created', {
    callback: async (err, msg) => {
      if (err) {
        log(err);
        return;
      }
      await reserve(msg.string());
    },
  });
}

declare function reserve(orderId: string): Promise<void>;
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 7,
        column: 5,
        endLine: 7,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { connect } from 'nats';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function listen(log: (error: Error) => void) {
  const nc = await connect({ servers: 'nats://nats:4222' });
  nc.subscribe('orders.created', {
    callback: async (err, msg) => {
      if (err) {
        log(err);
        return;
      }
      return withExtractedContext(msg.headers, async () => {
        await reserve(msg.string());
      }, { name: 'process orders.created', kind: 'consumer', attributes: { 'messaging.system': 'nats', 'messaging.destination.name': 'orders.created' } });
    },
  });
}

declare function reserve(orderId: string): Promise<void>;
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NATS for await over a subscription: reported on nc.subscribe (direct and through a variable)',
    code: `
import { connect } from 'nats';

export async function listen() {
  const nc = await connect();
  for await (const msg of nc.subscribe('orders.*')) {
    console.log(msg.subject);
  }
  const audit = nc.subscribe('audit.*');
  for await (const msg of audit) console.log(msg.subject);
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 6,
        column: 27,
        endLine: 6,
        endColumn: 39,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { connect } from 'nats';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function listen() {
  const nc = await connect();
  for await (const msg of nc.subscribe('orders.*')) {
    withExtractedContext(msg.headers, () => {
      console.log(msg.subject);
    }, { name: 'process orders.*', kind: 'consumer', attributes: { 'messaging.system': 'nats', 'messaging.destination.name': 'orders.*' } });
  }
  const audit = nc.subscribe('audit.*');
  for await (const msg of audit) console.log(msg.subject);
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 9,
        column: 17,
        endLine: 9,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { connect } from 'nats';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function listen() {
  const nc = await connect();
  for await (const msg of nc.subscribe('orders.*')) {
    console.log(msg.subject);
  }
  const audit = nc.subscribe('audit.*');
  for await (const msg of audit) {
    withExtractedContext(msg.headers, () => {
      console.log(msg.subject);
    }, { name: 'process audit.*', kind: 'consumer', attributes: { 'messaging.system': 'nats', 'messaging.destination.name': 'audit.*' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NATS publish with headers of its own and with an options variable (@nats-io/transport-node)',
    code: `
import { connect, headers, type PublishOptions } from '@nats-io/transport-node';

export async function announce(id: string, options: PublishOptions) {
  const nc = await connect({ servers: 'nats://nats:4222' });
  const h = headers();
  h.set('order-id', id);
  nc.publish('orders.created', id, { headers: h });
  nc.publish('orders.audit', id, options);
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { connect, headers, type PublishOptions } from '@nats-io/transport-node';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function announce(id: string, options: PublishOptions) {
  const nc = await connect({ servers: 'nats://nats:4222' });
  const h = headers();
  h.set('order-id', id);
  nc.publish('orders.created', id, { headers: injectContext(h) });
  nc.publish('orders.audit', id, options);
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 9,
        column: 3,
        endLine: 9,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { connect, headers, type PublishOptions } from '@nats-io/transport-node';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function announce(id: string, options: PublishOptions) {
  const nc = await connect({ servers: 'nats://nats:4222' });
  const h = headers();
  h.set('order-id', id);
  nc.publish('orders.created', id, { headers: h });
  nc.publish('orders.audit', id, { ...options, headers: injectContext(options?.headers ?? headers()) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NATS in CommonJS: headers is added to the destructuring require',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { connect } = require('nats');

exports.announce = async (id) => {
  const nc = await connect();
  nc.publish('orders.created', id, { reply: 'audit.done' });
};
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
const { connect, headers } = require('nats');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

exports.announce = async (id) => {
  const nc = await connect();
  nc.publish('orders.created', id, { reply: 'audit.done', headers: injectContext(headers()) });
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NATS through a namespace import: headers() is taken from the namespace',
    code: `
import * as nats from 'nats';

export async function announce(id: string) {
  const nc = await nats.connect();
  nc.publish('orders.created', nats.StringCodec().encode(id));
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import * as nats from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function announce(id: string) {
  const nc = await nats.connect();
  nc.publish('orders.created', nats.StringCodec().encode(id), { headers: injectContext(nats.headers()) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NATS connection and headers typed through a type-only import: headers is imported from nats on its own line',
    code: `
import type { MsgHdrs, NatsConnection } from 'nats';

export function announce(nc: NatsConnection, h: MsgHdrs, id: string) {
  nc.publish('orders.created', id);
  nc.publish('orders.updated', id, { headers: h });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import type { MsgHdrs, NatsConnection } from 'nats';
import { headers } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function announce(nc: NatsConnection, h: MsgHdrs, id: string) {
  nc.publish('orders.created', id, { headers: injectContext(headers()) });
  nc.publish('orders.updated', id, { headers: h });
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import type { MsgHdrs, NatsConnection } from 'nats';
import { headers } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function announce(nc: NatsConnection, h: MsgHdrs, id: string) {
  nc.publish('orders.created', id);
  nc.publish('orders.updated', id, { headers: injectContext(h) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NATS publish where a local headers variable would hide the import, and a for await loop that breaks: reported without a suggestion',
    code: `
import { connect } from 'nats';

export async function forward(subject: string, headers: Record<string, string>) {
  const nc = await connect();
  nc.publish(subject, JSON.stringify(headers));
  for await (const msg of nc.subscribe('orders.*')) {
    if (msg.subject === 'orders.stop') break;
    console.log(msg.subject);
  }
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 13,
        suggestions: [],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 7,
        column: 27,
        endLine: 7,
        endColumn: 39,
        suggestions: [],
      },
    ],
  },
  {
    name: 'NATS JetStream publish and a consumer loop (legacy nc.jetstream())',
    code: `
import { connect, StringCodec } from 'nats';

const sc = StringCodec();

export async function run(handle: (text: string) => Promise<void>) {
  const nc = await connect();
  const js = nc.jetstream();
  await js.publish('orders.created', sc.encode('1'));
  const consumer = await js.consumers.get('ORDERS', 'worker');
  const messages = await consumer.consume();
  for await (const m of messages) {
    await handle(sc.decode(m.data));
    m.ack();
  }
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { connect, headers, StringCodec } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const sc = StringCodec();

export async function run(handle: (text: string) => Promise<void>) {
  const nc = await connect();
  const js = nc.jetstream();
  await js.publish('orders.created', sc.encode('1'), { headers: injectContext(headers()) });
  const consumer = await js.consumers.get('ORDERS', 'worker');
  const messages = await consumer.consume();
  for await (const m of messages) {
    await handle(sc.decode(m.data));
    m.ack();
  }
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'nats / @nats-io/transport-node' },
        line: 11,
        column: 26,
        endLine: 11,
        endColumn: 42,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { connect, StringCodec } from 'nats';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sc = StringCodec();

export async function run(handle: (text: string) => Promise<void>) {
  const nc = await connect();
  const js = nc.jetstream();
  await js.publish('orders.created', sc.encode('1'));
  const consumer = await js.consumers.get('ORDERS', 'worker');
  const messages = await consumer.consume();
  for await (const m of messages) {
    await withExtractedContext(m.headers, async () => {
      await handle(sc.decode(m.data));
      m.ack();
    }, { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'nats' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Pub/Sub publishJSON',
    code: `
import { PubSub } from '@google-cloud/pubsub';

export const publish = (id: string) => new PubSub().topic('orders').publishJSON({ id });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@google-cloud/pubsub' },
        line: 4,
        column: 40,
        endLine: 4,
        endColumn: 80,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { PubSub } from '@google-cloud/pubsub';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const publish = (id: string) => new PubSub().topic('orders').publishJSON({ id }, injectContext());
`,
          },
        ],
      },
    ],
  },
  // ── Redis ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'ioredis xadd gets the context fields after the id; publish changes the payload: reported without a suggestion by default',
    code: `
import Redis from 'ioredis';

const redis = new Redis({ host: 'redis' });

export async function announce(id: string) {
  await redis.xadd('orders', '*', 'id', id);
  await redis.publish('orders:created', JSON.stringify({ id }));
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import Redis from 'ioredis';
import { injectContextFields } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis({ host: 'redis' });

export async function announce(id: string) {
  await redis.xadd('orders', '*', ...injectContextFields(), 'id', id);
  await redis.publish('orders:created', JSON.stringify({ id }));
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 22,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Redis pub/sub with allowPayloadChanges: JSON messages carry _traceContext, handlers extract it (ioredis)',
    options: [{allowPayloadChanges: true}],
    code: `
import Redis from 'ioredis';

const redis = new Redis();
const subscriber = redis.duplicate();

export async function announce(order: { id: string }, note: string) {
  await redis.publish('orders:created', JSON.stringify(order));
  await redis.publish('orders:notes', note);
}

subscriber.subscribe('orders:created');
subscriber.on('message', (channel, message) => {
  console.log(channel, JSON.parse(message));
});
subscriber.on('pmessage', async (pattern, channel, message) => {
  await Promise.resolve(JSON.parse(message));
});
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import Redis from 'ioredis';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis();
const subscriber = redis.duplicate();

export async function announce(order: { id: string }, note: string) {
  await redis.publish('orders:created', JSON.stringify(injectPayloadContext(order)));
  await redis.publish('orders:notes', note);
}

subscriber.subscribe('orders:created');
subscriber.on('message', (channel, message) => {
  console.log(channel, JSON.parse(message));
});
subscriber.on('pmessage', async (pattern, channel, message) => {
  await Promise.resolve(JSON.parse(message));
});
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 22,
        suggestions: [],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 13,
        column: 1,
        endLine: 13,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import Redis from 'ioredis';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis();
const subscriber = redis.duplicate();

export async function announce(order: { id: string }, note: string) {
  await redis.publish('orders:created', JSON.stringify(order));
  await redis.publish('orders:notes', note);
}

subscriber.subscribe('orders:created');
subscriber.on('message', (channel, message) => {
  return withExtractedContext(payloadContext(message), () => {
    console.log(channel, JSON.parse(message));
  }, { name: \`process \${channel}\`, kind: 'consumer', attributes: { 'messaging.system': 'redis', 'messaging.destination.name': channel } });
});
subscriber.on('pmessage', async (pattern, channel, message) => {
  await Promise.resolve(JSON.parse(message));
});
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 16,
        column: 1,
        endLine: 16,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import Redis from 'ioredis';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis();
const subscriber = redis.duplicate();

export async function announce(order: { id: string }, note: string) {
  await redis.publish('orders:created', JSON.stringify(order));
  await redis.publish('orders:notes', note);
}

subscriber.subscribe('orders:created');
subscriber.on('message', (channel, message) => {
  console.log(channel, JSON.parse(message));
});
subscriber.on('pmessage', async (pattern, channel, message) => {
  return withExtractedContext(payloadContext(message), async () => {
    await Promise.resolve(JSON.parse(message));
  }, { name: \`process \${channel}\`, kind: 'consumer', attributes: { 'messaging.system': 'redis', 'messaging.destination.name': channel } });
});
`,
          },
        ],
      },
    ],
  },
  {
    name: 'node-redis xAdd and a subscribe listener (allowPayloadChanges)',
    options: [{allowPayloadChanges: true}],
    code: `
import { createClient } from 'redis';

const client = await createClient({ url: 'redis://redis:6379' }).connect();
const subscriber = client.duplicate();

export async function announce(id: string) {
  await client.xAdd('orders', '*', { id, kind: 'created' });
  await client.publish('orders:created', JSON.stringify({ id }));
}

await subscriber.subscribe('orders:created', (message) => {
  console.log(JSON.parse(message));
});
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { createClient } from 'redis';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const client = await createClient({ url: 'redis://redis:6379' }).connect();
const subscriber = client.duplicate();

export async function announce(id: string) {
  await client.xAdd('orders', '*', injectContext({ id, kind: 'created' }));
  await client.publish('orders:created', JSON.stringify({ id }));
}

await subscriber.subscribe('orders:created', (message) => {
  console.log(JSON.parse(message));
});
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { createClient } from 'redis';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

const client = await createClient({ url: 'redis://redis:6379' }).connect();
const subscriber = client.duplicate();

export async function announce(id: string) {
  await client.xAdd('orders', '*', { id, kind: 'created' });
  await client.publish('orders:created', JSON.stringify(injectPayloadContext({ id })));
}

await subscriber.subscribe('orders:created', (message) => {
  console.log(JSON.parse(message));
});
`,
          },
        ],
      },
    ],
  },
  {
    name: 'ioredis xread and xreadgroup loops: each entry runs in the context of its field list',
    code: `
import Redis from 'ioredis';

const redis = new Redis();

export async function tail(handle: (fields: string[]) => Promise<void>) {
  for (;;) {
    const reply = await redis.xread('BLOCK', 5000, 'STREAMS', 'orders', '$');
    if (!reply) continue;
    for (const [stream, entries] of reply) {
      for (const [id, fields] of entries) {
        await handle(fields);
        console.log(stream, id);
      }
    }
  }
}

export async function work(consumer: string) {
  const reply = (await redis.xreadgroup('GROUP', 'billing', consumer, 'COUNT', 10, 'STREAMS', 'orders', '>')) as [string, [string, string[]][]][] | null;
  for (const [id, fields] of reply?.[0]?.[1] ?? []) {
    console.log(id, fields);
    await redis.xack('orders', 'billing', id);
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 8,
        column: 25,
        endLine: 8,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import Redis from 'ioredis';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis();

export async function tail(handle: (fields: string[]) => Promise<void>) {
  for (;;) {
    const reply = await redis.xread('BLOCK', 5000, 'STREAMS', 'orders', '$');
    if (!reply) continue;
    for (const [stream, entries] of reply) {
      for (const [id, fields] of entries) {
        await withExtractedContext(fields, async () => {
          await handle(fields);
          console.log(stream, id);
        }, { name: \`process \${stream}\`, kind: 'consumer', attributes: { 'messaging.system': 'redis', 'messaging.destination.name': stream } });
      }
    }
  }
}

export async function work(consumer: string) {
  const reply = (await redis.xreadgroup('GROUP', 'billing', consumer, 'COUNT', 10, 'STREAMS', 'orders', '>')) as [string, [string, string[]][]][] | null;
  for (const [id, fields] of reply?.[0]?.[1] ?? []) {
    console.log(id, fields);
    await redis.xack('orders', 'billing', id);
  }
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 20,
        column: 24,
        endLine: 20,
        endColumn: 40,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import Redis from 'ioredis';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const redis = new Redis();

export async function tail(handle: (fields: string[]) => Promise<void>) {
  for (;;) {
    const reply = await redis.xread('BLOCK', 5000, 'STREAMS', 'orders', '$');
    if (!reply) continue;
    for (const [stream, entries] of reply) {
      for (const [id, fields] of entries) {
        await handle(fields);
        console.log(stream, id);
      }
    }
  }
}

export async function work(consumer: string) {
  const reply = (await redis.xreadgroup('GROUP', 'billing', consumer, 'COUNT', 10, 'STREAMS', 'orders', '>')) as [string, [string, string[]][]][] | null;
  for (const [id, fields] of reply?.[0]?.[1] ?? []) {
    await withExtractedContext(fields, async () => {
      console.log(id, fields);
      await redis.xack('orders', 'billing', id);
    }, { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'redis', 'messaging.destination.name': 'orders' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'node-redis xRead loops over streams and over the first stream',
    code: `
import { createClient } from 'redis';

const client = createClient();

export async function tail() {
  const streams = await client.xRead([{ key: 'orders', id: '0' }, { key: 'refunds', id: '0' }]);
  for (const stream of streams ?? []) {
    for (const entry of stream.messages) {
      console.log(stream.name, entry.id, entry.message);
    }
  }
}

export async function work() {
  const reply = await client.xReadGroup('billing', 'worker-1', { key: 'orders', id: '>' }, { COUNT: 10 });
  for (const { id, message } of reply?.[0]?.messages ?? []) {
    console.log(id, message);
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 7,
        column: 25,
        endLine: 7,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { createClient } from 'redis';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const client = createClient();

export async function tail() {
  const streams = await client.xRead([{ key: 'orders', id: '0' }, { key: 'refunds', id: '0' }]);
  for (const stream of streams ?? []) {
    for (const entry of stream.messages) {
      withExtractedContext(entry.message, () => {
        console.log(stream.name, entry.id, entry.message);
      }, { name: \`process \${stream.name}\`, kind: 'consumer', attributes: { 'messaging.system': 'redis', 'messaging.destination.name': stream.name } });
    }
  }
}

export async function work() {
  const reply = await client.xReadGroup('billing', 'worker-1', { key: 'orders', id: '>' }, { COUNT: 10 });
  for (const { id, message } of reply?.[0]?.messages ?? []) {
    console.log(id, message);
  }
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 16,
        column: 23,
        endLine: 16,
        endColumn: 40,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { createClient } from 'redis';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const client = createClient();

export async function tail() {
  const streams = await client.xRead([{ key: 'orders', id: '0' }, { key: 'refunds', id: '0' }]);
  for (const stream of streams ?? []) {
    for (const entry of stream.messages) {
      console.log(stream.name, entry.id, entry.message);
    }
  }
}

export async function work() {
  const reply = await client.xReadGroup('billing', 'worker-1', { key: 'orders', id: '>' }, { COUNT: 10 });
  for (const { id, message } of reply?.[0]?.messages ?? []) {
    withExtractedContext(message, () => {
      console.log(id, message);
    }, { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'redis', 'messaging.destination.name': 'orders' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'ioredis in CommonJS: fields after the id of xadd, and an xread loop over one stream',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL);

async function requestShipment(orderId) {
  await redis.xadd('shipments', '*', 'orderId', orderId);
}

async function tail(ship) {
  const reply = await redis.xread('BLOCK', 0, 'STREAMS', 'shipments', '$');
  for (const [id, fields] of reply[0][1]) await ship(id, fields);
}

module.exports = { requestShipment, tail };
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
const Redis = require('ioredis');
const { injectContextFields } = require('eslint-plugin-trace-context/wrappers');

const redis = new Redis(process.env.REDIS_URL);

async function requestShipment(orderId) {
  await redis.xadd('shipments', '*', ...injectContextFields(), 'orderId', orderId);
}

async function tail(ship) {
  const reply = await redis.xread('BLOCK', 0, 'STREAMS', 'shipments', '$');
  for (const [id, fields] of reply[0][1]) await ship(id, fields);
}

module.exports = { requestShipment, tail };
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 11,
        column: 23,
        endLine: 11,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
const Redis = require('ioredis');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const redis = new Redis(process.env.REDIS_URL);

async function requestShipment(orderId) {
  await redis.xadd('shipments', '*', 'orderId', orderId);
}

async function tail(ship) {
  const reply = await redis.xread('BLOCK', 0, 'STREAMS', 'shipments', '$');
  for (const [id, fields] of reply[0][1]) {
    await withExtractedContext(fields, async () => {
      await ship(id, fields);
    }, { name: 'process shipments', kind: 'consumer', attributes: { 'messaging.system': 'redis', 'messaging.destination.name': 'shipments' } });
  }
}

module.exports = { requestShipment, tail };
`,
          },
        ],
      },
    ],
  },
  {
    name: "node-redis subscriber on('message') and an xRead loop",
    code: `
import { createClient } from 'redis';

const client = createClient();
const subscriber = client.duplicate();

subscriber.on('message', (channel: string, message: string) => {
  console.log(channel, message);
});

export async function tail() {
  for (;;) {
    const entries = await client.xRead({ key: 'orders', id: '$' }, { BLOCK: 5000 });
    console.log(entries);
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 14,
        suggestions: [],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 13,
        column: 27,
        endLine: 13,
        endColumn: 39,
        suggestions: [],
      },
    ],
  },
  {
    name: "ioredis pattern subscriber on('pmessage')",
    code: `
import Redis from 'ioredis';

const subscriber = new Redis();
subscriber.psubscribe('orders:*');
subscriber.on('pmessage', (pattern, channel, message) => console.log(channel, message));
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 14,
        suggestions: [],
      },
    ],
  },
  // ── Azure Service Bus ──────────────────────────────────────────────────────────────────────────
  {
    name: 'Azure Service Bus sendMessages and subscribe without the Azure SDK instrumentation',
    code: `
import { ServiceBusClient } from '@azure/service-bus';

const client = new ServiceBusClient(process.env.SB_CONNECTION!);
const sender = client.createSender('orders');
const receiver = client.createReceiver('orders');

export async function run(handle: (body: unknown) => Promise<void>) {
  await sender.sendMessages({ body: { id: 1 } });
  receiver.subscribe({
    processMessage: async (message) => handle(message.body),
    processError: async (args) => console.error(args.error),
  });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ServiceBusClient } from '@azure/service-bus';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const client = new ServiceBusClient(process.env.SB_CONNECTION!);
const sender = client.createSender('orders');
const receiver = client.createReceiver('orders');

export async function run(handle: (body: unknown) => Promise<void>) {
  await sender.sendMessages({ body: { id: 1 }, applicationProperties: injectContext() });
  receiver.subscribe({
    processMessage: async (message) => handle(message.body),
    processError: async (args) => console.error(args.error),
  });
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 11,
        column: 5,
        endLine: 11,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { ServiceBusClient } from '@azure/service-bus';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const client = new ServiceBusClient(process.env.SB_CONNECTION!);
const sender = client.createSender('orders');
const receiver = client.createReceiver('orders');

export async function run(handle: (body: unknown) => Promise<void>) {
  await sender.sendMessages({ body: { id: 1 } });
  receiver.subscribe({
    processMessage: async (message) => withExtractedContext(message.applicationProperties, async () => handle(message.body), { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'servicebus', 'messaging.destination.name': 'orders' } }),
    processError: async (args) => console.error(args.error),
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Azure Service Bus scheduleMessages',
    code: `
import { ServiceBusClient } from '@azure/service-bus';

const sender = new ServiceBusClient(process.env.SB_CONNECTION!).createSender('orders');

export const remind = (at: Date) => sender.scheduleMessages({ body: { kind: 'reminder' } }, at);
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 6,
        column: 37,
        endLine: 6,
        endColumn: 60,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ServiceBusClient } from '@azure/service-bus';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const sender = new ServiceBusClient(process.env.SB_CONNECTION!).createSender('orders');

export const remind = (at: Date) => sender.scheduleMessages({ body: { kind: 'reminder' }, applicationProperties: injectContext() }, at);
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Azure Service Bus batches: tryAddMessage is the producer, sendMessages(batch) is not reported again',
    code: `
import { ServiceBusClient } from '@azure/service-bus';

const sender = new ServiceBusClient(process.env.SB_CONNECTION!).createSender('orders');

export async function sendAll(ids: string[]) {
  const batch = await sender.createMessageBatch();
  for (const id of ids) {
    if (!batch.tryAddMessage({ body: { id }, applicationProperties: { source: 'checkout' } })) break;
  }
  await sender.sendMessages(batch);
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 9,
        column: 10,
        endLine: 9,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ServiceBusClient } from '@azure/service-bus';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const sender = new ServiceBusClient(process.env.SB_CONNECTION!).createSender('orders');

export async function sendAll(ids: string[]) {
  const batch = await sender.createMessageBatch();
  for (const id of ids) {
    if (!batch.tryAddMessage({ body: { id }, applicationProperties: injectContext({ source: 'checkout' }) })) break;
  }
  await sender.sendMessages(batch);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Azure Service Bus receiveMessages loop, and messages sent from a variable (reported without a suggestion)',
    code: `
import { ServiceBusClient, type ServiceBusMessage } from '@azure/service-bus';

const client = new ServiceBusClient(process.env.SB_CONNECTION!);
const receiver = client.createReceiver('orders');

export async function pull(handle: (body: unknown) => Promise<void>) {
  const messages = await receiver.receiveMessages(10, { maxWaitTimeInMs: 1000 });
  for (const message of messages) {
    await handle(message.body);
    await receiver.completeMessage(message);
  }
}

export async function resend(message: ServiceBusMessage) {
  await client.createSender('orders').sendMessages(message);
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 8,
        column: 26,
        endLine: 8,
        endColumn: 50,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { ServiceBusClient, type ServiceBusMessage } from '@azure/service-bus';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const client = new ServiceBusClient(process.env.SB_CONNECTION!);
const receiver = client.createReceiver('orders');

export async function pull(handle: (body: unknown) => Promise<void>) {
  const messages = await receiver.receiveMessages(10, { maxWaitTimeInMs: 1000 });
  for (const message of messages) {
    await withExtractedContext(message.applicationProperties, async () => {
      await handle(message.body);
      await receiver.completeMessage(message);
    }, { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'servicebus', 'messaging.destination.name': 'orders' } });
  }
}

export async function resend(message: ServiceBusMessage) {
  await client.createSender('orders').sendMessages(message);
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 16,
        column: 9,
        endLine: 16,
        endColumn: 51,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Azure Service Bus in CommonJS: a message literal in an array, and processMessage with a destructured message',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { ServiceBusClient } = require('@azure/service-bus');

const client = new ServiceBusClient(process.env.SERVICE_BUS_CONNECTION);

exports.send = (ids) => client.createSender('orders').sendMessages([{ body: ids, subject: 'bulk' }]);

exports.listen = (handle) =>
  client.createReceiver('orders').subscribe({
    async processMessage({ body, applicationProperties }) {
      console.log(applicationProperties);
      await handle(body);
    },
    async processError(args) {
      console.error(args.error);
    },
  });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 6,
        column: 25,
        endLine: 6,
        endColumn: 67,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
const { ServiceBusClient } = require('@azure/service-bus');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

const client = new ServiceBusClient(process.env.SERVICE_BUS_CONNECTION);

exports.send = (ids) => client.createSender('orders').sendMessages([{ body: ids, subject: 'bulk', applicationProperties: injectContext() }]);

exports.listen = (handle) =>
  client.createReceiver('orders').subscribe({
    async processMessage({ body, applicationProperties }) {
      console.log(applicationProperties);
      await handle(body);
    },
    async processError(args) {
      console.error(args.error);
    },
  });
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 10,
        column: 11,
        endLine: 10,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
const { ServiceBusClient } = require('@azure/service-bus');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const client = new ServiceBusClient(process.env.SERVICE_BUS_CONNECTION);

exports.send = (ids) => client.createSender('orders').sendMessages([{ body: ids, subject: 'bulk' }]);

exports.listen = (handle) =>
  client.createReceiver('orders').subscribe({
    async processMessage({ body, applicationProperties }) {
      return withExtractedContext(applicationProperties, async () => {
        console.log(applicationProperties);
        await handle(body);
      }, { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'servicebus', 'messaging.destination.name': 'orders' } });
    },
    async processError(args) {
      console.error(args.error);
    },
  });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'clients received as typed parameters: RedisClientType, ServiceBusSender, ServiceBusReceiver',
    code: `
import type { RedisClientType } from 'redis';
import type { ServiceBusReceiver, ServiceBusSender } from '@azure/service-bus';

export async function relay(client: RedisClientType, sender: ServiceBusSender, receiver: ServiceBusReceiver) {
  await client.xAdd('orders', '*', { source: 'relay' });
  await sender.sendMessages({ body: 'relayed' });
  receiver.subscribe({
    processMessage: async (message) => console.log(message.body),
    processError: async (args) => console.error(args.error),
  });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'ioredis / redis' },
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import type { RedisClientType } from 'redis';
import type { ServiceBusReceiver, ServiceBusSender } from '@azure/service-bus';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function relay(client: RedisClientType, sender: ServiceBusSender, receiver: ServiceBusReceiver) {
  await client.xAdd('orders', '*', injectContext({ source: 'relay' }));
  await sender.sendMessages({ body: 'relayed' });
  receiver.subscribe({
    processMessage: async (message) => console.log(message.body),
    processError: async (args) => console.error(args.error),
  });
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import type { RedisClientType } from 'redis';
import type { ServiceBusReceiver, ServiceBusSender } from '@azure/service-bus';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function relay(client: RedisClientType, sender: ServiceBusSender, receiver: ServiceBusReceiver) {
  await client.xAdd('orders', '*', { source: 'relay' });
  await sender.sendMessages({ body: 'relayed', applicationProperties: injectContext() });
  receiver.subscribe({
    processMessage: async (message) => console.log(message.body),
    processError: async (args) => console.error(args.error),
  });
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@azure/service-bus' },
        line: 9,
        column: 5,
        endLine: 9,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import type { RedisClientType } from 'redis';
import type { ServiceBusReceiver, ServiceBusSender } from '@azure/service-bus';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function relay(client: RedisClientType, sender: ServiceBusSender, receiver: ServiceBusReceiver) {
  await client.xAdd('orders', '*', { source: 'relay' });
  await sender.sendMessages({ body: 'relayed' });
  receiver.subscribe({
    processMessage: async (message) => withExtractedContext(message.applicationProperties, async () => console.log(message.body), { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'servicebus' } }),
    processError: async (args) => console.error(args.error),
  });
}
`,
          },
        ],
      },
    ],
  },
  // ── NestJS microservices ───────────────────────────────────────────────────────────────────────
  {
    name: 'NestJS ClientProxy emit and send (constructor parameter typed ClientProxy)',
    code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';

@Injectable()
export class OrdersPublisher {
  constructor(@Inject('ORDERS') private readonly client: ClientProxy) {}

  created(id: string) {
    return this.client.emit('order.created', { id });
  }

  get(id: string) {
    return this.client.send('order.get', { id });
  }
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 10,
        column: 12,
        endLine: 10,
        endColumn: 28,
        suggestions: [],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 14,
        column: 12,
        endLine: 14,
        endColumn: 28,
        suggestions: [],
      },
    ],
  },
  {
    name: 'NestJS @EventPattern and @MessagePattern handlers',
    code: `
import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  created(@Payload() data: { id: string }) {
    console.log('created', data.id);
  }

  @MessagePattern('order.get')
  get(@Payload() data: { id: string }) {
    return { id: data.id };
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 10,
        suggestions: [],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 13,
        column: 3,
        endLine: 13,
        endColumn: 6,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a ClientProxy built with ClientProxyFactory.create',
    code: `
import { ClientProxyFactory, Transport } from '@nestjs/microservices';

const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { port: 4000 } });

export const created = (id: string) => client.emit('order.created', { id });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 6,
        column: 40,
        endLine: 6,
        endColumn: 51,
        suggestions: [],
      },
    ],
  },
  // ── .then callback parameters (resolved to the client since origins follow them) ─────────────
  {
    name: 'amqplib: a channel received as the parameter of a .then callback',
    code: `
import amqp from 'amqplib';

export const ready = amqp
  .connect('amqp://rabbit')
  .then((connection) => connection.createChannel())
  .then((channel) => channel.sendToQueue('audit', Buffer.from('ready')));
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 7,
        column: 22,
        endLine: 7,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import amqp from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const ready = amqp
  .connect('amqp://rabbit')
  .then((connection) => connection.createChannel())
  .then((channel) => channel.sendToQueue('audit', Buffer.from('ready'), { headers: injectContext() }));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'amqplib: a connection received as the parameter of a .then callback',
    code: `
import amqp from 'amqplib';

amqp.connect('amqp://rabbit').then(async (connection) => {
  const channel = await connection.createChannel();
  channel.sendToQueue('audit', Buffer.from('ready'));
});
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'amqplib' },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import amqp from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

amqp.connect('amqp://rabbit').then(async (connection) => {
  const channel = await connection.createChannel();
  channel.sendToQueue('audit', Buffer.from('ready'), { headers: injectContext() });
});
`,
          },
        ],
      },
    ],
  },
  {
    name: "amqplib consume on a literal queue: the span is named 'process orders', not a template around a literal",
    code: `
import amqp from 'amqplib';

export async function start(handle: (body: Buffer) => Promise<void>) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  await channel.consume('orders', async (msg) => {
    if (!msg) return;
    await handle(msg.content);
    channel.ack(msg);
  });
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'amqplib' },
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import amqp from 'amqplib';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function start(handle: (body: Buffer) => Promise<void>) {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  await channel.consume('orders', async (msg) => {
    if (!msg) return;
    return withExtractedContext(msg.properties.headers, async () => {
      await handle(msg.content);
      channel.ack(msg);
    }, { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'orders' } });
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Bull queue.process handler',
    code: `
import Queue from 'bull';

const queue = new Queue('email');

queue.process(async (job) => {
  console.log('sending', job.data.to);
});
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 14,
        suggestions: [],
      },
    ],
  },
];

ruleTester.run(RULE, rule, { valid, invalid });

describeSuggestionRelint(RULE, rule, invalid, BARE_TS, 'some');

describe(`${RULE}: applying every suggestion in turn leaves the file clean`, () => {
  const active = invalid.filter((item) => !item.skip && item.errors.every((error) => (error.suggestions?.length ?? 0) > 0));

  it.each(active.map((item) => ({ title: item.name ?? item.code.slice(0, 40), item })))('$title', ({ item }) => {
    let code = item.code;
    for (let round = 0; round <= item.errors.length; round++) {
      const messages = lintWithRule(RULE, rule, { ...(item as LintCase), code }, BARE_TS);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      const fix = messages[0]?.suggestions?.[0]?.fix;
      if (!fix) break;
      code = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    }
    expect(lintWithRule(RULE, rule, { ...(item as LintCase), code }, BARE_TS)).toEqual([]);
  });
});

describe(`${RULE}: findings without a suggestion are reported for manual work`, () => {
  const bare = invalid.filter((item) => !item.skip && item.errors.every((error) => error.suggestions?.length === 0));

  it.each(bare.map((item) => ({ title: item.name ?? item.code.slice(0, 40), item })))('$title', ({ item }) => {
    const messages = lintWithRule(RULE, rule, item as LintCase, BARE_TS);
    expect(messages).toHaveLength(item.errors.length);
    expect(messages.every((message) => (message.suggestions ?? []).length === 0)).toBe(true);
  });
});

describe(`${RULE}: options`, () => {
  const code = "import { Queue } from 'bullmq';\n\nawait new Queue('email').add('welcome', {});\n";

  it('rejects an unknown key with a message naming it', () => {
    expect(() => lintWithRule(RULE, rule, { code, options: [{ checkAll: true }] }, BARE_TS)).toThrow(/checkAll/);
  });

  it('rejects allowPayloadChanges that is not a boolean', () => {
    expect(() => lintWithRule(RULE, rule, { code, options: [{ allowPayloadChanges: 'yes' }] }, BARE_TS)).toThrow(/should be boolean/);
  });

  it('runs without options', () => {
    expect(lintWithRule(RULE, rule, { code }, BARE_TS)).toHaveLength(1);
  });
});

it('keeps at least as many valid cases as invalid ones', () => {
  expect(valid.length).toBeGreaterThanOrEqual(invalid.length);
});
