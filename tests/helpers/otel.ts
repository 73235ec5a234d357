// The real OpenTelemetry SDK 2.x, registered globally in this process, with spans kept in memory.
// Tests call `setupTracing()` once per file (vitest isolates files) and read `spans()`.
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

import { toSpanRecord, traceTrees, type SpanRecord, type TraceTreeOptions } from './trace-tree.cjs';

export { toSpanRecord, traceTrees, type SpanRecord, type TraceTreeOptions };

export interface TracingHarness {
  provider: BasicTracerProvider;
  exporter: InMemorySpanExporter;
  contextManager: AsyncLocalStorageContextManager;
  /** A tracer from the global provider (what instrumented code and the wrappers use). */
  tracer(name?: string): Tracer;
  /** Finished spans so far, in the order they ended. */
  spans(): ReadableSpan[];
  /** Forgets the finished spans. */
  reset(): void;
  /** Shuts the provider down and unregisters the globals, so another harness can be set up. */
  shutdown(): Promise<void>;
}

/**
 * Registers a `BasicTracerProvider` (simple processor → in-memory exporter), the AsyncLocalStorage
 * context manager and the W3C trace-context + baggage propagators as the process-wide globals.
 */
export function setupTracing(): TracingHarness {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();

  // The API refuses a second registration; clear what an earlier harness may have left behind.
  trace.disable();
  context.disable();
  propagation.disable();
  if (!trace.setGlobalTracerProvider(provider)) throw new Error('could not register the tracer provider');
  if (!context.setGlobalContextManager(contextManager)) throw new Error('could not register the context manager');
  const propagator = new CompositePropagator({
    propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
  });
  if (!propagation.setGlobalPropagator(propagator)) throw new Error('could not register the propagator');

  return {
    provider,
    exporter,
    contextManager,
    tracer: (name = 'test') => trace.getTracer(name),
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    async shutdown() {
      await provider.shutdown();
      contextManager.disable();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Spans grouped by trace id, each group in start order. */
export function spansByTrace(spans: Iterable<ReadableSpan | SpanRecord>): Map<string, SpanRecord[]> {
  const traces = new Map<string, SpanRecord[]>();
  const records = [...spans].map(toSpanRecord).sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0));
  for (const record of records) {
    const members = traces.get(record.traceId) ?? [];
    members.push(record);
    traces.set(record.traceId, members);
  }
  return traces;
}
