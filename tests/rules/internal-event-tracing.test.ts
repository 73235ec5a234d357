import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../src/rules/internal-event-tracing';
import { COMMONJS, ESM, RuleTester, describeSuggestionRelint, fixture, lintWithRule } from './rule-tester';

const RULE = 'internal-event-tracing';

/**
 * A Node.js service with in-process buses, NestJS listeners and CQRS handlers
 * (fixtures/event-bus/package.json): server code unless a path or an import says otherwise.
 * Browser cases use fixtures/event-ui (a React app with a UI bus).
 */
const EVENTS_TS = fixture('event-bus', 'src', 'events.ts');

const ruleTester = new RuleTester({
  defaultFilenames: { ts: EVENTS_TS, tsx: fixture('event-bus', 'src', 'events.tsx') },
});

const valid: ValidTestCase<Options>[] = [
  // ── empty and unrelated files ──────────────────────────────────────────────────────────────────
  {
    name: 'an empty file',
    code: '',
  },
  {
    name: 'a file that mentions no bus token',
    code: 'export const answer = 42;\n',
  },

  // ── Node core and I/O emitters ─────────────────────────────────────────────────────────────────
  {
    name: 'readable and writable stream events',
    code: `
import { createReadStream, createWriteStream } from 'node:fs';

export function copy(src: string, dest: string, onProgress: (bytes: number) => void) {
  const input = createReadStream(src);
  const output = createWriteStream(dest);
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
    onProgress(bytes);
  });
  input.once('end', () => onProgress(bytes));
  input.on('error', (err) => output.destroy(err));
  input.on('close', () => onProgress(bytes));
  output.on('finish', () => onProgress(bytes));
  output.on('drain', () => input.resume());
  input.on('readable', () => {
    while (input.read() !== null) bytes += 1;
  });
}
`,
  },
  {
    name: 'a project EventEmitter re-emitting I/O event names',
    code: `
import { EventEmitter } from 'node:events';

export class LineSplitter extends EventEmitter {
  private buffer = '';

  constructor() {
    super();
    this.on('data', (chunk: string) => {
      this.buffer += chunk;
    });
    this.on('end', () => this.flush());
    this.on('finish', () => this.flush());
    this.on('close', () => this.flush());
    this.on('drain', () => this.flush());
    this.on('readable', () => this.flush());
  }

  private flush() {
    this.buffer = '';
  }
}

const splitter = new LineSplitter();
splitter.on('error', async (err) => {
  await report(err);
});
`,
  },
  {
    name: "a Node emitter's I/O event names (message, ready, open, exit)",
    code: `
import { EventEmitter } from 'node:events';

export class Connection extends EventEmitter {}

const connection = new Connection();
connection.on('message', async (frame) => {
  await dispatch(frame);
});
connection.once('ready', async () => {
  await subscribeAll();
});
connection.on('open', () => console.log('open'));
connection.on('exit', () => console.log('exit'));
`,
  },
  {
    name: 'HTTP server, request, response and socket events',
    code: `
import http from 'node:http';

const server = http.createServer();
server.on('request', async (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    await handle(Buffer.concat(chunks), res);
  });
  res.on('finish', () => metrics.count('responses'));
  res.on('close', () => metrics.count('closed'));
});
server.on('connection', (socket) => {
  socket.setKeepAlive(true);
  socket.on('timeout', () => socket.destroy());
});
server.on('upgrade', (req, socket) => socket.end());
server.once('listening', () => console.log('listening'));
server.listen(8080);
`,
  },
  {
    name: 'an http.Server subclass registering request handlers on this',
    code: `
import { Server } from 'node:http';

export class HealthServer extends Server {
  constructor() {
    super();
    this.on('request', async (req, res) => {
      res.end(await status());
    });
    this.on('listening', () => console.log('health server up'));
  }
}
`,
  },
  {
    name: 'net, tls, dgram and cluster events',
    code: `
import cluster from 'node:cluster';
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';

const server = net.createServer((socket) => {
  socket.on('data', async (chunk) => {
    await relay(chunk);
  });
  socket.on('end', () => socket.end());
});
server.on('error', (err) => console.error(err));

const secure = tls.connect(443, 'api.example.com');
secure.on('secureConnect', async () => {
  await handshakeDone();
});

const udp = dgram.createSocket('udp4');
udp.on('message', async (msg) => {
  await metrics.ingest(msg);
});

cluster.on('exit', async (worker) => {
  await restart(worker.id);
});
`,
  },
  {
    name: 'process signals and lifecycle events',
    code: `
process.on('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
process.once('SIGINT', () => process.exit(130));
process.on('beforeExit', async () => {
  await flushTelemetry();
});
process.on('unhandledRejection', (reason) => logger.error(reason));
process.on('uncaughtException', async (err) => {
  await report(err);
});
process.on('message', async (msg) => {
  await handleParentMessage(msg);
});
`,
  },
  {
    name: 'child_process events',
    code: `
import { fork, spawn } from 'node:child_process';

export function run(script: string) {
  const child = spawn('node', [script]);
  child.stdout.on('data', (buf) => console.log(buf.toString()));
  child.stderr.on('data', (buf) => console.error(buf.toString()));
  child.on('exit', async (code) => {
    await recordExit(script, code);
  });
  const worker = fork('./worker.js');
  worker.on('message', async (msg) => {
    await store(msg);
  });
  worker.on('disconnect', () => console.log('worker gone'));
}
`,
  },
  {
    name: 'worker_threads events',
    code: `
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

if (isMainThread) {
  const worker = new Worker(new URL('./resize.js', import.meta.url));
  worker.on('message', async (result) => {
    await saveThumbnail(result);
  });
  worker.on('online', () => console.log('worker online'));
  worker.once('exit', (code) => console.log('worker exited', code));
} else {
  parentPort?.on('message', async (job) => {
    parentPort?.postMessage(await resize(job));
  });
}
`,
  },
  {
    name: 'readline line and close events',
    code: `
import { createReadStream } from 'node:fs';
import readline from 'node:readline';

export function countRows(path: string, done: (rows: number) => void) {
  const rl = readline.createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let rows = 0;
  rl.on('line', async (line) => {
    if (line.trim()) rows += 1;
  });
  rl.once('close', () => done(rows));
}
`,
  },
  {
    name: 'ws WebSocketServer connections and socket messages',
    code: `
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8081 });
wss.on('connection', (ws) => {
  ws.on('message', async (data) => {
    await broadcast(data.toString());
  });
  ws.on('pong', () => {
    (ws as { isAlive?: boolean }).isAlive = true;
  });
  ws.on('close', () => console.log('bye'));
});
`,
  },
  {
    name: 'socket.io connections and client events with domain-looking names',
    code: `
import { Server } from 'socket.io';

export function attach(httpServer: import('node:http').Server) {
  const io = new Server(httpServer);
  io.on('connection', (socket) => {
    socket.on('room:join', (room: string) => socket.join(room));
    socket.on('order.created', async (order) => {
      await orders.save(order);
    });
    socket.on('disconnect', () => console.debug('socket gone'));
  });
  io.of('/admin').on('connection', (socket) => socket.emit('hello'));
}
`,
  },
  {
    name: 'I/O events in a CommonJS script (streams, readline, socket.io, ws, process)',
    filename: fixture('event-bus', 'src', 'gateway.cjs'),
    languageOptions: COMMONJS,
    code: `'use strict';

const fs = require('node:fs');
const readline = require('node:readline');
const { Server } = require('socket.io');
const { WebSocketServer } = require('ws');

function countRows(path, done) {
  const rl = readline.createInterface({ input: fs.createReadStream(path) });
  let rows = 0;
  rl.on('line', () => {
    rows += 1;
  });
  rl.on('close', () => done(rows));
}

function attach(httpServer) {
  const io = new Server(httpServer);
  io.on('connection', (socket) => {
    socket.on('room:join', (room) => socket.join(room));
  });
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));
  httpServer.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  process.on('SIGTERM', () => io.close());
}

module.exports = { countRows, attach };
`,
  },
  {
    name: 'BullMQ QueueEvents listeners',
    code: `
import { QueueEvents } from 'bullmq';

const queueEvents = new QueueEvents('invoices', { connection: { host: 'redis' } });

queueEvents.on('completed', async ({ jobId }) => {
  await invoices.markSent(jobId);
});
queueEvents.on('failed', ({ jobId, failedReason }) => logger.warn(jobId, failedReason));

export class InvoiceMonitor {
  constructor(private readonly events: QueueEvents) {
    this.events.on('stalled', async ({ jobId }) => {
      await alert(jobId);
    });
  }
}
`,
  },
  {
    name: 'DOM addEventListener',
    code: `
export function listen(target: EventTarget, bus: EventTarget) {
  window.addEventListener('message', async (event) => {
    await handle(event.data);
  });
  target.addEventListener('order.created', async () => {
    await refresh();
  });
  bus.addEventListener('cart:updated', () => render());
}
`,
  },

  // ── browser code ───────────────────────────────────────────────────────────────────────────────
  {
    name: 'a React component listening on a mitt UI bus',
    filename: fixture('event-ui', 'src', 'CartBadge.tsx'),
    code: `
import { useEffect, useState } from 'react';
import mitt from 'mitt';

type Events = { 'cart.updated': { count: number } };
export const uiBus = mitt<Events>();

export function CartBadge() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const onUpdate = (event: { count: number }) => setCount(event.count);
    uiBus.on('cart.updated', onUpdate);
    return () => uiBus.off('cart.updated', onUpdate);
  }, []);
  return <span>{count}</span>;
}
`,
  },
  {
    name: "a 'use client' module with a mitt bus",
    filename: fixture('event-ui', 'src', 'notifications.tsx'),
    code: `
'use client';
import mitt from 'mitt';

export const notifications = mitt();

notifications.on('notification.received', async (message: string) => {
  await showToast(message);
});
`,
  },
  {
    name: 'browser code: a module-level nanoevents bus that touches document',
    filename: fixture('event-ui', 'src', 'toasts.ts'),
    code: `
import { createNanoEvents } from 'nanoevents';

export const toastBus = createNanoEvents();

toastBus.on('toast.show', (message: string) => {
  const node = document.createElement('div');
  node.textContent = message;
  document.body.append(node);
});
`,
  },
  {
    name: "contextManager 'zone' makes the file browser code",
    settings: { 'trace-context': { contextManager: 'zone' } },
    code: `
import mitt from 'mitt';

export const bus = mitt();
bus.on('session.expired', async () => {
  await refreshToken();
});
`,
  },

  // ── test code ──────────────────────────────────────────────────────────────────────────────────
  {
    name: 'a *.spec.ts file',
    filename: fixture('event-bus', 'src', 'orders.spec.ts'),
    code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
bus.on('order.created', async () => {
  await seen.push('order.created');
});
`,
  },
  {
    name: 'a file under test/',
    filename: fixture('event-bus', 'test', 'bus-helpers.ts'),
    code: `
import mitt from 'mitt';

export const bus = mitt();
bus.on('order.created', (order) => received.push(order));
`,
  },
  {
    name: 'a file under __tests__/',
    filename: fixture('event-bus', 'src', '__tests__', 'bus.ts'),
    code: `
import { EventEmitter2 } from 'eventemitter2';

export const events = new EventEmitter2();
events.on('order.created', async () => {
  await captured.push('order.created');
});
`,
  },
  {
    name: 'a file importing node:test',
    code: `
import test from 'node:test';
import { EventEmitter2 } from 'eventemitter2';

const events = new EventEmitter2();
events.on('order.created', async () => {});
test('emits', () => events.emit('order.created'));
`,
  },
  {
    name: 'a test file using describe/it globals (JavaScript)',
    filename: fixture('event-bus', 'src', 'orders-bus.check.js'),
    languageOptions: ESM,
    code: `
import mitt from 'mitt';

describe('orders bus', () => {
  it('delivers order.created', () => {
    const bus = mitt();
    bus.on('order.created', (order) => seen.push(order));
    bus.emit('order.created', { id: 1 });
  });
});
`,
  },

  // ── handlers that already run in a span ────────────────────────────────────────────────────────
  {
    name: 'traceHandler from the wrapper module',
    code: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const orderBus = new EventEmitter();
orderBus.on('order.created', traceHandler('order.created', async (order: { id: string }) => {
  await invoices.draft(order.id);
}));
`,
  },
  {
    name: 'traceHandler under another name, through a namespace and from an ejected copy',
    code: `
import Emittery from 'emittery';
import { traceHandler as spanned } from 'eslint-plugin-trace-context/wrappers';
import * as wrappers from 'eslint-plugin-trace-context/wrappers';
import { traceHandler } from '../tracing/wrappers';

const emitter = new Emittery();
emitter.on('user.signup', spanned('user.signup', async () => {
  await welcome();
}));
emitter.on('user.deleted', wrappers.traceHandler('user.deleted', async () => {
  await purge();
}));
emitter.onAny(traceHandler('*', async (name, data) => {
  await audit(name, data);
}));
`,
  },
  {
    name: 'traceHandler required in CommonJS (JavaScript)',
    filename: fixture('event-bus', 'src', 'bus.cjs'),
    languageOptions: COMMONJS,
    code: `
'use strict';

const EventEmitter = require('node:events');
const { traceHandler } = require('eslint-plugin-trace-context/wrappers');

const bus = new EventEmitter();
bus.once('user.created', traceHandler('user.created', async function (user) {
  await sendWelcome(user);
}));

module.exports = { bus };
`,
  },
  {
    name: 'a named handler declared as traceHandler(...) (JavaScript module)',
    filename: fixture('event-bus', 'src', 'billing.js'),
    languageOptions: ESM,
    code: `
import EventEmitter from 'eventemitter3';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const onPlanChanged = traceHandler('plan.changed', async ({ accountId, plan }) => {
  await metrics.recordPlanChange(accountId, plan);
});

export const billing = new EventEmitter();
billing.on('plan.changed', onPlanChanged);
`,
  },
  {
    name: 'handler bodies that start a span with startActiveSpan or startSpan',
    code: `
import { EventEmitter2 } from 'eventemitter2';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('orders');
const events = new EventEmitter2({ wildcard: true });

events.on('order.paid', (order) =>
  tracer.startActiveSpan('order.paid', async (span) => {
    try {
      await ledger.book(order);
    } finally {
      span.end();
    }
  }),
);

events.many('order.refunded', 3, async (order) => {
  const span = tracer.startSpan('order.refunded');
  await ledger.reverse(order);
  span.end();
});
`,
  },
  {
    name: 'a named handler that calls a same-file function starting a span',
    code: `
import mitt from 'mitt';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('stock');

function inSpan<T>(name: string, fn: () => Promise<T>) {
  return tracer.startActiveSpan(name, async (span) => {
    try {
      return await fn();
    } finally {
      span.end();
    }
  });
}

async function onReserved(event: { sku: string }) {
  await inSpan('stock.reserved', () => stock.hold(event.sku));
}

export const stockHub = mitt();
stockHub.on('stock.reserved', onReserved);
`,
  },
  {
    name: 'helpers.rootSpan names and traceJob also give the handler a span',
    settings: { 'trace-context': { helpers: { rootSpan: ['asRoot'] } } },
    code: `
import mitt from 'mitt';
import { traceJob } from 'eslint-plugin-trace-context/wrappers';

export const hub = mitt();
hub.on('cache.rebuild', asRoot('cache.rebuild', async () => {
  await cache.rebuild();
}));
hub.on('report.nightly', traceJob('report.nightly', async () => {
  await reports.nightly();
}));
`,
  },
  {
    name: "the team's span helper (helpers.span) as a call",
    settings: { 'trace-context': { helpers: { span: ['withSpan'] } } },
    code: `
import { EventEmitter2 } from '@nestjs/event-emitter';
import { withSpan } from '@acme/observability';

export class Dunning {
  constructor(private readonly events: EventEmitter2) {
    this.events.on('payment.failed', (evt: { invoiceId: string }) =>
      withSpan('payment.failed', () => this.escalate(evt.invoiceId)),
    );
    this.events.on('payment.retried', withSpan('payment.retried', async () => {}));
  }

  private async escalate(invoiceId: string) {}
}
`,
  },
  {
    name: "the team's span decorator (helpers.span) on @OnEvent methods and CQRS handlers",
    settings: { 'trace-context': { helpers: { span: ['Traced'] } } },
    code: `
import { OnEvent } from '@nestjs/event-emitter';
import { CommandHandler, ICommandHandler, QueryHandler } from '@nestjs/cqrs';
import { Traced } from '@acme/observability';
import { GetInvoiceQuery, IssueCreditNoteCommand } from './billing.messages';

export class BillingListeners {
  @OnEvent('invoice.finalized', { async: true })
  @Traced('invoice.finalized')
  async onFinalized(evt: { invoiceId: string }): Promise<void> {
    await revenue.book(evt.invoiceId);
  }
}

@CommandHandler(IssueCreditNoteCommand)
export class IssueCreditNoteHandler implements ICommandHandler<IssueCreditNoteCommand> {
  @Traced()
  async execute(command: IssueCreditNoteCommand): Promise<string> {
    return (await creditNotes.issue(command.invoiceId)).id;
  }
}

@Traced()
@QueryHandler(GetInvoiceQuery)
export class GetInvoiceHandler {
  async execute(query: GetInvoiceQuery) {
    return invoices.find(query.id);
  }
}
`,
  },
  {
    name: '@OnEvent methods whose bodies run in traceHandler or startActiveSpan',
    code: `
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { trace } from '@opentelemetry/api';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const tracer = trace.getTracer('catalog');

@Injectable()
export class CatalogListeners {
  constructor(private readonly search: SearchIndex) {}

  @OnEvent('product.published', { async: true })
  async onPublished(evt: { productId: string }): Promise<void> {
    return traceHandler('product.published', async () => {
      await this.search.index(evt.productId);
    })();
  }

  @OnEvent('product.*.archived')
  onArchived(evt: { productId: string }): Promise<void> {
    return tracer.startActiveSpan('product.archived', async (span) => {
      try {
        await this.search.remove(evt.productId);
      } finally {
        span.end();
      }
    });
  }
}
`,
  },
  {
    name: '@OnEvent method that delegates to a same-class traceHandler field',
    code: `
import { OnEvent } from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class LoyaltyListeners {
  private readonly award = traceHandler('order.created', async (event: { customerId: string }) => {
    await loyalty.credit(event.customerId);
  });

  @OnEvent('order.created', { async: true })
  onCreated(event: { customerId: string }) {
    return this.award(event);
  }
}
`,
  },
  {
    name: 'CQRS handlers already in a span, and their other methods',
    code: `
import { CommandHandler, EventsHandler, ICommandHandler, IEventHandler, QueryHandler } from '@nestjs/cqrs';
import { trace } from '@opentelemetry/api';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';
import { ArchiveProductCommand, GetUsageQuery, ProductPublishedEvent } from './catalog.messages';

const tracer = trace.getTracer('catalog');

@CommandHandler(ArchiveProductCommand)
export class ArchiveProductHandler implements ICommandHandler<ArchiveProductCommand> {
  private archived = 0;

  constructor(private readonly products: ProductRepository) {}

  execute(command: ArchiveProductCommand): Promise<void> {
    return traceHandler('ArchiveProductCommand', async () => {
      await this.products.archive(this.normalise(command.productId));
      this.archived += 1;
    })();
  }

  describe(): string {
    return 'archives a product';
  }

  private normalise(id: string): string {
    return id.trim();
  }
}

@EventsHandler(ProductPublishedEvent)
export class WarmRecommendationsHandler implements IEventHandler<ProductPublishedEvent> {
  async handle(event: ProductPublishedEvent): Promise<void> {
    await tracer.startActiveSpan('ProductPublishedEvent', async (span) => {
      await recommendations.warm(event.productId);
      span.end();
    });
  }

  async warmAll(): Promise<void> {
    await recommendations.warmAll();
  }
}

@QueryHandler(GetUsageQuery)
export class GetUsageHandler {
  execute = traceHandler('GetUsageQuery', async (query: GetUsageQuery) => usage.summary(query.tenantId));
}
`,
  },
  {
    name: 'a CQRS execute that delegates to a same-class traceHandler field',
    code: `
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';
import { RegisterTenantCommand } from './tenant.messages';

@CommandHandler(RegisterTenantCommand)
export class RegisterTenantHandler implements ICommandHandler<RegisterTenantCommand, string> {
  private readonly run = traceHandler('RegisterTenantCommand', async (command: RegisterTenantCommand) => {
    const tenant = await this.tenants.create(command.name);
    return tenant.id;
  });

  constructor(private readonly tenants: TenantRepository) {}

  execute(command: RegisterTenantCommand): Promise<string> {
    return this.run(command);
  }
}
`,
  },
  {
    name: 'a CQRS execute that calls a same-class method starting a span',
    code: `
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { trace } from '@opentelemetry/api';
import { ShipOrderCommand } from './order.messages';

const tracer = trace.getTracer('orders');

@CommandHandler(ShipOrderCommand)
export class ShipOrderHandler implements ICommandHandler<ShipOrderCommand> {
  execute(command: ShipOrderCommand) {
    return this.ship(command);
  }

  private ship(command: ShipOrderCommand) {
    return tracer.startActiveSpan('ShipOrderCommand', async (span) => {
      try {
        await shipping.book(command.orderId);
      } finally {
        span.end();
      }
    });
  }
}
`,
  },
  {
    name: 'a handler removed with off but already wrapped',
    code: `
import mitt from 'mitt';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const hub = mitt();
const onCreated = traceHandler('order.created', async () => {
  await work();
});
hub.on('order.created', onCreated);
export const stop = () => hub.off('order.created', onCreated);
`,
  },

  // ── buses that wrap every handler themselves ───────────────────────────────────────────────────
  {
    name: 'a bus whose subscribe() runs every handler in its own span (JavaScript module)',
    filename: fixture('event-bus', 'src', 'accounts-bus.js'),
    languageOptions: ESM,
    code: `
import { EventEmitter } from 'node:events';
import { SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('accounts-bus');

class TracedEventBus {
  #emitter = new EventEmitter();

  subscribe(eventName, handler) {
    this.#emitter.on(eventName, (payload) =>
      tracer.startActiveSpan(\`handle \${eventName}\`, async (span) => {
        try {
          await handler(payload);
        } catch (err) {
          span.recordException(err);
          span.setStatus({ code: SpanStatusCode.ERROR });
        } finally {
          span.end();
        }
      }),
    );
  }

  publish(eventName, payload) {
    this.#emitter.emit(eventName, payload);
  }
}

export const accountBus = new TracedEventBus();
accountBus.subscribe('account.closed', async ({ accountId }) => archive.snapshot(accountId));
accountBus.subscribe('account.reopened', async ({ accountId }) => accounts.restore(accountId));
`,
  },
  {
    name: 'a bus whose register() delegates to a same-file traceHandler call',
    code: `
import mitt, { type Handler } from 'mitt';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const emitter = mitt<Record<string, unknown>>();

export const domainHub = {
  register(event: string, handler: Handler<unknown>) {
    emitter.on(event, traceHandler(event, handler));
  },
};

domainHub.register('order.shipped', async (order) => {
  await notifications.shipped(order);
});
`,
  },

  // ── emitting, and calls that are not registrations ─────────────────────────────────────────────
  {
    name: 'emit calls of every library',
    code: `
import { EventEmitter } from 'node:events';
import { EventEmitter2 } from 'eventemitter2';
import Emittery from 'emittery';
import mitt from 'mitt';
import { createNanoEvents } from 'nanoevents';

const node = new EventEmitter();
const two = new EventEmitter2();
const emittery = new Emittery();
const hub = mitt();
const nano = createNanoEvents();

export async function publish(order: { id: string }) {
  node.emit('order.created', order);
  await two.emitAsync('order.created', order);
  await emittery.emit('order.created', order);
  hub.emit('order.created', order);
  nano.emit('order.created', order);
}
`,
  },
  {
    name: 'emit on a bus imported from another file',
    code: `
import { eventBus } from './event-bus';

export async function placeOrder(order: { id: string }) {
  await orders.insert(order);
  eventBus.emit('order.created', order);
}
`,
  },
  {
    name: 'listener bookkeeping: off, removeAllListeners, listenerCount',
    code: `
import { EventEmitter } from 'node:events';
import { handleCreated } from './handlers';

export const bus = new EventEmitter();
bus.off('order.created', handleCreated);
bus.removeAllListeners('order.cancelled');
export const count = bus.listenerCount('order.created');
`,
  },
  {
    name: 'events.once and events.on (async iteration) are not registrations',
    code: `
import { EventEmitter, on, once } from 'node:events';

const bus = new EventEmitter();

export async function waitForOrder() {
  const [order] = await once(bus, 'order.created');
  for await (const [event] of on(bus, 'order.updated')) {
    await reindex(event);
  }
  return order;
}
`,
  },
  {
    name: "emittery's once and events() return promises and iterators, not listeners",
    code: `
import Emittery from 'emittery';

const emitter = new Emittery();

export async function waitReady() {
  await emitter.once('service.ready');
  for await (const order of emitter.events('order.created')) {
    await invoices.draft(order);
  }
}
`,
  },
  {
    name: "EventEmitter2's waitFor is not a registration",
    code: `
import { EventEmitter2 } from 'eventemitter2';

const events = new EventEmitter2();

export async function confirmation(orderId: string) {
  const [payload] = await events.waitFor('order.confirmed', { timeout: 5000, filter: (o) => o.id === orderId });
  return payload;
}
`,
  },
  {
    name: "newListener and removeListener meta-events, 'error' on EventEmitter2",
    code: `
import { EventEmitter } from 'node:events';
import { EventEmitter2 } from 'eventemitter2';

const bus = new EventEmitter();
bus.on('newListener', (event) => console.debug('listening to', event));
bus.on('removeListener', (event) => console.debug('stopped', event));

const events = new EventEmitter2();
events.on('error', async (err) => {
  await report(err);
});
`,
  },
  {
    name: 'a handler that is not a function',
    code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
bus.on('order.created', undefined as never);
bus.on('order.created', { handleEvent() {} } as never);
`,
  },

  // ── look-alikes and shared receivers that are not buses ────────────────────────────────────────
  {
    name: 'a bus from another file with a non-domain event name',
    code: `
import { eventBus } from './event-bus';
import { appEvents } from '../app-events';

eventBus.on('ready', async () => {
  await warmCaches();
});
appEvents.on('refresh', () => reload());
eventBus.on(EVENT_NAME, async () => {
  await warmCaches();
});
`,
  },
  {
    name: 'a receiver from another file whose name is not a bus',
    code: `
import { orders } from './orders';
import { registry } from './registry';

orders.on('order.created', async (order) => {
  await invoices.draft(order);
});
registry.once('user:signup', async (user) => {
  await welcome(user);
});
`,
  },
  {
    name: 'a bus from a package (not a file of the project)',
    code: `
import { eventBus } from '@acme/platform';

eventBus.on('order.created', async (order) => {
  await invoices.draft(order);
});
`,
  },
  {
    name: 'OnEvent and CQRS decorators from other modules',
    code: `
import { OnEvent } from './decorators';
import { CommandHandler } from '../cqrs-lite';

export class Listeners {
  @OnEvent('order.created')
  async onCreated() {
    await work();
  }
}

@CommandHandler(CreateOrderCommand)
export class CreateOrderHandler {
  async execute() {
    await work();
  }
}
`,
  },
  {
    name: 'locally declared mitt and EventEmitter shadow the libraries',
    code: `
function mitt() {
  return { on(_event: string, _fn: () => void) {}, emit(_event: string) {} };
}

class EventEmitter {
  on(_event: string, _fn: () => void) {}
}

const signals = mitt();
signals.on('order.created', async () => {
  await work();
});
const local = new EventEmitter();
local.on('order.created', async () => {
  await work();
});
`,
  },
  {
    name: '@nestjs/cqrs EventBus streams (publish, subscribe, ofType)',
    code: `
import { Injectable } from '@nestjs/common';
import { EventBus, ofType } from '@nestjs/cqrs';
import { OrderCreatedEvent } from './order.events';

@Injectable()
export class OrderProjector {
  constructor(private readonly eventBus: EventBus) {
    this.eventBus.pipe(ofType(OrderCreatedEvent)).subscribe(async (event) => {
      await projections.apply(event);
    });
  }

  publish(event: OrderCreatedEvent) {
    this.eventBus.publish(event);
  }
}
`,
  },

  // ── CQRS classes: methods that are not the handler ─────────────────────────────────────────────
  {
    name: 'a saga only maps events to commands',
    code: `
import { Injectable } from '@nestjs/common';
import { ICommand, IEvent, ofType, Saga } from '@nestjs/cqrs';
import { Observable, map } from 'rxjs';
import { ProvisionDefaultsCommand, TenantRegisteredEvent } from './tenant.messages';

@Injectable()
export class TenantSagas {
  @Saga()
  tenantRegistered = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(TenantRegisteredEvent),
      map((event) => new ProvisionDefaultsCommand(event.tenantId)),
    );
}
`,
  },
  {
    name: 'a CQRS class with no execute/handle method, and a static execute',
    code: `
import { CommandHandler } from '@nestjs/cqrs';

@CommandHandler(PingCommand)
export class PingHandler {
  static execute() {
    return 'pong';
  }

  describe() {
    return 'ping';
  }
}
`,
  },

  // ── cases found while writing the tests ────────────────────────────────────────────────────────
  {
    name: 'a project bus class whose on() runs every handler in a span',
    code: `
import { EventEmitter } from 'node:events';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('bus');

class TracedBus {
  private readonly emitter = new EventEmitter();

  on(event: string, handler: (payload: unknown) => Promise<void>) {
    this.emitter.on(event, (payload) =>
      tracer.startActiveSpan(event, async (span) => {
        try {
          await handler(payload);
        } finally {
          span.end();
        }
      }),
    );
  }
}

export const bus = new TracedBus();
bus.on('order.created', async (order) => {
  await invoices.draft(order);
});
`,
  },
  {
    name: 'an EventEmitter subclass whose on() override wraps every listener',
    code: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

class TracedEmitter extends EventEmitter {
  override on(event: string, listener: (...args: any[]) => void): this {
    return super.on(event, traceHandler(event, listener));
  }
}

export const bus = new TracedEmitter();
bus.on('order.created', async (order) => {
  await invoices.draft(order);
});
`,
  },
  {
    name: 'an @OnEvent method with an empty body',
    code: `
import { OnEvent } from '@nestjs/event-emitter';

export class Placeholder {
  @OnEvent('order.created')
  async ignore(): Promise<void> {}
}
`,
  },
  {
    name: 'a wrapper that forwards an event name and a handler it was given (plumbing)',
    code: `
import { EventEmitter } from 'node:events';

export class Scheduler {
  private readonly emitter = new EventEmitter();

  on(event: string, listener: (...args: unknown[]) => void): void {
    this.emitter.on(event, listener);
  }
}
`,
  },
  {
    name: 'a class extending EventEmitter wiring itself to computed event names',
    code: `
import { EventEmitter } from 'node:events';

export class Command extends EventEmitter {
  option(name: string, parse: (value: string) => void): this {
    this.on('option:' + name, (value: string) => parse(value));
    this.on(\`option-negate:\${name}\`, () => parse(''));
    return this;
  }
}
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'CommonJS: an instance of a class extending a required events.EventEmitter (a long origin chain)',
    filename: fixture('event-bus', 'src', 'usage.cjs'),
    languageOptions: COMMONJS,
    code: `
'use strict';
const events = require('events');

class UsageEvents extends events.EventEmitter {}
const usageEvents = new UsageEvents();

usageEvents.on('usage.threshold', async (accountId) => {
  await usage.record(accountId);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'usage.threshold'" },
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'usage.threshold'" },
            output: `
'use strict';
const events = require('events');
const { traceHandler } = require('eslint-plugin-trace-context/wrappers');

class UsageEvents extends events.EventEmitter {}
const usageEvents = new UsageEvents();

usageEvents.on('usage.threshold', traceHandler('usage.threshold', async (accountId) => {
  await usage.record(accountId);
}));
`,
          },
        ],
      },
    ],
  },
  // ── Node's events: on, once, addListener, prependListener, prependOnceListener ─────────────────
  {
    name: 'events EventEmitter (named node: import) with on',
    code: `
import { EventEmitter } from 'node:events';

export const orderBus = new EventEmitter();

orderBus.on('order.created', async (order: { id: string }) => {
  await invoices.draft(order.id);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const orderBus = new EventEmitter();

orderBus.on('order.created', traceHandler('order.created', async (order: { id: string }) => {
  await invoices.draft(order.id);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'events default import with once',
    code: `
import EventEmitter from 'events';

const lifecycle = new EventEmitter();

lifecycle.once('tenant.provisioned', async (tenantId: string) => {
  await quotas.apply(tenantId);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'tenant.provisioned'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'tenant.provisioned'" },
            output: `
import EventEmitter from 'events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const lifecycle = new EventEmitter();

lifecycle.once('tenant.provisioned', traceHandler('tenant.provisioned', async (tenantId: string) => {
  await quotas.apply(tenantId);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'events namespace import: new events.EventEmitter() with addListener',
    code: `
import * as events from 'node:events';

const signals = new events.EventEmitter();

signals.addListener('invoice.paid', (invoiceId: string) => {
  ledger.close(invoiceId);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'invoice.paid'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'invoice.paid'" },
            output: `
import * as events from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const signals = new events.EventEmitter();

signals.addListener('invoice.paid', traceHandler('invoice.paid', (invoiceId: string) => {
  ledger.close(invoiceId);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'EventEmitter imported under another name, prependListener',
    code: `
import { EventEmitter as DomainBus } from 'node:events';

const domain = new DomainBus();

domain.prependListener('user:signup', async (user: { email: string }) => {
  await mailer.welcome(user.email);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'user:signup'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'user:signup'" },
            output: `
import { EventEmitter as DomainBus } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const domain = new DomainBus();

domain.prependListener('user:signup', traceHandler('user:signup', async (user: { email: string }) => {
  await mailer.welcome(user.email);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'EventEmitter required in CommonJS with prependOnceListener',
    filename: fixture('event-bus', 'src', 'bus.cjs'),
    languageOptions: COMMONJS,
    code: `'use strict';

const EventEmitter = require('node:events');
const { db } = require('./db');

const bus = new EventEmitter();

bus.prependOnceListener('migration.done', async () => {
  await db.analyze();
});

module.exports = { bus };
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'migration.done'" },
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'migration.done'" },
            output: `'use strict';

const EventEmitter = require('node:events');
const { db } = require('./db');
const { traceHandler } = require('eslint-plugin-trace-context/wrappers');

const bus = new EventEmitter();

bus.prependOnceListener('migration.done', traceHandler('migration.done', async () => {
  await db.analyze();
}));

module.exports = { bus };
`,
          },
        ],
      },
    ],
  },
  {
    name: 'destructured require of EventEmitter, no other requires',
    filename: fixture('event-bus', 'src', 'audit.cjs'),
    languageOptions: COMMONJS,
    code: `const { EventEmitter } = require('events');

const audit = new EventEmitter();
audit.on('record.deleted', function onDeleted(record) {
  archive.push(record);
});

module.exports = audit;
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'record.deleted'" },
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'record.deleted'" },
            output: `const { EventEmitter } = require('events');
const { traceHandler } = require('eslint-plugin-trace-context/wrappers');

const audit = new EventEmitter();
audit.on('record.deleted', traceHandler('record.deleted', function onDeleted(record) {
  archive.push(record);
}));

module.exports = audit;
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a class extending EventEmitter: instance registrations',
    code: `
import { EventEmitter } from 'node:events';

class InvoiceEvents extends EventEmitter {}

export const invoiceEvents = new InvoiceEvents();

invoiceEvents.on('invoice.overdue', async (invoiceId: string) => {
  await dunning.start(invoiceId);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'invoice.overdue'" },
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'invoice.overdue'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

class InvoiceEvents extends EventEmitter {}

export const invoiceEvents = new InvoiceEvents();

invoiceEvents.on('invoice.overdue', traceHandler('invoice.overdue', async (invoiceId: string) => {
  await dunning.start(invoiceId);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'this.on inside a class extending EventEmitter',
    code: `
import { EventEmitter } from 'node:events';

export class OrderBus extends EventEmitter {
  constructor(private readonly stock: StockService) {
    super();
    this.on('order.created', async (order: { sku: string }) => {
      await this.stock.reserve(order.sku);
    });
    this.on('error', (err) => console.error(err));
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 7,
        column: 5,
        endLine: 7,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class OrderBus extends EventEmitter {
  constructor(private readonly stock: StockService) {
    super();
    this.on('order.created', traceHandler('order.created', async (order: { sku: string }) => {
      await this.stock.reserve(order.sku);
    }));
    this.on('error', (err) => console.error(err));
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'events in a JavaScript module (espree)',
    filename: fixture('event-bus', 'src', 'hub.mjs'),
    languageOptions: ESM,
    code: `
import { EventEmitter } from 'node:events';

export const hub = new EventEmitter();

hub.on('payment.settled', async ({ paymentId }) => {
  await receipts.send(paymentId);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'payment.settled'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 7,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'payment.settled'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const hub = new EventEmitter();

hub.on('payment.settled', traceHandler('payment.settled', async ({ paymentId }) => {
  await receipts.send(paymentId);
}));
`,
          },
        ],
      },
    ],
  },

  // ── eventemitter3 ──────────────────────────────────────────────────────────────────────────────
  {
    name: 'eventemitter3 default import',
    code: `
import EventEmitter from 'eventemitter3';

export const billing = new EventEmitter();

billing.on('plan.changed', async ({ accountId }: { accountId: string }) => {
  await metrics.recordPlanChange(accountId);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'plan.changed'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'plan.changed'" },
            output: `
import EventEmitter from 'eventemitter3';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const billing = new EventEmitter();

billing.on('plan.changed', traceHandler('plan.changed', async ({ accountId }: { accountId: string }) => {
  await metrics.recordPlanChange(accountId);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'eventemitter3 named import with once',
    code: `
import { EventEmitter } from 'eventemitter3';

const reports = new EventEmitter();

reports.once('report.ready', async (reportId: string) => {
  await mailer.sendReport(reportId);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'report.ready'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'report.ready'" },
            output: `
import { EventEmitter } from 'eventemitter3';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const reports = new EventEmitter();

reports.once('report.ready', traceHandler('report.ready', async (reportId: string) => {
  await mailer.sendReport(reportId);
}));
`,
          },
        ],
      },
    ],
  },

  // ── EventEmitter2 (eventemitter2 and @nestjs/event-emitter) ────────────────────────────────────
  {
    name: 'EventEmitter2 once and addListener',
    code: `
import { EventEmitter2 } from 'eventemitter2';

const events = new EventEmitter2();

events.once('tenant.created', async (tenantId: string) => {
  await quotas.apply(tenantId);
});
events.addListener('tenant.deleted', (tenantId: string) => cache.drop(tenantId));
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'tenant.created'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'tenant.created'" },
            output: `
import { EventEmitter2 } from 'eventemitter2';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const events = new EventEmitter2();

events.once('tenant.created', traceHandler('tenant.created', async (tenantId: string) => {
  await quotas.apply(tenantId);
}));
events.addListener('tenant.deleted', (tenantId: string) => cache.drop(tenantId));
`,
          },
        ],
      },
      {
        messageId: 'unspannedHandler',
        data: { name: "'tenant.deleted'" },
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'tenant.deleted'" },
            output: `
import { EventEmitter2 } from 'eventemitter2';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const events = new EventEmitter2();

events.once('tenant.created', async (tenantId: string) => {
  await quotas.apply(tenantId);
});
events.addListener('tenant.deleted', traceHandler('tenant.deleted', (tenantId: string) => cache.drop(tenantId)));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'EventEmitter2 prependListener and prependAny',
    code: `
import { EventEmitter2 } from 'eventemitter2';

const events = new EventEmitter2();

events.prependListener('invoice.voided', async (invoiceId: string) => {
  await ledger.reverse(invoiceId);
});
events.prependAny((event, value) => {
  auditLog.append(event, value);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'invoice.voided'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'invoice.voided'" },
            output: `
import { EventEmitter2 } from 'eventemitter2';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const events = new EventEmitter2();

events.prependListener('invoice.voided', traceHandler('invoice.voided', async (invoiceId: string) => {
  await ledger.reverse(invoiceId);
}));
events.prependAny((event, value) => {
  auditLog.append(event, value);
});
`,
          },
        ],
      },
      {
        messageId: 'unspannedHandler',
        data: { name: "'*'" },
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'*'" },
            output: `
import { EventEmitter2 } from 'eventemitter2';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const events = new EventEmitter2();

events.prependListener('invoice.voided', async (invoiceId: string) => {
  await ledger.reverse(invoiceId);
});
events.prependAny(traceHandler('*', (event, value) => {
  auditLog.append(event, value);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'EventEmitter2 many(event, n, fn)',
    code: `
import { EventEmitter2 } from 'eventemitter2';

const events = new EventEmitter2({ wildcard: true });

events.many('login.failed', 3, async (userId: string) => {
  await accounts.lock(userId);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'login.failed'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'login.failed'" },
            output: `
import { EventEmitter2 } from 'eventemitter2';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const events = new EventEmitter2({ wildcard: true });

events.many('login.failed', 3, traceHandler('login.failed', async (userId: string) => {
  await accounts.lock(userId);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'EventEmitter2 prependMany with a wildcard event',
    code: `
import { EventEmitter2 } from 'eventemitter2';

const events = new EventEmitter2({ wildcard: true });

events.prependMany('order.*', 2, (order) => {
  cache.invalidate(order.id);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.*'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.*'" },
            output: `
import { EventEmitter2 } from 'eventemitter2';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const events = new EventEmitter2({ wildcard: true });

events.prependMany('order.*', 2, traceHandler('order.*', (order) => {
  cache.invalidate(order.id);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: "EventEmitter2 onAny is named '*'",
    code: `
import EventEmitter2 from 'eventemitter2';

const events = new EventEmitter2();

events.onAny(async (event, value) => {
  await auditLog.append(event, value);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'*'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'*'" },
            output: `
import EventEmitter2 from 'eventemitter2';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const events = new EventEmitter2();

events.onAny(traceHandler('*', async (event, value) => {
  await auditLog.append(event, value);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'EventEmitter2 constructor parameter typed from @nestjs/event-emitter',
    code: `
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

@Injectable()
export class DunningListener implements OnModuleInit {
  constructor(
    private readonly events: EventEmitter2,
    private readonly dunning: DunningService,
  ) {}

  onModuleInit(): void {
    this.events.on('payment.failed', async (evt: { invoiceId: string }) => {
      await this.dunning.escalate(evt.invoiceId);
    });
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'payment.failed'" },
        line: 13,
        column: 5,
        endLine: 13,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'payment.failed'" },
            output: `
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class DunningListener implements OnModuleInit {
  constructor(
    private readonly events: EventEmitter2,
    private readonly dunning: DunningService,
  ) {}

  onModuleInit(): void {
    this.events.on('payment.failed', traceHandler('payment.failed', async (evt: { invoiceId: string }) => {
      await this.dunning.escalate(evt.invoiceId);
    }));
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a function parameter typed EventEmitter2 (eventemitter2)',
    code: `
import { EventEmitter2 } from 'eventemitter2';

export function wireSearch(events: EventEmitter2) {
  events.on('product.updated', async (product: { id: string }) => {
    await search.upsert(product.id);
  });
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'product.updated'" },
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'product.updated'" },
            output: `
import { EventEmitter2 } from 'eventemitter2';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export function wireSearch(events: EventEmitter2) {
  events.on('product.updated', traceHandler('product.updated', async (product: { id: string }) => {
    await search.upsert(product.id);
  }));
}
`,
          },
        ],
      },
    ],
  },

  // ── mitt, emittery, nanoevents ─────────────────────────────────────────────────────────────────
  {
    name: "mitt in server code, with a '*' handler",
    code: `
import mitt from 'mitt';

export const provisioning = mitt();

provisioning.on('*', (type, payload) => {
  auditLog.append({ type, payload });
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'*'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'*'" },
            output: `
import mitt from 'mitt';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const provisioning = mitt();

provisioning.on('*', traceHandler('*', (type, payload) => {
  auditLog.append({ type, payload });
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a mitt bus held in a class field',
    code: `
import mitt from 'mitt';

export class PricingService {
  private readonly changes = mitt();

  start() {
    this.changes.on('price.changed', async (sku: string) => {
      await this.cache.invalidate(sku);
    });
  }

  constructor(private readonly cache: PriceCache) {}
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'price.changed'" },
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'price.changed'" },
            output: `
import mitt from 'mitt';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class PricingService {
  private readonly changes = mitt();

  start() {
    this.changes.on('price.changed', traceHandler('price.changed', async (sku: string) => {
      await this.cache.invalidate(sku);
    }));
  }

  constructor(private readonly cache: PriceCache) {}
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'emittery on and onAny',
    code: `
import Emittery from 'emittery';

export const emitter = new Emittery();

emitter.on('report.ready', async (reportId: string) => {
  await mailer.sendReport(reportId);
});

emitter.onAny(async (eventName, data) => {
  await auditLog.append(String(eventName), data);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'report.ready'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'report.ready'" },
            output: `
import Emittery from 'emittery';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const emitter = new Emittery();

emitter.on('report.ready', traceHandler('report.ready', async (reportId: string) => {
  await mailer.sendReport(reportId);
}));

emitter.onAny(async (eventName, data) => {
  await auditLog.append(String(eventName), data);
});
`,
          },
        ],
      },
      {
        messageId: 'unspannedHandler',
        data: { name: "'*'" },
        line: 10,
        column: 1,
        endLine: 10,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'*'" },
            output: `
import Emittery from 'emittery';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const emitter = new Emittery();

emitter.on('report.ready', async (reportId: string) => {
  await mailer.sendReport(reportId);
});

emitter.onAny(traceHandler('*', async (eventName, data) => {
  await auditLog.append(String(eventName), data);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'nanoevents with a handler given by name (function declaration)',
    filename: fixture('event-bus', 'src', 'lifecycle.js'),
    languageOptions: ESM,
    code: `
import { createNanoEvents } from 'nanoevents';

export const lifecycle = createNanoEvents();

export const unbind = lifecycle.on('tenant.suspended', handleSuspended);

async function handleSuspended(tenantId, reason) {
  await tenants.update(tenantId, { status: 'suspended', reason });
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'tenant.suspended'" },
        line: 6,
        column: 23,
        endLine: 6,
        endColumn: 35,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'tenant.suspended'" },
            output: `
import { createNanoEvents } from 'nanoevents';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const lifecycle = createNanoEvents();

export const unbind = lifecycle.on('tenant.suspended', traceHandler('tenant.suspended', handleSuspended));

async function handleSuspended(tenantId, reason) {
  await tenants.update(tenantId, { status: 'suspended', reason });
}
`,
          },
        ],
      },
    ],
  },

  // ── handlers given by name and event names that are not literals ───────────────────────────────
  {
    name: 'a handler in a same-file const arrow',
    code: `
import mitt from 'mitt';

const onShipped = async (order: { id: string }) => {
  await notifications.shipped(order.id);
};

export const shipping = mitt();
shipping.on('order.shipped', onShipped);
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.shipped'" },
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.shipped'" },
            output: `
import mitt from 'mitt';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const onShipped = async (order: { id: string }) => {
  await notifications.shipped(order.id);
};

export const shipping = mitt();
shipping.on('order.shipped', traceHandler('order.shipped', onShipped));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a handler imported from another file',
    code: `
import { EventEmitter } from 'node:events';
import { onOrderCreated } from './handlers/order-created';

export const orders = new EventEmitter();
orders.on('order.created', onOrderCreated);
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { EventEmitter } from 'node:events';
import { onOrderCreated } from './handlers/order-created';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const orders = new EventEmitter();
orders.on('order.created', traceHandler('order.created', onOrderCreated));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a same-class method bound to this',
    code: `
import { EventEmitter2 } from '@nestjs/event-emitter';

export class SearchSync {
  constructor(private readonly events: EventEmitter2) {
    this.events.on('product.updated', this.reindex.bind(this));
  }

  private async reindex(product: { id: string }) {
    await search.upsert(product.id);
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'product.updated'" },
        line: 6,
        column: 5,
        endLine: 6,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'product.updated'" },
            output: `
import { EventEmitter2 } from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class SearchSync {
  constructor(private readonly events: EventEmitter2) {
    this.events.on('product.updated', traceHandler('product.updated', this.reindex.bind(this)));
  }

  private async reindex(product: { id: string }) {
    await search.upsert(product.id);
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a constant event name is used as written',
    code: `
import { EventEmitter } from 'node:events';
import { ORDER_CREATED } from './events';

export const bus = new EventEmitter();

bus.on(ORDER_CREATED, async (order) => {
  await invoices.draft(order);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: 'ORDER_CREATED' },
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 7,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: 'ORDER_CREATED' },
            output: `
import { EventEmitter } from 'node:events';
import { ORDER_CREATED } from './events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const bus = new EventEmitter();

bus.on(ORDER_CREATED, traceHandler(ORDER_CREATED, async (order) => {
  await invoices.draft(order);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a template-literal event name is used as written',
    code: `
import { EventEmitter } from 'node:events';

export const bus = new EventEmitter();

export function listen(kind: string) {
  bus.on(\`order.\${kind}\`, async () => {
    await projections.refresh(kind);
  });
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: '`order.${kind}`' },
        line: 7,
        column: 3,
        endLine: 7,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: '`order.${kind}`' },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const bus = new EventEmitter();

export function listen(kind: string) {
  bus.on(\`order.\${kind}\`, traceHandler(\`order.\${kind}\`, async () => {
    await projections.refresh(kind);
  }));
}
`,
          },
        ],
      },
    ],
  },

  // ── @OnEvent (@nestjs/event-emitter) ───────────────────────────────────────────────────────────
  {
    name: '@OnEvent method (async) in a class with fields, constructor and implements',
    code: `
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { OrderCreatedEvent } from './order.events';

@Injectable()
export class OrderListeners implements OnModuleDestroy {
  private readonly logger = new Logger(OrderListeners.name);
  private handled = 0;

  constructor(private readonly loyalty: LoyaltyService) {}

  @OnEvent('order.created')
  async awardPoints(event: OrderCreatedEvent): Promise<void> {
    await this.loyalty.credit(event.customerId, event.totalCents);
    this.handled += 1;
  }

  onModuleDestroy(): void {
    this.logger.log(\`handled \${this.handled}\`);
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 14,
        column: 9,
        endLine: 14,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { OrderCreatedEvent } from './order.events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

@Injectable()
export class OrderListeners implements OnModuleDestroy {
  private readonly logger = new Logger(OrderListeners.name);
  private handled = 0;

  constructor(private readonly loyalty: LoyaltyService) {}

  @OnEvent('order.created')
  async awardPoints(event: OrderCreatedEvent): Promise<void> {
    return traceHandler('order.created', async () => {
      await this.loyalty.credit(event.customerId, event.totalCents);
      this.handled += 1;
    })();
  }

  onModuleDestroy(): void {
    this.logger.log(\`handled \${this.handled}\`);
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: '@OnEvent with { async: true } and a wildcard',
    code: `
import { OnEvent } from '@nestjs/event-emitter';

export class SearchListeners {
  @OnEvent('order.status.*', { async: true })
  async reindex(event: { orderId: string; status: string }) {
    await indexer.upsert(event.orderId, { status: event.status });
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.status.*'" },
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.status.*'" },
            output: `
import { OnEvent } from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class SearchListeners {
  @OnEvent('order.status.*', { async: true })
  async reindex(event: { orderId: string; status: string }) {
    return traceHandler('order.status.*', async () => {
      await indexer.upsert(event.orderId, { status: event.status });
    })();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: '@OnEvent with an array of events on a sync method',
    code: `
import { OnEvent } from '@nestjs/event-emitter';

export class StockListeners {
  @OnEvent(['order.cancelled', 'order.refunded'])
  releaseStock(event: { orderId: string }): void {
    stock.releaseAll(event.orderId).catch(() => undefined);
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.cancelled.order.refunded'" },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.cancelled.order.refunded'" },
            output: `
import { OnEvent } from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class StockListeners {
  @OnEvent(['order.cancelled', 'order.refunded'])
  releaseStock(event: { orderId: string }): void {
    return traceHandler('order.cancelled.order.refunded', () => {
      stock.releaseAll(event.orderId).catch(() => undefined);
    })();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: '@OnEvent with a constant and a member-expression event name',
    code: `
import { OnEvent } from '@nestjs/event-emitter';
import { InvoiceEvents, INVOICE_PAID } from './invoice.events';

export class InvoiceListeners {
  @OnEvent(INVOICE_PAID)
  async onPaid(event: { id: string }) {
    await receipts.send(event.id);
  }

  @OnEvent(InvoiceEvents.Voided, { async: true })
  async onVoided(event: { id: string }) {
    await receipts.cancel(event.id);
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: 'INVOICE_PAID' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: 'INVOICE_PAID' },
            output: `
import { OnEvent } from '@nestjs/event-emitter';
import { InvoiceEvents, INVOICE_PAID } from './invoice.events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class InvoiceListeners {
  @OnEvent(INVOICE_PAID)
  async onPaid(event: { id: string }) {
    return traceHandler(INVOICE_PAID, async () => {
      await receipts.send(event.id);
    })();
  }

  @OnEvent(InvoiceEvents.Voided, { async: true })
  async onVoided(event: { id: string }) {
    await receipts.cancel(event.id);
  }
}
`,
          },
        ],
      },
      {
        messageId: 'unspannedHandler',
        data: { name: 'InvoiceEvents.Voided' },
        line: 12,
        column: 9,
        endLine: 12,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: 'InvoiceEvents.Voided' },
            output: `
import { OnEvent } from '@nestjs/event-emitter';
import { InvoiceEvents, INVOICE_PAID } from './invoice.events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class InvoiceListeners {
  @OnEvent(INVOICE_PAID)
  async onPaid(event: { id: string }) {
    await receipts.send(event.id);
  }

  @OnEvent(InvoiceEvents.Voided, { async: true })
  async onVoided(event: { id: string }) {
    return traceHandler(InvoiceEvents.Voided, async () => {
      await receipts.cancel(event.id);
    })();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a one-line method body is split over lines',
    code: `
import { OnEvent } from '@nestjs/event-emitter';

export class Audit {
  @OnEvent('user.deleted')
  record(event: { userId: string }) { return auditLog.append('user.deleted', event.userId); }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'user.deleted'" },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'user.deleted'" },
            output: `
import { OnEvent } from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class Audit {
  @OnEvent('user.deleted')
  record(event: { userId: string }) {
    return traceHandler('user.deleted', () => {
      return auditLog.append('user.deleted', event.userId);
    })();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an @OnEvent body with a leading comment, a blank line and a multi-line template literal',
    code: `
import { OnEvent } from '@nestjs/event-emitter';

export class Digest {
  @OnEvent('digest.requested')
  async send(event: { userId: string }) {
    // the digest text is plain on purpose
    const user = await users.find(event.userId);

    await mailer.send(user.email, \`Hello \${user.name},
here is your digest.\`);
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'digest.requested'" },
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'digest.requested'" },
            output: `
import { OnEvent } from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class Digest {
  @OnEvent('digest.requested')
  async send(event: { userId: string }) {
    return traceHandler('digest.requested', async () => {
      // the digest text is plain on purpose
      const user = await users.find(event.userId);

      await mailer.send(user.email, \`Hello \${user.name},
here is your digest.\`);
    })();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'CRLF line endings are kept in the re-indented @OnEvent body',
    code: [
      "import { OnEvent } from '@nestjs/event-emitter';",
      '',
      'export class Receipts {',
      "  @OnEvent('payment.settled')",
      '  async send(event: { paymentId: string }) {',
      '    await mailer.receipt(event.paymentId);',
      '  }',
      '}',
      '',
    ].join('\r\n'),
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'payment.settled'" },
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'payment.settled'" },
            output: [
              "import { OnEvent } from '@nestjs/event-emitter';",
              "import { traceHandler } from 'eslint-plugin-trace-context/wrappers';",
              '',
              'export class Receipts {',
              "  @OnEvent('payment.settled')",
              '  async send(event: { paymentId: string }) {',
              "    return traceHandler('payment.settled', async () => {",
              '      await mailer.receipt(event.paymentId);',
              '    })();',
              '  }',
              '}',
              '',
            ].join('\r\n'),
          },
        ],
      },
    ],
  },
  {
    name: 'decorators through namespace imports (@cqrs.CommandHandler, @events.OnEvent)',
    code: `
import * as cqrs from '@nestjs/cqrs';
import * as events from '@nestjs/event-emitter';

@cqrs.CommandHandler(CloseAccountCommand)
export class CloseAccountHandler {
  async execute(command: CloseAccountCommand) {
    await accounts.close(command.accountId);
  }

  @events.OnEvent('account.reopened')
  async onReopened(event: { accountId: string }) {
    await accounts.restore(event.accountId);
  }
}
`,
    errors: [
      {
        messageId: 'unspannedCqrsHandler',
        data: { name: "'CloseAccountCommand'" },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'CloseAccountCommand'" },
            output: `
import * as cqrs from '@nestjs/cqrs';
import * as events from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

@cqrs.CommandHandler(CloseAccountCommand)
export class CloseAccountHandler {
  async execute(command: CloseAccountCommand) {
    return traceHandler('CloseAccountCommand', async () => {
      await accounts.close(command.accountId);
    })();
  }

  @events.OnEvent('account.reopened')
  async onReopened(event: { accountId: string }) {
    await accounts.restore(event.accountId);
  }
}
`,
          },
        ],
      },
      {
        messageId: 'unspannedHandler',
        data: { name: "'account.reopened'" },
        line: 12,
        column: 9,
        endLine: 12,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'account.reopened'" },
            output: `
import * as cqrs from '@nestjs/cqrs';
import * as events from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

@cqrs.CommandHandler(CloseAccountCommand)
export class CloseAccountHandler {
  async execute(command: CloseAccountCommand) {
    await accounts.close(command.accountId);
  }

  @events.OnEvent('account.reopened')
  async onReopened(event: { accountId: string }) {
    return traceHandler('account.reopened', async () => {
      await accounts.restore(event.accountId);
    })();
  }
}
`,
          },
        ],
      },
    ],
  },

  // ── @nestjs/cqrs handlers ──────────────────────────────────────────────────────────────────────
  {
    name: '@CommandHandler class with fields, implements and helpers: only execute',
    code: `
import { CommandHandler, EventPublisher, ICommandHandler } from '@nestjs/cqrs';
import { RegisterTenantCommand } from './tenant.messages';

@CommandHandler(RegisterTenantCommand)
export class RegisterTenantHandler implements ICommandHandler<RegisterTenantCommand, string> {
  private registered = 0;

  constructor(
    private readonly tenants: TenantRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(command: RegisterTenantCommand): Promise<string> {
    const tenant = this.publisher.mergeObjectContext(await this.tenants.create(this.normalise(command.name)));
    tenant.commit();
    this.registered += 1;
    return tenant.id;
  }

  private normalise(name: string): string {
    return name.trim().toLowerCase();
  }
}
`,
    errors: [
      {
        messageId: 'unspannedCqrsHandler',
        data: { name: "'RegisterTenantCommand'" },
        line: 14,
        column: 9,
        endLine: 14,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'RegisterTenantCommand'" },
            output: `
import { CommandHandler, EventPublisher, ICommandHandler } from '@nestjs/cqrs';
import { RegisterTenantCommand } from './tenant.messages';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

@CommandHandler(RegisterTenantCommand)
export class RegisterTenantHandler implements ICommandHandler<RegisterTenantCommand, string> {
  private registered = 0;

  constructor(
    private readonly tenants: TenantRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(command: RegisterTenantCommand): Promise<string> {
    return traceHandler('RegisterTenantCommand', async () => {
      const tenant = this.publisher.mergeObjectContext(await this.tenants.create(this.normalise(command.name)));
      tenant.commit();
      this.registered += 1;
      return tenant.id;
    })();
  }

  private normalise(name: string): string {
    return name.trim().toLowerCase();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: '@QueryHandler with describe()',
    code: `
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetTenantUsageQuery } from './tenant.messages';

@QueryHandler(GetTenantUsageQuery)
export class GetTenantUsageHandler implements IQueryHandler<GetTenantUsageQuery> {
  constructor(private readonly usage: UsageReadModel) {}

  async execute(query: GetTenantUsageQuery) {
    return this.usage.summaryFor(query.tenantId, query.month);
  }

  describe(): string {
    return 'monthly usage summary for one tenant';
  }
}
`,
    errors: [
      {
        messageId: 'unspannedCqrsHandler',
        data: { name: "'GetTenantUsageQuery'" },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'GetTenantUsageQuery'" },
            output: `
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetTenantUsageQuery } from './tenant.messages';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

@QueryHandler(GetTenantUsageQuery)
export class GetTenantUsageHandler implements IQueryHandler<GetTenantUsageQuery> {
  constructor(private readonly usage: UsageReadModel) {}

  async execute(query: GetTenantUsageQuery) {
    return traceHandler('GetTenantUsageQuery', async () => {
      return this.usage.summaryFor(query.tenantId, query.month);
    })();
  }

  describe(): string {
    return 'monthly usage summary for one tenant';
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: '@EventsHandler for two events with a sync handle',
    code: `
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { TenantRegisteredEvent, TenantReactivatedEvent } from './tenant.messages';

@EventsHandler(TenantRegisteredEvent, TenantReactivatedEvent)
export class StartOnboardingHandler implements IEventHandler<TenantRegisteredEvent | TenantReactivatedEvent> {
  constructor(private readonly onboarding: OnboardingService) {}

  handle(event: TenantRegisteredEvent | TenantReactivatedEvent): void {
    void this.onboarding.startChecklist(event.tenantId);
  }
}
`,
    errors: [
      {
        messageId: 'unspannedCqrsHandler',
        data: { name: "'TenantRegisteredEvent, TenantReactivatedEvent'" },
        line: 9,
        column: 3,
        endLine: 9,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'TenantRegisteredEvent, TenantReactivatedEvent'" },
            output: `
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { TenantRegisteredEvent, TenantReactivatedEvent } from './tenant.messages';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

@EventsHandler(TenantRegisteredEvent, TenantReactivatedEvent)
export class StartOnboardingHandler implements IEventHandler<TenantRegisteredEvent | TenantReactivatedEvent> {
  constructor(private readonly onboarding: OnboardingService) {}

  handle(event: TenantRegisteredEvent | TenantReactivatedEvent): void {
    return traceHandler('TenantRegisteredEvent, TenantReactivatedEvent', () => {
      void this.onboarding.startChecklist(event.tenantId);
    })();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a CQRS execute written as an arrow-function field',
    code: `
import { CommandHandler } from '@nestjs/cqrs';
import { CloseAccountCommand } from './account.messages';

@CommandHandler(CloseAccountCommand)
export class CloseAccountHandler {
  execute = async (command: CloseAccountCommand) => {
    await accounts.close(command.accountId);
  };
}
`,
    errors: [
      {
        messageId: 'unspannedCqrsHandler',
        data: { name: "'CloseAccountCommand'" },
        line: 7,
        column: 3,
        endLine: 7,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'CloseAccountCommand'" },
            output: `
import { CommandHandler } from '@nestjs/cqrs';
import { CloseAccountCommand } from './account.messages';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

@CommandHandler(CloseAccountCommand)
export class CloseAccountHandler {
  execute = traceHandler('CloseAccountCommand', async (command: CloseAccountCommand) => {
    await accounts.close(command.accountId);
  });
}
`,
          },
        ],
      },
    ],
  },

  // ── handlers also removed in the file: reported without a suggestion ───────────────────────────
  {
    name: 'a handler also removed with off: reported without a suggestion',
    code: `
import { EventEmitter } from 'node:events';

const onCreated = async (order: { id: string }) => {
  await invoices.draft(order.id);
};

export const bus = new EventEmitter();
bus.on('order.created', onCreated);

export function stop() {
  bus.off('order.created', onCreated);
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 7,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a handler also removed with removeListener (CommonJS)',
    filename: fixture('event-bus', 'src', 'poller.cjs'),
    languageOptions: COMMONJS,
    code: `const EventEmitter = require('events');

const bus = new EventEmitter();
function onTick(payload) {
  return refresh(payload);
}
bus.on('cache.expired', onTick);
bus.removeListener('cache.expired', onTick);
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'cache.expired'" },
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 7,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a same-class handler also removed with off: reported without a suggestion',
    code: `
import mitt from 'mitt';

export class PresenceTracker {
  private readonly hub = mitt();

  start() {
    this.hub.on('user.online', this.onOnline);
  }

  stop() {
    this.hub.off('user.online', this.onOnline);
  }

  private onOnline = async (userId: string) => {
    await presence.mark(userId);
  };
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'user.online'" },
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 16,
        suggestions: [],
      },
    ],
  },

  // ── buses from other files ─────────────────────────────────────────────────────────────────────
  {
    name: 'a bus imported from another file with a domain event name',
    code: `
import { eventBus } from './event-bus';

eventBus.on('order.created', async (order: { id: string }) => {
  await invoices.draft(order.id);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { eventBus } from './event-bus';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

eventBus.on('order.created', traceHandler('order.created', async (order: { id: string }) => {
  await invoices.draft(order.id);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a constructor parameter typed with a bus class from another file',
    code: `
import { EventBus } from './event-bus';

export class InvoiceListener {
  constructor(private readonly eventBus: EventBus) {
    this.eventBus.on('order.created', async (order: { id: string }) => {
      await invoices.draft(order.id);
    });
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 6,
        column: 5,
        endLine: 6,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { EventBus } from './event-bus';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class InvoiceListener {
  constructor(private readonly eventBus: EventBus) {
    this.eventBus.on('order.created', traceHandler('order.created', async (order: { id: string }) => {
      await invoices.draft(order.id);
    }));
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a bus handed in as a parameter',
    filename: fixture('event-bus', 'src', 'register.js'),
    languageOptions: ESM,
    code: `
export function registerOrderHandlers(bus) {
  bus.on('order.created', async (order) => {
    await invoices.draft(order.id);
  });
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export function registerOrderHandlers(bus) {
  bus.on('order.created', traceHandler('order.created', async (order) => {
    await invoices.draft(order.id);
  }));
}
`,
          },
        ],
      },
    ],
  },

  // ── where the import goes, file style ──────────────────────────────────────────────────────────
  {
    name: 'merged into an existing import of the wrapper module',
    code: `
import mitt from 'mitt';
import { bindContext } from 'eslint-plugin-trace-context/wrappers';

export const hub = mitt();
export const log = bindContext((line: string) => console.log(line));

hub.on('report.generated', async (id: string) => {
  await storage.archive(id);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'report.generated'" },
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 7,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'report.generated'" },
            output: `
import mitt from 'mitt';
import { bindContext, traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const hub = mitt();
export const log = bindContext((line: string) => console.log(line));

hub.on('report.generated', traceHandler('report.generated', async (id: string) => {
  await storage.archive(id);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an existing traceHandler import (aliased) is reused',
    code: `
import { EventEmitter } from 'node:events';
import { traceHandler as spanned } from 'eslint-plugin-trace-context/wrappers';

export const bus = new EventEmitter();
bus.on('order.created', spanned('order.created', async () => {
  await invoices.draft();
}));
bus.on('order.paid', async () => {
  await ledger.book();
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.paid'" },
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 7,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.paid'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler as spanned } from 'eslint-plugin-trace-context/wrappers';

export const bus = new EventEmitter();
bus.on('order.created', spanned('order.created', async () => {
  await invoices.draft();
}));
bus.on('order.paid', spanned('order.paid', async () => {
  await ledger.book();
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a CommonJS file with no requires before the handler',
    filename: fixture('event-bus', 'src', 'standalone.cjs'),
    languageOptions: COMMONJS,
    code: `'use strict';

const bus = new (require('events'))();

bus.on('job.finished', async (job) => {
  await report(job);
});

module.exports = bus;
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'job.finished'" },
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 7,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'job.finished'" },
            output: `'use strict';
const { traceHandler } = require('eslint-plugin-trace-context/wrappers');

const bus = new (require('events'))();

bus.on('job.finished', traceHandler('job.finished', async (job) => {
  await report(job);
}));

module.exports = bus;
`,
          },
        ],
      },
    ],
  },
  {
    name: 'double quotes, no semicolons, tab indentation',
    code: `
import { OnEvent } from "@nestjs/event-emitter"

export class Mailer {
	@OnEvent("user.invited")
	async sendInvite(event: { email: string }) {
		await mail.send(event.email, "invite")
	}
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: '"user.invited"' },
        line: 6,
        column: 8,
        endLine: 6,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: '"user.invited"' },
            output: `
import { OnEvent } from "@nestjs/event-emitter"
import { traceHandler } from "eslint-plugin-trace-context/wrappers"

export class Mailer {
	@OnEvent("user.invited")
	async sendInvite(event: { email: string }) {
		return traceHandler("user.invited", async () => {
			await mail.send(event.email, "invite")
		})()
	}
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'two findings in one file, each with its own suggestion',
    code: `
import { EventEmitter } from 'node:events';

export const bus = new EventEmitter();

bus.on('order.created', async () => {
  await invoices.draft();
});

bus.on('order.paid', async () => {
  await ledger.book();
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 7,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const bus = new EventEmitter();

bus.on('order.created', traceHandler('order.created', async () => {
  await invoices.draft();
}));

bus.on('order.paid', async () => {
  await ledger.book();
});
`,
          },
        ],
      },
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.paid'" },
        line: 10,
        column: 1,
        endLine: 10,
        endColumn: 7,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.paid'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const bus = new EventEmitter();

bus.on('order.created', async () => {
  await invoices.draft();
});

bus.on('order.paid', traceHandler('order.paid', async () => {
  await ledger.book();
}));
`,
          },
        ],
      },
    ],
  },

  // ── cases found while writing the tests ────────────────────────────────────────────────────────
  {
    name: 'a shared bus whose name ends in Events, in a file with no other bus token',
    code: `
import { app } from '../app';

app.domainEvents.once('user:signup', async (user: { email: string }) => {
  await crm.createContact(user.email);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'user:signup'" },
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'user:signup'" },
            output: `
import { app } from '../app';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

app.domainEvents.once('user:signup', traceHandler('user:signup', async (user: { email: string }) => {
  await crm.createContact(user.email);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: '@OnEvent imported under another name',
    code: `
import { OnEvent as Listen } from '@nestjs/event-emitter';

export class Audit {
  @Listen('user.deleted')
  async record(event: { userId: string }) {
    await auditLog.append('user.deleted', event.userId);
  }
}
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'user.deleted'" },
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'user.deleted'" },
            output: `
import { OnEvent as Listen } from '@nestjs/event-emitter';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

export class Audit {
  @Listen('user.deleted')
  async record(event: { userId: string }) {
    return traceHandler('user.deleted', async () => {
      await auditLog.append('user.deleted', event.userId);
    })();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: '@CommandHandler imported under another name',
    code: `
import { CommandHandler as Handles } from '@nestjs/cqrs';

@Handles(CloseAccountCommand)
export class CloseAccountHandler {
  async execute(command: CloseAccountCommand) {
    await accounts.close(command.accountId);
  }
}
`,
    errors: [
      {
        messageId: 'unspannedCqrsHandler',
        data: { name: "'CloseAccountCommand'" },
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'CloseAccountCommand'" },
            output: `
import { CommandHandler as Handles } from '@nestjs/cqrs';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

@Handles(CloseAccountCommand)
export class CloseAccountHandler {
  async execute(command: CloseAccountCommand) {
    return traceHandler('CloseAccountCommand', async () => {
      await accounts.close(command.accountId);
    })();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a bindContext(fn) handler is replaced by traceHandler(name, fn)',
    code: `
import { EventEmitter } from 'node:events';
import { bindContext } from 'eslint-plugin-trace-context/wrappers';

export const bus = new EventEmitter();
export const log = bindContext((line: string) => console.log(line));

bus.on('order.created', bindContext(async (order: { id: string }) => {
  await invoices.draft(order.id);
}));
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 7,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { EventEmitter } from 'node:events';
import { bindContext, traceHandler } from 'eslint-plugin-trace-context/wrappers';

export const bus = new EventEmitter();
export const log = bindContext((line: string) => console.log(line));

bus.on('order.created', traceHandler('order.created', async (order: { id: string }) => {
  await invoices.draft(order.id);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'EventEmitter2: an array is one namespaced event, named with the delimiter',
    code: `
import { EventEmitter2 } from 'eventemitter2';

const events = new EventEmitter2({ wildcard: true });

events.on(['order', 'cancelled'], async (order) => {
  await stock.release(order);
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.cancelled'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.cancelled'" },
            output: `
import { EventEmitter2 } from 'eventemitter2';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const events = new EventEmitter2({ wildcard: true });

events.on(['order', 'cancelled'], traceHandler('order.cancelled', async (order) => {
  await stock.release(order);
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a class two levels below EventEmitter: this.on and instance registrations',
    code: `
import { EventEmitter } from 'node:events';

class TypedEmitter extends EventEmitter {}

export class OrderStream extends TypedEmitter {
  constructor() {
    super();
    this.on('order.created', async () => {
      await projections.refresh();
    });
  }
}

export const orders = new OrderStream();
orders.on('order.paid', async () => {
  await ledger.book();
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.created'" },
        line: 9,
        column: 5,
        endLine: 9,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.created'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

class TypedEmitter extends EventEmitter {}

export class OrderStream extends TypedEmitter {
  constructor() {
    super();
    this.on('order.created', traceHandler('order.created', async () => {
      await projections.refresh();
    }));
  }
}

export const orders = new OrderStream();
orders.on('order.paid', async () => {
  await ledger.book();
});
`,
          },
        ],
      },
      {
        messageId: 'unspannedHandler',
        data: { name: "'order.paid'" },
        line: 16,
        column: 1,
        endLine: 16,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'order.paid'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

class TypedEmitter extends EventEmitter {}

export class OrderStream extends TypedEmitter {
  constructor() {
    super();
    this.on('order.created', async () => {
      await projections.refresh();
    });
  }
}

export const orders = new OrderStream();
orders.on('order.paid', traceHandler('order.paid', async () => {
  await ledger.book();
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a class expression extending EventEmitter',
    code: `
import { EventEmitter } from 'node:events';

const Signals = class extends EventEmitter {};

export const signals = new Signals();
signals.on('tenant.created', async () => {
  await quotas.apply();
});
`,
    errors: [
      {
        messageId: 'unspannedHandler',
        data: { name: "'tenant.created'" },
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'wrapWithTraceHandler',
            data: { name: "'tenant.created'" },
            output: `
import { EventEmitter } from 'node:events';
import { traceHandler } from 'eslint-plugin-trace-context/wrappers';

const Signals = class extends EventEmitter {};

export const signals = new Signals();
signals.on('tenant.created', traceHandler('tenant.created', async () => {
  await quotas.apply();
}));
`,
          },
        ],
      },
    ],
  },
];

ruleTester.run(RULE, rule, { valid, invalid });

describeSuggestionRelint(RULE, rule, invalid, EVENTS_TS);

describe(`${RULE}: test balance and options`, () => {
  it('has at least as many valid cases as invalid ones', () => {
    expect(valid.length).toBeGreaterThanOrEqual(invalid.length);
  });

  it('takes no options', () => {
    const code = "import mitt from 'mitt';\nmitt().on('order.created', async () => {});\n";
    expect(() => lintWithRule(RULE, rule, { code, options: [{ checkIntervals: true }] }, EVENTS_TS)).toThrow(
      /should NOT have more than 0 items/,
    );
    expect(lintWithRule(RULE, rule, { code }, EVENTS_TS)).toHaveLength(1);
  });
});
