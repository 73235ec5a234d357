// OpenTelemetry SDK 2.x for this process: spans kept in memory, printed as JSON by dumpSpans().
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

const exporter = new InMemorySpanExporter();

// Counts spans that started and have not ended yet. Listeners on the plain bus are not awaited by
// whoever emits, so the program waits for every span to end (not for a timer) before printing.
let open = 0;
let onIdle = (): void => {};
const openSpans: SpanProcessor = {
  onStart: () => void open++,
  onEnd: () => void (--open === 0 && onIdle()),
  forceFlush: async () => {},
  shutdown: async () => {},
};
const allEnded = (): Promise<void> => (open === 0 ? Promise.resolve() : new Promise((resolve) => (onIdle = resolve)));

const provider = new BasicTracerProvider({ spanProcessors: [openSpans, new SimpleSpanProcessor(exporter)] });

trace.setGlobalTracerProvider(provider);
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(
  new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
);

/** One line on stdout: `SPANS ` and the finished spans as JSON records. */
export async function dumpSpans(): Promise<void> {
  await allEnded();
  await provider.forceFlush();
  const spans = exporter.getFinishedSpans().map((span) => {
    const { traceId, spanId } = span.spanContext();
    return {
      name: span.name,
      traceId,
      spanId,
      parentSpanId: span.parentSpanContext?.spanId,
      startTime: span.startTime[0] * 1e3 + span.startTime[1] / 1e6,
      error: span.status.code === 2 ? span.status.message || 'error' : undefined,
    };
  });
  process.stdout.write(`SPANS ${JSON.stringify(spans)}\n`);
  await provider.shutdown();
}
