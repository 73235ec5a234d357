// Tracing set-up, loaded first. A deployed service would export to a collector (OTLP); this one keeps
// finished spans in memory so that run-once.js can print them.
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

export const exporter = new InMemorySpanExporter();

// Counts spans that started and have not ended yet: run-once.js waits for none to be open, so that a
// poll still in flight when the timers stopped is printed whole.
let open = 0;
let onIdle = () => {};
const openSpans = {
  onStart: () => void open++,
  onEnd: () => void (--open === 0 && onIdle()),
  forceFlush: async () => {},
  shutdown: async () => {},
};
export const allSpansEnded = () => (open === 0 ? Promise.resolve() : new Promise((resolve) => (onIdle = resolve)));

export const provider = new BasicTracerProvider({ spanProcessors: [openSpans, new SimpleSpanProcessor(exporter)] });

trace.setGlobalTracerProvider(provider);
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(
  new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
);

// Waits for open spans to end, then prints the finished ones as one JSON line (`SPANS [...]`) for
// `npm run demo` to draw, and shuts the provider down.
export async function printFinishedSpans() {
  await allSpansEnded();
  await provider.forceFlush();
  const spans = exporter.getFinishedSpans().map((span) => ({
    name: span.name,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    startTime: span.startTime[0] * 1e3 + span.startTime[1] / 1e6,
    error: span.status.code === 2 ? span.status.message || 'error' : undefined,
  }));
  process.stdout.write(`SPANS ${JSON.stringify(spans)}\n`);
  await provider.shutdown();
}
