'use strict';
// OpenTelemetry SDK 2.x registered by hand for this process: spans kept in memory and printed as JSON
// by dumpSpans(), the AsyncLocalStorage context manager, and the W3C trace-context and baggage
// propagators (without a propagator the API injects nothing). Then ./instrumentation.js, which the
// test provides per variant: nothing, or the http and undici instrumentations.
const { SpanKind, context, propagation, trace } = require('@opentelemetry/api');
const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
const { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } = require('@opentelemetry/core');
const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');

const exporter = new InMemorySpanExporter();

// Counts spans that started and have not ended yet: a server span can end after its client has read
// the response (the instrumentation ends it on the response's 'finish'), so dumpSpans() waits.
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

const { instrumentations } = require('./instrumentation.js');

/** One line on stdout: `SPANS ` and the finished spans as JSON records (with their kind). */
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
      startTime: span.startTime[0] * 1e3 + span.startTime[1] / 1e6,
      error: span.status.code === 2 ? span.status.message || 'error' : undefined,
    };
  });
  process.stdout.write(`SPANS ${JSON.stringify(spans)}\n`);
  for (const instrumentation of instrumentations) instrumentation.disable();
  await provider.shutdown();
}

module.exports = { dumpSpans };
