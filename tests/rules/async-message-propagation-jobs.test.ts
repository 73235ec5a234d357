// async-message-propagation on job queues (BullMQ, Bull, @nestjs/bull, @nestjs/bullmq) and NestJS
// microservices: BullMQ's own telemetry where bullmq-otel is a production dependency, the NestJS
// transports' own headers where the file shows the transport, and the job data / payload route only
// with `allowPayloadChanges`. Each fixture package decides whether bullmq-otel is installed. At the
// end: the codemod on two fixture projects, and the BullMQ/Bull routes the fixes write, run on Redis.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SpanKind, trace, type SpanContext } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import Bull from 'bull';
import { Queue, Worker } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import rule, { type MessageIds, type Options } from '../../src/rules/async-message-propagation';
import { injectPayloadContext, payloadContext, withExtractedContext } from '../../src/wrappers';
import { ensureBuilt, fixturesRoot, makeTmpDir, repoRoot, runCli, type CliResult } from '../codemods/support';
import { BROKERS, describeWithBrokers } from '../helpers/brokers';
import { setupTracing, type TracingHarness } from '../helpers/otel';
import { COMMONJS, ESM, RuleTester, describeSuggestionRelint, fixture, lintWithRule } from './rule-tester';

const RULE = 'async-message-propagation';

/** Job queues and NestJS microservices without bullmq-otel. */
const BARE_TS = fixture('jobs-bare', 'src', 'jobs.ts');
const BARE_CJS = fixture('jobs-bare', 'src', 'jobs.cjs');
const BARE_MJS = fixture('jobs-bare', 'src', 'jobs.mjs');
/** A NestJS service on the RabbitMQ transport (amqplib its only broker client) with the amqplib instrumentation. */
const NEST_RMQ_INSTRUMENTED = fixture('nest-rmq-instrumented', 'src', 'orders.controller.ts');
const BARE_SPEC_TS = fixture('jobs-bare', 'src', 'jobs.spec.ts');
/** bullmq-otel in `dependencies`: BullMQ's own telemetry is the fix. */
const OTEL_TS = fixture('jobs-otel', 'src', 'jobs.ts');
const OTEL_CJS = fixture('jobs-otel', 'src', 'jobs.cjs');
/** bullmq-otel only in `devDependencies`: a production install would not have it. */
const OTEL_DEV_TS = fixture('jobs-otel-dev', 'src', 'jobs.ts');

const PAYLOAD: Options = [{ allowPayloadChanges: true }];
const HELPERS = { 'trace-context': { helpers: { extract: ['continueFromJob'] } } };

const INJECT_INTO_PAYLOAD: MessageIds = 'injectIntoPayload';
const USE_BULLMQ_TELEMETRY: MessageIds = 'useBullMQTelemetry';

const ruleTester = new RuleTester({
  defaultFilenames: { ts: BARE_TS, tsx: fixture('jobs-bare', 'src', 'jobs.tsx') },
});

const valid: ValidTestCase<Options>[] = [
  {
    name: 'NestJS on the RabbitMQ transport with the amqplib instrumentation: handlers and the client are covered (NestJS runs on amqplib)',
    filename: NEST_RMQ_INSTRUMENTED,
    code: `
import { Controller, Inject } from '@nestjs/common';
import { ClientProxy, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';

@Controller()
export class OrdersController {
  constructor(@Inject('BILLING') private readonly billing: ClientProxy) {}

  @EventPattern('order.placed')
  async placed(@Payload() order: { id: string }) {
    await this.billing.emit('invoice.requested', { orderId: order.id }).toPromise();
  }

  @MessagePattern('order.get')
  get(@Payload() id: string) {
    return { id };
  }
}
`,
  },
  {
    name: 'repeatable jobs are schedules, not work handed on: BullMQ and Bull add with a repeat option (literal or variable)',
    code: `
import { Queue } from 'bullmq';
import Bull from 'bull';

const cleaner = new Queue('cleaner', { connection: { host: 'redis' } });
const digests = new Bull('digests', 'redis://redis:6379');
const everyNight = { repeat: { pattern: '0 3 * * *' }, jobId: 'nightly' };

export async function scheduleHousekeeping() {
  await cleaner.add('cleaner', {}, { repeat: { every: 30 * 60 * 1000 }, removeOnComplete: true });
  await cleaner.add('nightly', {}, everyNight);
  await digests.add({ kind: 'weekly' }, { repeat: { cron: '0 8 * * 1' } });
}
`,
  },
  {
    name: 'BullMQ QueueEvents listeners are not consumers',
    code: `
import { QueueEvents } from 'bullmq';

const events = new QueueEvents('email', { connection: { host: 'redis' } });

events.on('completed', ({ jobId }) => console.log('done', jobId));
events.on('failed', ({ jobId, failedReason }) => console.warn(jobId, failedReason));
`,
  },
  {
    name: 'a Set and an array named queue, and a class of its own with add',
    code: `
import { Queue } from 'bullmq';

export const emailQueue = new Queue('email', { connection: { host: 'redis' } });
const queue = new Set<string>();
const jobs: string[] = [];

class LocalQueue {
  add(name: string, data: unknown) {
    jobs.push(name + JSON.stringify(data));
  }
}

export function remember(id: string) {
  queue.add(id);
  jobs.push(id);
  new LocalQueue().add('x', { id });
}
`,
  },
  {
    name: 'Bull queue events (completed, failed) are not consumers (CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const Queue = require('bull');

const queue = new Queue('email', 'redis://redis:6379');

queue.on('completed', (job, result) => console.log(job.id, result));
queue.on('failed', function (job, error) {
  console.warn(job.id, error);
});
`,
  },
  {
    name: 'Bull sandboxed processors: file paths, not functions (CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const path = require('path');
const Queue = require('bull');

const queue = new Queue('email');

queue.process(path.join(__dirname, 'processor.js'));
queue.process('digest', 5, require.resolve('./digest-processor'));
queue.process('./welcome-processor.js');
`,
  },
  {
    name: 'a BullMQ Worker given a processor file URL (ESM)',
    filename: BARE_MJS,
    languageOptions: ESM,
    code: `
import { Worker } from 'bullmq';

export const worker = new Worker('email', new URL('./processor.js', import.meta.url), { connection: { host: 'redis' } });
`,
  },
  {
    name: 'a BullMQ Worker whose options variable carries telemetry',
    filename: OTEL_TS,
    code: `
import { Worker } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const workerOptions = { connection: { host: 'redis' }, telemetry: new BullMQOtel() };

export const worker = new Worker('email', async (job) => {
  console.log(job.data);
}, workerOptions);
`,
  },
  {
    name: 'a FlowProducer and a Queue built with telemetry in their options',
    filename: OTEL_TS,
    code: `
import { FlowProducer, Queue } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const telemetry = new BullMQOtel({ tracerName: 'reports' });
const flows = new FlowProducer({ connection: { host: 'redis' }, telemetry });
const queue = new Queue('reports', { connection: { host: 'redis' }, telemetry });

export const report = () => flows.add({ name: 'report', queueName: 'reports', data: {} });
export const part = () => queue.add('part', {});
`,
  },
  {
    name: 'a @nestjs/bullmq processor whose worker options carry telemetry',
    filename: OTEL_TS,
    code: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

@Processor('email', { telemetry: new BullMQOtel() })
export class EmailProcessor extends WorkerHost {
  async process(job: Job<{ to: string }>): Promise<void> {
    console.log('sending', job.data.to);
  }
}
`,
  },
  {
    name: 'job data that carries the context, and processors that continue it (payload route applied)',
    options: PAYLOAD,
    code: `
import { Queue, Worker } from 'bullmq';
import { injectPayloadContext, payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const queue = new Queue('email', { connection: { host: 'redis' } });

export const enqueue = (to: string) => queue.add('welcome', injectPayloadContext({ to }));
export const enqueueMany = (to: string) => queue.addBulk([{ name: 'digest', data: injectPayloadContext({ to }) }]);

export const worker = new Worker('email', async (job) => {
  return withExtractedContext(payloadContext(job.data), async () => {
    console.log('sending', job.data.to);
  }, { name: 'process email', kind: 'consumer' });
}, { connection: { host: 'redis' } });
`,
  },
  {
    name: 'NestJS handlers that continue the transport\'s context',
    code: `
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, NatsContext, Payload } from '@nestjs/microservices';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  created(@Payload() data: { id: string }, @Ctx() ctx: NatsContext) {
    return withExtractedContext(ctx.getHeaders(), () => console.log(data.id));
  }
}
`,
  },
  {
    name: 'NestJS clients whose records carry injected headers',
    code: `
import { ClientProxyFactory, NatsRecordBuilder, RmqRecordBuilder, Transport } from '@nestjs/microservices';
import { headers } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const rmq = ClientProxyFactory.create({ transport: Transport.RMQ });
const nats = ClientProxyFactory.create({ transport: Transport.NATS });

export const a = (id: string) => rmq.emit('order.created', new RmqRecordBuilder({ id }).setOptions({ headers: injectContext() }).build());
export const b = (id: string) => nats.emit('order.created', new NatsRecordBuilder({ id }).setHeaders(injectContext(headers())).build());
`,
  },
  {
    name: 'worker_threads Worker, an EventEmitter named client and an own Process decorator',
    code: `
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { Queue } from 'bullmq';

function Process(): MethodDecorator {
  return () => undefined;
}

export const queue = new Queue('email', { connection: { host: 'redis' } });
export const thread = new Worker(new URL('./thread.js', import.meta.url));
const client = new EventEmitter();

export class Local {
  @Process()
  handle(job: { data: unknown }) {
    client.emit('order.created', job.data);
  }
}
`,
  },
  {
    name: 'NestJS pattern handlers with empty bodies, and an Express response send in a controller',
    code: `
import { Controller, Get, Res } from '@nestjs/common';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import type { Response } from 'express';

@Controller()
export class HealthController {
  @EventPattern('noop')
  noop() {}

  @MessagePattern('ping')
  ping() {}

  @Get('health')
  health(@Res() res: Response) {
    res.send({ ok: true });
  }
}
`,
  },
  {
    name: 'test code: a spec that seeds a Bull queue and starts a processor',
    filename: BARE_SPEC_TS,
    code: `
import { describe, it } from 'vitest';
import Queue from 'bull';

describe('emails', () => {
  it('sends', async () => {
    const queue = new Queue('email');
    queue.process(async (job) => job.data);
    await queue.add({ to: 'a@example.com' });
  });
});
`,
  },
  {
    name: 'a Bull queue typed Bull.Queue whose jobs carry the context',
    options: PAYLOAD,
    code: `
import Bull from 'bull';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

export class Mailer {
  constructor(private readonly queue: Bull.Queue) {}

  welcome(to: string) {
    return this.queue.add('welcome', injectPayloadContext({ to }));
  }
}
`,
  },
  {
    name: 'BullMQ queue management calls are not producers',
    code: `
import { Queue } from 'bullmq';

const queue = new Queue('email', { connection: { host: 'redis' } });

export async function maintain() {
  await queue.pause();
  await queue.drain();
  await queue.getJobCounts('waiting', 'active');
  await queue.close();
}
`,
  },
  {
    name: 'a processor defined in another module, given as a processor file to a sandboxed BullMQ Worker',
    code: `
import { join } from 'node:path';
import { Worker } from 'bullmq';

export const worker = new Worker('email', join(__dirname, 'email.processor.js'), { connection: { host: 'redis' } });
`,
  },
  {
    name: 'NestJS handlers that extract with the plain OpenTelemetry API',
    code: `
import { Controller } from '@nestjs/common';
import { context, propagation } from '@opentelemetry/api';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';

@Controller()
export class ShipmentsController {
  @EventPattern('shipments')
  shipped(data: unknown, @Ctx() ctx: KafkaContext) {
    const parent = propagation.extract(context.active(), ctx.getMessage().headers);
    return context.with(parent, () => console.log(data));
  }
}
`,
  },
  {
    name: 'a ClientProxy emit whose payload was built by a helper that injects',
    options: PAYLOAD,
    code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

function envelope<T extends object>(data: T) {
  return injectPayloadContext(data);
}

@Injectable()
export class OrdersPublisher {
  constructor(@Inject('ORDERS') private readonly client: ClientProxy) {}

  created(id: string) {
    return this.client.emit('order.created', envelope({ id }));
  }
}
`,
  },
  {
    name: 'the telemetry fix applied: a CommonJS queue and worker with bullmq-otel',
    filename: OTEL_CJS,
    languageOptions: COMMONJS,
    code: `
'use strict';
const { Queue, Worker } = require('bullmq');
const { BullMQOtel } = require('bullmq-otel');

const connection = { host: 'redis', port: 6379 };
const queue = new Queue('email', {
  connection,
  telemetry: new BullMQOtel(),
});

exports.enqueue = (to) => queue.add('welcome', { to });
exports.worker = new Worker('email', require('./processor'), { connection, telemetry: new BullMQOtel() });
`,
  },
  {
    name: 'job data injected into a variable first',
    options: PAYLOAD,
    code: `
import Queue from 'bull';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

const queue = new Queue('email');

export function welcome(to: string) {
  const data = injectPayloadContext({ to });
  return queue.add('welcome', data);
}
`,
  },
  {
    name: 'a BullMQ Worker whose processor calls a same-file function that extracts',
    code: `
import { Worker } from 'bullmq';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

function continueJob<T>(data: object, work: () => T): T {
  return withExtractedContext(payloadContext(data), work);
}

export const worker = new Worker('email', async (job) => continueJob(job.data, () => console.log(job.data)), {
  connection: { host: 'redis' },
});
`,
  },
  {
    name: 'a @nestjs/bull processor that continues the job\'s context with the team\'s own helper',
    settings: HELPERS,
    code: `
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { continueFromJob } from './tracing';

@Processor('email')
export class EmailProcessor {
  @Process()
  async handle(job: Job) {
    return continueFromJob(job, () => console.log(job.data));
  }
}
`,
  },
  {
    name: 'a queue assigned in the constructor with telemetry',
    filename: OTEL_TS,
    code: `
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

@Injectable()
export class Mailer {
  private readonly queue: Queue;

  constructor() {
    this.queue = new Queue('email', { connection: { host: 'redis' }, telemetry: new BullMQOtel() });
  }

  welcome(to: string) {
    return this.queue.add('welcome', { to });
  }
}
`,
  },
  {
    name: 'a Worker whose options spread shared options and add telemetry',
    filename: OTEL_TS,
    code: `
import { Worker } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const shared = { connection: { host: 'redis' } };

export const worker = new Worker('email', async (job) => console.log(job.data), { ...shared, telemetry: new BullMQOtel() });
`,
  },
  {
    name: 'a class of the file\'s own named ClientProxy, and pattern decorators of the file\'s own',
    code: `
import { Ctx, MessagePattern } from './decorators';

class ClientProxy {
  emit(pattern: string, data: unknown) {
    return { pattern, data };
  }
}

export class Local {
  private readonly client = new ClientProxy();

  @MessagePattern('local')
  handle(data: unknown, @Ctx() ctx: unknown) {
    return this.client.emit('local', { data, ctx });
  }
}
`,
  },
  {
    name: 'a NestJS handler whose method calls a method of its class that extracts',
    code: `
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext } from '@nestjs/microservices';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Controller()
export class OrdersController {
  @MessagePattern('order.get')
  get(data: { id: string }, @Ctx() ctx: NatsContext) {
    return this.traced(ctx, () => ({ id: data.id }));
  }

  private traced<T>(ctx: NatsContext, work: () => T): T {
    return withExtractedContext(ctx.getHeaders(), work);
  }
}
`,
  },
  {
    name: 'a NestJS Kafka message whose headers already carry the context',
    code: `
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const kafka = ClientProxyFactory.create({ transport: Transport.KAFKA });

export const shipped = (id: string) => kafka.emit('shipments', { key: id, value: { id }, headers: injectContext() });
`,
  },
  {
    name: 'BullMQ jobs read back and changed: getJob, updateData, retry are not producers',
    code: `
import { Queue } from 'bullmq';

const queue = new Queue('email', { connection: { host: 'redis' } });

export async function retry(id: string) {
  const job = await queue.getJob(id);
  await job?.updateData({ retried: true });
  await job?.retry();
}
`,
  },
  {
    name: 'a FlowProducer with telemetry adding flows in bulk',
    filename: OTEL_TS,
    code: `
import { FlowProducer } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const flows = new FlowProducer({ connection: { host: 'redis' }, telemetry: new BullMQOtel() });

export const reports = () => flows.addBulk([{ name: 'a', queueName: 'reports' }, { name: 'b', queueName: 'reports' }]);
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'NestJS with the amqplib instrumentation but a handler typed for the NATS transport: not covered',
    filename: NEST_RMQ_INSTRUMENTED,
    code: `
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, NatsContext, Payload } from '@nestjs/microservices';

@Controller()
export class AuditController {
  @EventPattern('audit.recorded')
  recorded(@Payload() entry: { id: string }, @Ctx() context: NatsContext) {
    console.log(entry.id, context.getSubject());
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
        endColumn: 11,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, NatsContext, Payload } from '@nestjs/microservices';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Controller()
export class AuditController {
  @EventPattern('audit.recorded')
  recorded(@Payload() entry: { id: string }, @Ctx() context: NatsContext) {
    return withExtractedContext(context.getHeaders(), () => {
      console.log(entry.id, context.getSubject());
    }, { name: 'process audit.recorded', kind: 'consumer', attributes: { 'messaging.system': 'nats', 'messaging.destination.name': 'audit.recorded' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'bullmq-otel in dependencies: the Queue and the Worker get BullMQ\'s own telemetry',
    filename: OTEL_TS,
    code: `
import { Queue, Worker } from 'bullmq';

const queue = new Queue('email', { connection: { host: 'redis' } });

export async function enqueue(to: string) {
  await queue.add('welcome', { to });
}

export const worker = new Worker('email', async (job) => {
  console.log('sending', job.data.to);
}, { connection: { host: 'redis' } });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 18,
        suggestions: [
          {
            messageId: USE_BULLMQ_TELEMETRY,
            output: `
import { Queue, Worker } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const queue = new Queue('email', { connection: { host: 'redis' }, telemetry: new BullMQOtel() });

export async function enqueue(to: string) {
  await queue.add('welcome', { to });
}

export const worker = new Worker('email', async (job) => {
  console.log('sending', job.data.to);
}, { connection: { host: 'redis' } });
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq' },
        line: 10,
        column: 23,
        endLine: 10,
        endColumn: 33,
        suggestions: [
          {
            messageId: USE_BULLMQ_TELEMETRY,
            output: `
import { Queue, Worker } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const queue = new Queue('email', { connection: { host: 'redis' } });

export async function enqueue(to: string) {
  await queue.add('welcome', { to });
}

export const worker = new Worker('email', async (job) => {
  console.log('sending', job.data.to);
}, { connection: { host: 'redis' }, telemetry: new BullMQOtel() });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'bullmq-otel: a FlowProducer without options, a Queue without options, a Queue given an options variable',
    filename: OTEL_TS,
    code: `
import { FlowProducer, Queue } from 'bullmq';

const flows = new FlowProducer();
const queue = new Queue('email');
const options = { connection: { host: 'redis' } };
const other = new Queue('other', options);

export const report = () => flows.add({ name: 'report', queueName: 'reports' });
export const welcome = () => queue.add('welcome', {});
export const digest = () => other.add('digest', {});
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 9,
        column: 29,
        endLine: 9,
        endColumn: 38,
        suggestions: [
          {
            messageId: USE_BULLMQ_TELEMETRY,
            output: `
import { FlowProducer, Queue } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const flows = new FlowProducer({ telemetry: new BullMQOtel() });
const queue = new Queue('email');
const options = { connection: { host: 'redis' } };
const other = new Queue('other', options);

export const report = () => flows.add({ name: 'report', queueName: 'reports' });
export const welcome = () => queue.add('welcome', {});
export const digest = () => other.add('digest', {});
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 10,
        column: 30,
        endLine: 10,
        endColumn: 39,
        suggestions: [
          {
            messageId: USE_BULLMQ_TELEMETRY,
            output: `
import { FlowProducer, Queue } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const flows = new FlowProducer();
const queue = new Queue('email', { telemetry: new BullMQOtel() });
const options = { connection: { host: 'redis' } };
const other = new Queue('other', options);

export const report = () => flows.add({ name: 'report', queueName: 'reports' });
export const welcome = () => queue.add('welcome', {});
export const digest = () => other.add('digest', {});
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 11,
        column: 29,
        endLine: 11,
        endColumn: 38,
        suggestions: [
          {
            messageId: USE_BULLMQ_TELEMETRY,
            output: `
import { FlowProducer, Queue } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

const flows = new FlowProducer();
const queue = new Queue('email');
const options = { connection: { host: 'redis' } };
const other = new Queue('other', { ...options, telemetry: new BullMQOtel() });

export const report = () => flows.add({ name: 'report', queueName: 'reports' });
export const welcome = () => queue.add('welcome', {});
export const digest = () => other.add('digest', {});
`,
          },
        ],
      },
    ],
  },
  {
    name: 'bullmq-otel, CommonJS: a multi-line options object, a worker whose processor is required',
    filename: OTEL_CJS,
    languageOptions: COMMONJS,
    code: `
'use strict';
const { Queue, Worker } = require('bullmq');

const connection = { host: 'redis', port: 6379 };
const queue = new Queue('email', {
  connection,
  defaultJobOptions: { attempts: 3 },
});

exports.enqueue = (to) => queue.add('welcome', { to });
exports.worker = new Worker('email', require('./processor'), { connection });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 11,
        column: 27,
        endLine: 11,
        endColumn: 36,
        suggestions: [
          {
            messageId: USE_BULLMQ_TELEMETRY,
            output: `
'use strict';
const { Queue, Worker } = require('bullmq');
const { BullMQOtel } = require('bullmq-otel');

const connection = { host: 'redis', port: 6379 };
const queue = new Queue('email', {
  connection,
  defaultJobOptions: { attempts: 3 },
  telemetry: new BullMQOtel(),
});

exports.enqueue = (to) => queue.add('welcome', { to });
exports.worker = new Worker('email', require('./processor'), { connection });
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq' },
        line: 12,
        column: 18,
        endLine: 12,
        endColumn: 28,
        suggestions: [
          {
            messageId: USE_BULLMQ_TELEMETRY,
            output: `
'use strict';
const { Queue, Worker } = require('bullmq');
const { BullMQOtel } = require('bullmq-otel');

const connection = { host: 'redis', port: 6379 };
const queue = new Queue('email', {
  connection,
  defaultJobOptions: { attempts: 3 },
});

exports.enqueue = (to) => queue.add('welcome', { to });
exports.worker = new Worker('email', require('./processor'), { connection, telemetry: new BullMQOtel() });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'bullmq-otel, an aliased import of BullMQOtel is reused',
    filename: OTEL_TS,
    code: `
import { Queue } from 'bullmq';
import { BullMQOtel as Otel } from 'bullmq-otel';

export const tracing = new Otel();
const queue = new Queue('email', { connection: { host: 'redis' } });

export const welcome = (to: string) => queue.add('welcome', { to });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 8,
        column: 40,
        endLine: 8,
        endColumn: 49,
        suggestions: [
          {
            messageId: USE_BULLMQ_TELEMETRY,
            output: `
import { Queue } from 'bullmq';
import { BullMQOtel as Otel } from 'bullmq-otel';

export const tracing = new Otel();
const queue = new Queue('email', { connection: { host: 'redis' }, telemetry: new Otel() });

export const welcome = (to: string) => queue.add('welcome', { to });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'bullmq-otel: a @nestjs/bullmq @Processor gets telemetry in its worker options',
    filename: OTEL_TS,
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
        suggestions: [
          {
            messageId: USE_BULLMQ_TELEMETRY,
            output: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

@Processor('email', { telemetry: new BullMQOtel() })
export class EmailProcessor extends WorkerHost {
  async process(job: Job<{ to: string }>): Promise<void> {
    console.log('sending', job.data.to);
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'bullmq-otel only in devDependencies: a production install drops it, so no telemetry fix',
    filename: OTEL_DEV_TS,
    code: `
import { Queue, Worker } from 'bullmq';

const queue = new Queue('email', { connection: { host: 'redis' } });

export const welcome = (to: string) => queue.add('welcome', { to });
export const worker = new Worker('email', async (job) => console.log(job.data), { connection: { host: 'redis' } });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 6,
        column: 40,
        endLine: 6,
        endColumn: 49,
        suggestions: [],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq' },
        line: 7,
        column: 23,
        endLine: 7,
        endColumn: 33,
        suggestions: [],
      },
    ],
  },
  {
    name: 'bullmq-otel, but a flow producer injected with @InjectFlowProducer: set up elsewhere, report only',
    filename: OTEL_TS,
    code: `
import { Injectable } from '@nestjs/common';
import { InjectFlowProducer } from '@nestjs/bullmq';
import { FlowProducer } from 'bullmq';

@Injectable()
export class Reports {
  constructor(@InjectFlowProducer('reports') private readonly flows: FlowProducer) {}

  build(id: string) {
    return this.flows.add({ name: 'report', queueName: 'reports', data: { id } });
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
  {
    name: 'bullmq-otel, but the file binds the name BullMQOtel to something else: no fix',
    filename: OTEL_TS,
    code: `
import { Queue } from 'bullmq';

const BullMQOtel = 'not the class';
const queue = new Queue('email', { connection: { host: 'redis' } });

export const welcome = (to: string) => queue.add('welcome', { to, tag: BullMQOtel });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 7,
        column: 40,
        endLine: 7,
        endColumn: 49,
        suggestions: [],
      },
    ],
  },
  {
    name: 'the payload option off: BullMQ and Bull producers and processors are reported without a fix',
    code: `
import { Queue, Worker } from 'bullmq';

const queue = new Queue('email', { connection: { host: 'redis' } });

export const welcome = (to: string) => queue.add('welcome', { to });
export const worker = new Worker('email', async (job) => console.log(job.data), { connection: { host: 'redis' } });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 6,
        column: 40,
        endLine: 6,
        endColumn: 49,
        suggestions: [],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq' },
        line: 7,
        column: 23,
        endLine: 7,
        endColumn: 33,
        suggestions: [],
      },
    ],
  },
  {
    name: 'allowPayloadChanges: BullMQ add, addBulk and every node of a flow carry the context in their data',
    options: PAYLOAD,
    code: `
import { FlowProducer, Queue } from 'bullmq';

const queue = new Queue('email', { connection: { host: 'redis' } });
const flows = new FlowProducer({ connection: { host: 'redis' } });

export async function enqueue(to: string, payload: object) {
  await queue.add('welcome', { to });
  await queue.addBulk([{ name: 'digest', data: { to } }, { name: 'other', data: payload }]);
  await flows.add({
    name: 'report',
    queueName: 'reports',
    children: [{ name: 'part', queueName: 'parts', data: { to } }],
  });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 18,
        suggestions: [
          {
            messageId: INJECT_INTO_PAYLOAD,
            output: `
import { FlowProducer, Queue } from 'bullmq';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

const queue = new Queue('email', { connection: { host: 'redis' } });
const flows = new FlowProducer({ connection: { host: 'redis' } });

export async function enqueue(to: string, payload: object) {
  await queue.add('welcome', injectPayloadContext({ to }));
  await queue.addBulk([{ name: 'digest', data: { to } }, { name: 'other', data: payload }]);
  await flows.add({
    name: 'report',
    queueName: 'reports',
    children: [{ name: 'part', queueName: 'parts', data: { to } }],
  });
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 22,
        suggestions: [
          {
            messageId: INJECT_INTO_PAYLOAD,
            output: `
import { FlowProducer, Queue } from 'bullmq';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

const queue = new Queue('email', { connection: { host: 'redis' } });
const flows = new FlowProducer({ connection: { host: 'redis' } });

export async function enqueue(to: string, payload: object) {
  await queue.add('welcome', { to });
  await queue.addBulk([{ name: 'digest', data: injectPayloadContext({ to }) }, { name: 'other', data: injectPayloadContext(payload) }]);
  await flows.add({
    name: 'report',
    queueName: 'reports',
    children: [{ name: 'part', queueName: 'parts', data: { to } }],
  });
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 18,
        suggestions: [
          {
            messageId: INJECT_INTO_PAYLOAD,
            output: `
import { FlowProducer, Queue } from 'bullmq';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

const queue = new Queue('email', { connection: { host: 'redis' } });
const flows = new FlowProducer({ connection: { host: 'redis' } });

export async function enqueue(to: string, payload: object) {
  await queue.add('welcome', { to });
  await queue.addBulk([{ name: 'digest', data: { to } }, { name: 'other', data: payload }]);
  await flows.add({
    name: 'report',
    queueName: 'reports',
    children: [{ name: 'part', queueName: 'parts', data: injectPayloadContext({ to }) }],
    data: injectPayloadContext(),
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'allowPayloadChanges: what cannot be edited surely is reported without a fix',
    options: PAYLOAD,
    code: `
import { FlowProducer, Queue } from 'bullmq';

const queue = new Queue('email', { connection: { host: 'redis' } });
const flows = new FlowProducer({ connection: { host: 'redis' } });

export async function enqueue(jobs: { name: string; data: object }[], children: never[]) {
  await queue.addBulk(jobs);
  await queue.addBulk([{ name: 'digest', ...jobs[0] }]);
  await flows.add({ name: 'report', queueName: 'reports', children });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 22,
        suggestions: [],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 22,
        suggestions: [],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 18,
        suggestions: [],
      },
    ],
  },
  {
    name: 'allowPayloadChanges: BullMQ workers run in the context of the job data',
    options: PAYLOAD,
    code: `
import { Worker } from 'bullmq';

export const worker = new Worker('email', async (job) => {
  console.log('sending', job.data.to);
}, { connection: { host: 'redis' } });

export const concise = new Worker('other', ({ data }) => console.log(data));
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq' },
        line: 4,
        column: 23,
        endLine: 4,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Worker } from 'bullmq';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export const worker = new Worker('email', async (job) => {
  return withExtractedContext(payloadContext(job.data), async () => {
    console.log('sending', job.data.to);
  }, { name: 'process email', kind: 'consumer', attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': 'email' } });
}, { connection: { host: 'redis' } });

export const concise = new Worker('other', ({ data }) => console.log(data));
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq' },
        line: 8,
        column: 24,
        endLine: 8,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Worker } from 'bullmq';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export const worker = new Worker('email', async (job) => {
  console.log('sending', job.data.to);
}, { connection: { host: 'redis' } });

export const concise = new Worker('other', ({ data }) => withExtractedContext(payloadContext(data), () => console.log(data), { name: 'process other', kind: 'consumer', attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': 'other' } }));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'allowPayloadChanges (ESM JavaScript): a worker on a queue named by a variable, and one given a named function',
    filename: BARE_MJS,
    languageOptions: ESM,
    options: PAYLOAD,
    code: `
import { Worker } from 'bullmq';

const queueName = process.env.QUEUE ?? 'email';

export const worker = new Worker(queueName, async function (job) {
  await send(job.data);
});

async function send(data) {
  console.log(data);
}

export const named = new Worker('other', send);
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq' },
        line: 6,
        column: 23,
        endLine: 6,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Worker } from 'bullmq';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const queueName = process.env.QUEUE ?? 'email';

export const worker = new Worker(queueName, async function (job) {
  return withExtractedContext(payloadContext(job.data), async () => {
    await send(job.data);
  }, { name: \`process \${job.queueName}\`, kind: 'consumer', attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': job.queueName } });
});

async function send(data) {
  console.log(data);
}

export const named = new Worker('other', send);
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq' },
        line: 14,
        column: 22,
        endLine: 14,
        endColumn: 32,
        suggestions: [],
      },
    ],
  },
  {
    name: 'allowPayloadChanges, Bull (CommonJS): add(data) and add(name, data, opts)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    options: PAYLOAD,
    code: `
const Queue = require('bull');

const queue = new Queue('email', 'redis://redis:6379');

exports.enqueue = (to) => queue.add({ to });
exports.named = (to) => queue.add('welcome', { to }, { attempts: 3 });
exports.unsure = (name, to) => queue.add(name, { to });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 6,
        column: 27,
        endLine: 6,
        endColumn: 36,
        suggestions: [
          {
            messageId: INJECT_INTO_PAYLOAD,
            output: `
const Queue = require('bull');
const { injectPayloadContext } = require('eslint-plugin-trace-context/wrappers');

const queue = new Queue('email', 'redis://redis:6379');

exports.enqueue = (to) => queue.add(injectPayloadContext({ to }));
exports.named = (to) => queue.add('welcome', { to }, { attempts: 3 });
exports.unsure = (name, to) => queue.add(name, { to });
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 7,
        column: 25,
        endLine: 7,
        endColumn: 34,
        suggestions: [
          {
            messageId: INJECT_INTO_PAYLOAD,
            output: `
const Queue = require('bull');
const { injectPayloadContext } = require('eslint-plugin-trace-context/wrappers');

const queue = new Queue('email', 'redis://redis:6379');

exports.enqueue = (to) => queue.add({ to });
exports.named = (to) => queue.add('welcome', injectPayloadContext({ to }), { attempts: 3 });
exports.unsure = (name, to) => queue.add(name, { to });
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 8,
        column: 32,
        endLine: 8,
        endColumn: 41,
        suggestions: [],
      },
    ],
  },
  {
    name: 'allowPayloadChanges, Bull (CommonJS): a promise-style processor is wrapped, a done-callback one is not',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    options: PAYLOAD,
    code: `
const Queue = require('bull');

const queue = new Queue('email', 'redis://redis:6379');

queue.process(async (job) => {
  console.log(job.data.to);
});
queue.process('welcome', 5, function (job, done) {
  done();
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
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
const Queue = require('bull');
const { payloadContext, withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const queue = new Queue('email', 'redis://redis:6379');

queue.process(async (job) => {
  return withExtractedContext(payloadContext(job.data), async () => {
    console.log(job.data.to);
  }, { name: 'process email', kind: 'consumer', attributes: { 'messaging.system': 'bull', 'messaging.destination.name': 'email' } });
});
queue.process('welcome', 5, function (job, done) {
  done();
});
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'bullmq / bull' },
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 14,
        suggestions: [],
      },
    ],
  },
  {
    name: 'allowPayloadChanges: @nestjs/bull @Process methods',
    options: PAYLOAD,
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
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Processor('email')
export class EmailProcessor {
  @Process('welcome')
  async welcome(job: Job<{ to: string }>) {
    return withExtractedContext(payloadContext(job.data), async () => {
      console.log('sending', job.data.to);
    }, { name: 'process email', kind: 'consumer', attributes: { 'messaging.system': 'bull', 'messaging.destination.name': 'email' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'allowPayloadChanges: a @nestjs/bullmq processor named with an options object',
    options: PAYLOAD,
    code: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

@Processor({ name: 'email' })
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
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Processor({ name: 'email' })
export class EmailProcessor extends WorkerHost {
  async process(job: Job<{ to: string }>): Promise<void> {
    return withExtractedContext(payloadContext(job.data), async () => {
      console.log('sending', job.data.to);
    }, { name: 'process email', kind: 'consumer', attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': 'email' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NestJS handlers with a typed @Ctx(): RabbitMQ, NATS and Kafka headers',
    code: `
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, NatsContext, Payload, RmqContext } from '@nestjs/microservices';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  async created(@Payload() data: { id: string }, @Ctx() context: RmqContext) {
    console.log('created', data.id);
  }

  @MessagePattern('order.get')
  get(@Payload() data: { id: string }, @Ctx() ctx: NatsContext) {
    return { id: data.id };
  }

  @EventPattern({ cmd: 'order.shipped' })
  shipped(@Payload() data: { id: string }, @Ctx() ctx: KafkaContext) {
    console.log('shipped', data.id);
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, NatsContext, Payload, RmqContext } from '@nestjs/microservices';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  async created(@Payload() data: { id: string }, @Ctx() context: RmqContext) {
    return withExtractedContext(context.getMessage().properties.headers, async () => {
      console.log('created', data.id);
    }, { name: 'process order.created', kind: 'consumer', attributes: { 'messaging.system': 'rabbitmq' } });
  }

  @MessagePattern('order.get')
  get(@Payload() data: { id: string }, @Ctx() ctx: NatsContext) {
    return { id: data.id };
  }

  @EventPattern({ cmd: 'order.shipped' })
  shipped(@Payload() data: { id: string }, @Ctx() ctx: KafkaContext) {
    console.log('shipped', data.id);
  }
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 13,
        column: 3,
        endLine: 13,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, NatsContext, Payload, RmqContext } from '@nestjs/microservices';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  async created(@Payload() data: { id: string }, @Ctx() context: RmqContext) {
    console.log('created', data.id);
  }

  @MessagePattern('order.get')
  get(@Payload() data: { id: string }, @Ctx() ctx: NatsContext) {
    return withExtractedContext(ctx.getHeaders(), () => {
      return { id: data.id };
    }, { name: 'process order.get', kind: 'consumer', attributes: { 'messaging.system': 'nats', 'messaging.destination.name': 'order.get' } });
  }

  @EventPattern({ cmd: 'order.shipped' })
  shipped(@Payload() data: { id: string }, @Ctx() ctx: KafkaContext) {
    console.log('shipped', data.id);
  }
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 18,
        column: 3,
        endLine: 18,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, NatsContext, Payload, RmqContext } from '@nestjs/microservices';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  async created(@Payload() data: { id: string }, @Ctx() context: RmqContext) {
    console.log('created', data.id);
  }

  @MessagePattern('order.get')
  get(@Payload() data: { id: string }, @Ctx() ctx: NatsContext) {
    return { id: data.id };
  }

  @EventPattern({ cmd: 'order.shipped' })
  shipped(@Payload() data: { id: string }, @Ctx() ctx: KafkaContext) {
    return withExtractedContext(ctx.getMessage().headers, () => {
      console.log('shipped', data.id);
    }, { name: \`process \${ctx.getTopic()}\`, kind: 'consumer', attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': ctx.getTopic() } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NestJS handlers: a Redis context has no headers and the payload option is off',
    code: `
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, RedisContext } from '@nestjs/microservices';

@Controller()
export class AuditController {
  @EventPattern('audit')
  audit(data: unknown, @Ctx() ctx: RedisContext) {
    console.log(data, ctx.getChannel());
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
        endColumn: 8,
        suggestions: [],
      },
    ],
  },
  {
    name: 'allowPayloadChanges: NestJS handlers read the payload\'s context (@Payload(), or the first parameter)',
    options: PAYLOAD,
    code: `
import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  onCreated(@Payload() data: { id: string }) {
    console.log(data.id);
  }

  @MessagePattern('order.get')
  onGet(data: { id: string }) {
    return { id: data.id };
  }

  @EventPattern('order.field')
  onField(@Payload('id') id: string) {
    console.log(id);
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
        endColumn: 12,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  onCreated(@Payload() data: { id: string }) {
    return withExtractedContext(payloadContext(data), () => {
      console.log(data.id);
    }, { name: 'process order.created', kind: 'consumer' });
  }

  @MessagePattern('order.get')
  onGet(data: { id: string }) {
    return { id: data.id };
  }

  @EventPattern('order.field')
  onField(@Payload('id') id: string) {
    console.log(id);
  }
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 13,
        column: 3,
        endLine: 13,
        endColumn: 8,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

@Controller()
export class OrdersController {
  @EventPattern('order.created')
  onCreated(@Payload() data: { id: string }) {
    console.log(data.id);
  }

  @MessagePattern('order.get')
  onGet(data: { id: string }) {
    return withExtractedContext(payloadContext(data), () => {
      return { id: data.id };
    }, { name: 'process order.get', kind: 'consumer' });
  }

  @EventPattern('order.field')
  onField(@Payload('id') id: string) {
    console.log(id);
  }
}
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 18,
        column: 3,
        endLine: 18,
        endColumn: 10,
        suggestions: [],
      },
    ],
  },
  {
    name: 'allowPayloadChanges: a NestJS client on an unknown transport carries the context in an object payload, not in a string',
    options: PAYLOAD,
    code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';

@Injectable()
export class OrdersPublisher {
  constructor(@Inject('ORDERS') private readonly client: ClientProxy) {}

  created(id: string) {
    return this.client.emit('order.created', { id });
  }

  note() {
    return this.client.emit('order.note', 'stock is low');
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
        suggestions: [
          {
            messageId: INJECT_INTO_PAYLOAD,
            output: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { injectPayloadContext } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class OrdersPublisher {
  constructor(@Inject('ORDERS') private readonly client: ClientProxy) {}

  created(id: string) {
    return this.client.emit('order.created', injectPayloadContext({ id }));
  }

  note() {
    return this.client.emit('order.note', 'stock is low');
  }
}
`,
          },
        ],
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
    name: 'NestJS clients whose transport the file shows: RabbitMQ and NATS records, Kafka messages',
    code: `
import { ClientProxyFactory, RmqRecordBuilder, Transport } from '@nestjs/microservices';

const rmq = ClientProxyFactory.create({ transport: Transport.RMQ, options: { urls: ['amqp://rabbit'], queue: 'orders' } });
const nats = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } });
const kafka = ClientProxyFactory.create({ transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } });
const tcp = ClientProxyFactory.create({ options: { port: 4000 } });

export const a = (id: string) => rmq.emit('order.created', { id });
export const b = (id: string) => nats.send('order.get', { id });
export const c = (id: string) => kafka.emit('order.created', { id });
export const d = (id: string) => kafka.emit('order.created', { key: id, value: { id } });
export const e = (id: string) => tcp.emit('order.created', { id });
export const f = (id: string) => rmq.emit('order.created', new RmqRecordBuilder({ id }).setOptions({ priority: 3 }).build());
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 9,
        column: 34,
        endLine: 9,
        endColumn: 42,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ClientProxyFactory, RmqRecordBuilder, Transport } from '@nestjs/microservices';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const rmq = ClientProxyFactory.create({ transport: Transport.RMQ, options: { urls: ['amqp://rabbit'], queue: 'orders' } });
const nats = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } });
const kafka = ClientProxyFactory.create({ transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } });
const tcp = ClientProxyFactory.create({ options: { port: 4000 } });

export const a = (id: string) => rmq.emit('order.created', new RmqRecordBuilder({ id }).setOptions({ headers: injectContext() }).build());
export const b = (id: string) => nats.send('order.get', { id });
export const c = (id: string) => kafka.emit('order.created', { id });
export const d = (id: string) => kafka.emit('order.created', { key: id, value: { id } });
export const e = (id: string) => tcp.emit('order.created', { id });
export const f = (id: string) => rmq.emit('order.created', new RmqRecordBuilder({ id }).setOptions({ priority: 3 }).build());
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 10,
        column: 34,
        endLine: 10,
        endColumn: 43,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ClientProxyFactory, NatsRecordBuilder, RmqRecordBuilder, Transport } from '@nestjs/microservices';
import { headers } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const rmq = ClientProxyFactory.create({ transport: Transport.RMQ, options: { urls: ['amqp://rabbit'], queue: 'orders' } });
const nats = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } });
const kafka = ClientProxyFactory.create({ transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } });
const tcp = ClientProxyFactory.create({ options: { port: 4000 } });

export const a = (id: string) => rmq.emit('order.created', { id });
export const b = (id: string) => nats.send('order.get', new NatsRecordBuilder({ id }).setHeaders(injectContext(headers())).build());
export const c = (id: string) => kafka.emit('order.created', { id });
export const d = (id: string) => kafka.emit('order.created', { key: id, value: { id } });
export const e = (id: string) => tcp.emit('order.created', { id });
export const f = (id: string) => rmq.emit('order.created', new RmqRecordBuilder({ id }).setOptions({ priority: 3 }).build());
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 11,
        column: 34,
        endLine: 11,
        endColumn: 44,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ClientProxyFactory, RmqRecordBuilder, Transport } from '@nestjs/microservices';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const rmq = ClientProxyFactory.create({ transport: Transport.RMQ, options: { urls: ['amqp://rabbit'], queue: 'orders' } });
const nats = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } });
const kafka = ClientProxyFactory.create({ transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } });
const tcp = ClientProxyFactory.create({ options: { port: 4000 } });

export const a = (id: string) => rmq.emit('order.created', { id });
export const b = (id: string) => nats.send('order.get', { id });
export const c = (id: string) => kafka.emit('order.created', { value: { id }, headers: injectContext() });
export const d = (id: string) => kafka.emit('order.created', { key: id, value: { id } });
export const e = (id: string) => tcp.emit('order.created', { id });
export const f = (id: string) => rmq.emit('order.created', new RmqRecordBuilder({ id }).setOptions({ priority: 3 }).build());
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 12,
        column: 34,
        endLine: 12,
        endColumn: 44,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ClientProxyFactory, RmqRecordBuilder, Transport } from '@nestjs/microservices';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const rmq = ClientProxyFactory.create({ transport: Transport.RMQ, options: { urls: ['amqp://rabbit'], queue: 'orders' } });
const nats = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } });
const kafka = ClientProxyFactory.create({ transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } });
const tcp = ClientProxyFactory.create({ options: { port: 4000 } });

export const a = (id: string) => rmq.emit('order.created', { id });
export const b = (id: string) => nats.send('order.get', { id });
export const c = (id: string) => kafka.emit('order.created', { id });
export const d = (id: string) => kafka.emit('order.created', { key: id, value: { id }, headers: injectContext() });
export const e = (id: string) => tcp.emit('order.created', { id });
export const f = (id: string) => rmq.emit('order.created', new RmqRecordBuilder({ id }).setOptions({ priority: 3 }).build());
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 13,
        column: 34,
        endLine: 13,
        endColumn: 42,
        suggestions: [],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 14,
        column: 34,
        endLine: 14,
        endColumn: 42,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ClientProxyFactory, RmqRecordBuilder, Transport } from '@nestjs/microservices';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const rmq = ClientProxyFactory.create({ transport: Transport.RMQ, options: { urls: ['amqp://rabbit'], queue: 'orders' } });
const nats = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } });
const kafka = ClientProxyFactory.create({ transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } });
const tcp = ClientProxyFactory.create({ options: { port: 4000 } });

export const a = (id: string) => rmq.emit('order.created', { id });
export const b = (id: string) => nats.send('order.get', { id });
export const c = (id: string) => kafka.emit('order.created', { id });
export const d = (id: string) => kafka.emit('order.created', { key: id, value: { id } });
export const e = (id: string) => tcp.emit('order.created', { id });
export const f = (id: string) => rmq.emit('order.created', new RmqRecordBuilder({ id }).setOptions({ priority: 3, headers: injectContext() }).build());
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NestJS: a client injected by the token ClientsModule registers in the same file (NATS)',
    code: `
import { Inject, Injectable, Module } from '@nestjs/common';
import { ClientProxy, ClientsModule, Transport } from '@nestjs/microservices';

@Injectable()
export class OrdersPublisher {
  constructor(@Inject('ORDERS') private readonly client: ClientProxy) {}

  created(id: string) {
    return this.client.emit('order.created', { id });
  }
}

@Module({
  imports: [ClientsModule.register([{ name: 'ORDERS', transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } }])],
  providers: [OrdersPublisher],
})
export class OrdersModule {}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 10,
        column: 12,
        endLine: 10,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Inject, Injectable, Module } from '@nestjs/common';
import { ClientProxy, ClientsModule, NatsRecordBuilder, Transport } from '@nestjs/microservices';
import { headers } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class OrdersPublisher {
  constructor(@Inject('ORDERS') private readonly client: ClientProxy) {}

  created(id: string) {
    return this.client.emit('order.created', new NatsRecordBuilder({ id }).setHeaders(injectContext(headers())).build());
  }
}

@Module({
  imports: [ClientsModule.register([{ name: 'ORDERS', transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } }])],
  providers: [OrdersPublisher],
})
export class OrdersModule {}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NestJS: a @Client({ transport: Transport.RMQ }) property',
    code: `
import { Injectable } from '@nestjs/common';
import { Client, ClientProxy, Transport } from '@nestjs/microservices';

@Injectable()
export class Events {
  @Client({ transport: Transport.RMQ, options: { urls: ['amqp://rabbit'], queue: 'events' } })
  private readonly client!: ClientProxy;

  publish(id: string) {
    this.client.emit('event.created', { id });
  }
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 11,
        column: 5,
        endLine: 11,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Injectable } from '@nestjs/common';
import { Client, ClientProxy, RmqRecordBuilder, Transport } from '@nestjs/microservices';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class Events {
  @Client({ transport: Transport.RMQ, options: { urls: ['amqp://rabbit'], queue: 'events' } })
  private readonly client!: ClientProxy;

  publish(id: string) {
    this.client.emit('event.created', new RmqRecordBuilder({ id }).setOptions({ headers: injectContext() }).build());
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NestJS: a NATS builder\'s own headers get the context, and the file\'s aliased headers import is reused',
    code: `
import { ClientProxyFactory, NatsRecordBuilder, Transport } from '@nestjs/microservices';
import { headers as natsHeaders } from 'nats';

const client = ClientProxyFactory.create({ transport: Transport.NATS });

export function publish(id: string) {
  const h = natsHeaders();
  h.set('x-tenant', 'acme');
  return client.emit('event.created', new NatsRecordBuilder({ id }).setHeaders(h).build());
}

export function relay(id: string) {
  return client.emit('event.relayed', { id });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 10,
        column: 10,
        endLine: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ClientProxyFactory, NatsRecordBuilder, Transport } from '@nestjs/microservices';
import { headers as natsHeaders } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const client = ClientProxyFactory.create({ transport: Transport.NATS });

export function publish(id: string) {
  const h = natsHeaders();
  h.set('x-tenant', 'acme');
  return client.emit('event.created', new NatsRecordBuilder({ id }).setHeaders(injectContext(h)).build());
}

export function relay(id: string) {
  return client.emit('event.relayed', { id });
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 14,
        column: 10,
        endLine: 14,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { ClientProxyFactory, NatsRecordBuilder, Transport } from '@nestjs/microservices';
import { headers as natsHeaders } from 'nats';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const client = ClientProxyFactory.create({ transport: Transport.NATS });

export function publish(id: string) {
  const h = natsHeaders();
  h.set('x-tenant', 'acme');
  return client.emit('event.created', new NatsRecordBuilder({ id }).setHeaders(h).build());
}

export function relay(id: string) {
  return client.emit('event.relayed', new NatsRecordBuilder({ id }).setHeaders(injectContext(natsHeaders())).build());
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NestJS: a local binding named headers keeps the NATS headers import out, so no fix',
    code: `
import { ClientProxyFactory, Transport } from '@nestjs/microservices';

const client = ClientProxyFactory.create({ transport: Transport.NATS });

export function relay(id: string, headers: Record<string, string>) {
  return client.emit('event.relayed', { id, headers });
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'NestJS (CommonJS): a NATS client from ClientProxyFactory',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { ClientProxyFactory, Transport } = require('@nestjs/microservices');

const client = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } });

exports.publish = (id) => client.emit('event.created', { id });
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 6,
        column: 27,
        endLine: 6,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
const { ClientProxyFactory, NatsRecordBuilder, Transport } = require('@nestjs/microservices');
const { headers } = require('nats');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

const client = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: ['nats://nats:4222'] } });

exports.publish = (id) => client.emit('event.created', new NatsRecordBuilder({ id }).setHeaders(injectContext(headers())).build());
`,
          },
        ],
      },
    ],
  },
  {
    name: 'NestJS Kafka: a payload held in a variable may already be a message, so no fix',
    code: `
import { ClientProxyFactory, Transport } from '@nestjs/microservices';

const kafka = ClientProxyFactory.create({ transport: Transport.KAFKA });

export const forward = (message: { value: string }) => kafka.emit('orders', message);
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@nestjs/microservices' },
        line: 6,
        column: 56,
        endLine: 6,
        endColumn: 66,
        suggestions: [],
      },
    ],
  },
  {
    name: 'NestJS: a client typed ClientKafka names its transport',
    code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';

@Injectable()
export class Shipments {
  constructor(@Inject('KAFKA') private readonly kafka: ClientKafka) {}

  shipped(id: string) {
    return this.kafka.emit('shipments', { id });
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
        endColumn: 27,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class Shipments {
  constructor(@Inject('KAFKA') private readonly kafka: ClientKafka) {}

  shipped(id: string) {
    return this.kafka.emit('shipments', { value: { id }, headers: injectContext() });
  }
}
`,
          },
        ],
      },
    ],
  },
];

ruleTester.run(RULE, rule, { valid, invalid });

describeSuggestionRelint(RULE, rule, invalid, BARE_TS);

// ── the codemod, with the project's package.json and ESLint config ─────────────────────────────
// The shared fixture run (tests/codemods/fixtures.test.ts, tests/parity) uses default options and a
// package without bullmq-otel. These two folders are projects of their own: `jobs-native` lists
// bullmq-otel in `dependencies`; `jobs-payload` turns `allowPayloadChanges` on in its ESLint config.
const FIXTURE_PROJECTS = join(fixturesRoot, RULE);

interface ProjectRun {
  readonly folder: string;
  readonly options?: Options[0];
}

const PROJECTS: readonly ProjectRun[] = [{ folder: 'jobs-native' }, { folder: 'jobs-payload', options: { allowPayloadChanges: true } }];

describe.each(PROJECTS)('codemod on the $folder project', ({ folder, options }) => {
  const source = join(FIXTURE_PROJECTS, folder);
  const inputs = readdirSync(source).filter((name) => /\.input\.[cm]?[jt]s$/.test(name)).sort();
  let tmp: { dir: string; remove: () => void };
  let first: CliResult;
  let second: CliResult;

  /** A copy of the project under tests/.tmp: its package.json, an ESLint config with the rule's options, the inputs (or outputs) under src/. */
  function stage(name: string, pick: 'input' | 'output'): string {
    const dir = join(tmp.dir, name);
    mkdirSync(join(dir, 'src'), { recursive: true });
    copyFileSync(join(source, 'package.json'), join(dir, 'package.json'));
    const plugin = JSON.stringify(join(repoRoot, 'dist/src/index.js'));
    const rules = options ? `, rules: { 'trace-context/${RULE}': ['error', ${JSON.stringify(options)}] }` : '';
    writeFileSync(join(dir, 'eslint.config.mjs'), `import traceContext from ${plugin};\nexport default [traceContext.configs.recommended, { settings: { 'trace-context': {} }${rules} }];\n`);
    for (const input of inputs) copyFileSync(join(source, pick === 'input' ? input : input.replace('.input.', '.output.')), join(dir, 'src', input));
    return dir;
  }

  beforeAll(() => {
    ensureBuilt();
    tmp = makeTmpDir('jobs-codemod-');
    first = runCli([RULE, 'src'], stage('first', 'input'));
    second = runCli([RULE, 'src'], stage('second', 'output'));
  });
  afterAll(() => tmp.remove());

  it('changes every input and fails on none', () => {
    expect(first.status, first.output).toBe(0);
    expect(first.stdout, first.output).toMatch(new RegExp(`changed: ${inputs.length}\\b`));
    expect(first.stdout, first.output).toMatch(/failed: 0\b/);
  });

  it.each(inputs)('%s: the codemod output equals the fixture output', (input) => {
    const expected = readFileSync(join(source, input.replace('.input.', '.output.')), 'utf8');
    expect(readFileSync(join(tmp.dir, 'first', 'src', input), 'utf8')).toBe(expected);
  });

  it.each(inputs)('%s: accepting the suggestions one at a time gives the same output', (input) => {
    const path = join(source, input);
    const languageOptions = input.endsWith('.cjs') ? COMMONJS : undefined;
    let text = readFileSync(path, 'utf8');
    for (let step = 0; step < 20; step++) {
      const messages = lintWithRule(RULE, rule, { code: text, options: options ? [options] : undefined, languageOptions }, path);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      const next = messages.find((message) => message.suggestions?.length);
      if (!next) break;
      const { range, text: replacement } = next.suggestions![0]!.fix;
      text = text.slice(0, range[0]) + replacement + text.slice(range[1]);
    }
    expect(text).toBe(readFileSync(join(source, input.replace('.input.', '.output.')), 'utf8'));
  });

  it('leaves its own output unchanged', () => {
    expect(second.status, second.output).toBe(0);
    expect(second.stdout, second.output).toMatch(/changed: 0\b/);
  });
});

// ── the routes the fixes write, run with the real libraries on Redis ───────────────────────────
describeWithBrokers('the BullMQ and Bull routes the fixes write, on Redis', [BROKERS.redis], () => {
  const connection = { host: BROKERS.redis.host, port: BROKERS.redis.port };
  let tracing: TracingHarness;

  beforeAll(() => {
    tracing = setupTracing();
  });
  afterAll(async () => {
    await tracing.shutdown();
  });

  /** Adds one job under a SERVER span (the request that produces it); its span context. */
  async function produce(add: () => Promise<unknown>): Promise<SpanContext> {
    return tracing.tracer().startActiveSpan('POST /signup', { kind: SpanKind.SERVER }, async (span) => {
      await add();
      span.end();
      return span.spanContext();
    });
  }

  const unique = (route: string) => `jobs-${route}-${process.pid}-${Date.now()}`;

  /** The first finished span that matches, once it has ended (the libraries end theirs after the job settles). */
  function ended(match: (span: ReadableSpan) => boolean): Promise<ReadableSpan> {
    return vi.waitFor(() => {
      const span = tracing.spans().find(match);
      if (!span) throw new Error('the span has not ended yet');
      return span;
    });
  }

  it("telemetry (new BullMQOtel() on the Queue and the Worker): the worker's CONSUMER span continues the producer's trace", async () => {
    const name = unique('telemetry');
    const queue = new Queue(name, { connection, telemetry: new BullMQOtel() });
    let inJob: string | undefined;
    const worker = new Worker(name, async () => {
      inJob = trace.getActiveSpan()?.spanContext().traceId;
    }, { connection, telemetry: new BullMQOtel() });
    try {
      const completed = new Promise((resolve) => worker.once('completed', resolve));
      const request = await produce(() => queue.add('welcome', { userId: 'u1' }));
      await completed;
      expect(inJob).toBe(request.traceId);
      // BullMQ ends its `process` span just after the `completed` event.
      const consumer = await ended((span) => span.kind === SpanKind.CONSUMER && span.spanContext().traceId === request.traceId);
      const producer = await ended((span) => span.kind === SpanKind.PRODUCER && span.spanContext().traceId === request.traceId);
      expect(producer.parentSpanContext?.spanId).toBe(request.spanId);
      expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('payload (BullMQ): injectPayloadContext in the job data, withExtractedContext(payloadContext(job.data), …) in the processor', async () => {
    const name = unique('bullmq-payload');
    const queue = new Queue(name, { connection });
    const worker = new Worker(name, async (job) => {
      return withExtractedContext(payloadContext(job.data), async () => {
        tracing.tracer().startSpan('send welcome email').end();
      }, { name: `process ${name}`, kind: 'consumer', attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': name } });
    }, { connection });
    try {
      const completed = new Promise((resolve) => worker.once('completed', resolve));
      const request = await produce(() => queue.add('welcome', injectPayloadContext({ userId: 'u1' })));
      await completed;
      const consumer = await ended((span) => span.name === `process ${name}`);
      expect(consumer.kind).toBe(SpanKind.CONSUMER);
      expect(consumer.spanContext().traceId).toBe(request.traceId);
      expect(consumer.parentSpanContext?.spanId).toBe(request.spanId);
      const inner = await ended((span) => span.name === 'send welcome email' && span.spanContext().traceId === request.traceId);
      expect(inner.parentSpanContext?.spanId).toBe(consumer.spanContext().spanId);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it("payload (Bull 4): the _traceContext field survives Bull's JSON job data", async () => {
    const name = unique('bull-payload');
    const queue = new Bull(name, { redis: connection });
    try {
      const processed = new Promise<void>((resolve, reject) => {
        void queue.process(async (job) => {
          return withExtractedContext(payloadContext(job.data), async () => resolve(), { name: `process ${name}`, kind: 'consumer' });
        }).catch(reject);
      });
      const request = await produce(() => queue.add(injectPayloadContext({ documentId: 'd1' })));
      await processed;
      const consumer = await ended((span) => span.name === `process ${name}`);
      expect(consumer.spanContext().traceId).toBe(request.traceId);
      expect(consumer.parentSpanContext?.spanId).toBe(request.spanId);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
