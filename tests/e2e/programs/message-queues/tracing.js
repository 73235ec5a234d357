'use strict';
// OpenTelemetry SDK 2.x registered by hand for this process: spans kept in memory and printed as JSON
// by dumpSpans(), the AsyncLocalStorage context manager, and the W3C trace-context and baggage
// propagators (without a propagator the API injects nothing and extracts nothing).
const { randomBytes } = require('node:crypto');
const { setTimeout: delay } = require('node:timers/promises');

const { SpanKind, context, propagation, trace } = require('@opentelemetry/api');
const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
const { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } = require('@opentelemetry/core');
const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');

const exporter = new InMemorySpanExporter();

// Counts spans that started and have not ended yet: a consumer span may still be ending when the
// program has seen its message handled, so dumpSpans() waits for the last one.
let open = 0;
let onIdle = () => {};
const openSpans = {
  onStart: () => void open++,
  onEnd: () => void (--open === 0 && onIdle()),
  forceFlush: async () => {},
  shutdown: async () => {},
};
const allEnded = () => (open === 0 ? Promise.resolve() : new Promise((resolve) => (onIdle = resolve)));

const provider = new BasicTracerProvider({ spanProcessors: [openSpans, new SimpleSpanProcessor(exporter)] });

trace.setGlobalTracerProvider(provider);
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(
  new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
);

/**
 * Suffix for queue, subject and stream names, so that runs in parallel or one after another never
 * see each other's messages: the test passes one in E2E_RUN_ID, a run by hand gets a random one.
 */
const runId = process.env.E2E_RUN_ID || randomBytes(4).toString('hex');

/** Broker addresses: the machine's brokers on loopback unless the environment names others. */
const brokers = {
  amqp: process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672',
  nats: process.env.NATS_URL || 'nats://127.0.0.1:4222',
  redis: { host: process.env.REDIS_HOST || '127.0.0.1', port: Number(process.env.REDIS_PORT || 6379) },
};

/**
 * Resolves `finished` once `done()` has been called `count` times (one call per handled message);
 * rejects after 10 s so that a message that never arrives fails the run instead of hanging it.
 */
function countdown(count, what) {
  let left = count;
  let resolve;
  let timer;
  const finished = new Promise((settle, reject) => {
    resolve = settle;
    timer = setTimeout(() => reject(new Error(`${what}: ${left} of ${count} not handled after 10 s`)), 10_000);
  });
  const done = () => {
    if (--left > 0) return;
    clearTimeout(timer);
    resolve();
  };
  return { finished, done };
}

const tracer = trace.getTracer('message-queues-e2e');

/** Runs `produce` inside an incoming request's SERVER span, as a web handler that sends messages would. */
function handleRequest(name, produce) {
  return tracer.startActiveSpan(name, { kind: SpanKind.SERVER }, async (span) => {
    try {
      return await produce();
    } finally {
      span.end();
    }
  });
}

/**
 * A consumer's own work on a message: a span (a child of whatever context is active: the message's
 * once the codemod has made the handler continue it) that lasts a moment.
 */
function work(name, attributes) {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    await delay(1);
    span.end();
  });
}

/** One line on stdout: `SPANS ` and the finished spans as JSON records (with kind and links). */
async function dumpSpans() {
  await allEnded();
  await provider.forceFlush();
  const spans = exporter.getFinishedSpans().map((span) => {
    const { traceId, spanId } = span.spanContext();
    return {
      name: span.name,
      kind: SpanKind[span.kind],
      traceId,
      spanId,
      parentSpanId: span.parentSpanContext?.spanId,
      links: span.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId })),
      startTime: span.startTime[0] * 1e3 + span.startTime[1] / 1e6,
      error: span.status.code === 2 ? span.status.message || 'error' : undefined,
    };
  });
  process.stdout.write(`SPANS ${JSON.stringify(spans)}\n`);
  await provider.shutdown();
}

module.exports = { brokers, countdown, dumpSpans, handleRequest, runId, work };
