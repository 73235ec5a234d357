// traceScript with a batching processor: spans reach the exporter only when the provider is flushed,
// so "flushed before returning" is observable without touching the SDK.
import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { traceScript } from '../../src/wrappers/index.js';

const exporter = new InMemorySpanExporter();
// A delay no test waits for: only forceFlush exports.
const provider = new BasicTracerProvider({
  spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 3_600_000, maxExportBatchSize: 1000 })],
});
const contextManager = new AsyncLocalStorageContextManager().enable();
trace.disable();
context.disable();
propagation.disable();
trace.setGlobalTracerProvider(provider);
context.setGlobalContextManager(contextManager);
propagation.setGlobalPropagator(
  new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
);
afterAll(async () => {
  await provider.shutdown();
  contextManager.disable();
  trace.disable();
  context.disable();
  propagation.disable();
});

const ENV_KEYS = ['TRACEPARENT', 'TRACESTATE', 'BAGGAGE'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
beforeEach(() => {
  exporter.reset();
  for (const key of ENV_KEYS) delete process.env[key];
});
afterEach(() => {
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

function exported(name: string): ReadableSpan {
  const found = exporter.getFinishedSpans().filter((span) => span.name === name);
  expect(found, `exactly one exported span named ${name}`).toHaveLength(1);
  return found[0]!;
}

describe('traceScript', () => {
  it('runs main in a root span, ends it and flushes it before returning', async () => {
    const tracer = trace.getTracer('test');
    const result = await tracer.startActiveSpan('outer', async (outer) => {
      try {
        return await traceScript('migrate', async () => {
          await Promise.resolve();
          tracer.startActiveSpan('step', (span) => span.end());
          return 7;
        });
      } finally {
        outer.end();
      }
    });

    expect(result).toBe(7);
    // Exported without anyone flushing after traceScript returned: traceScript flushed.
    const script = exported('migrate');
    expect(script.parentSpanContext).toBeUndefined();
    expect(exported('step').parentSpanContext?.spanId).toBe(script.spanContext().spanId);
    expect(exporter.getFinishedSpans().some((span) => span.name === 'outer')).toBe(false);
  });

  it('returns what a synchronous main returns', async () => {
    await expect(traceScript('sync', () => 'ok')).resolves.toBe('ok');
    expect(exported('sync').ended).toBe(true);
  });

  it('continues the trace given in TRACEPARENT, TRACESTATE and BAGGAGE', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    process.env.TRACEPARENT = `00-${traceId}-b7ad6b7169203331-01`;
    process.env.TRACESTATE = 'vendor=abc';
    process.env.BAGGAGE = 'tenant=acme';

    const tenant = await traceScript('child-script', () => propagation.getActiveBaggage()?.getEntry('tenant')?.value);

    expect(tenant).toBe('acme');
    const span = exported('child-script');
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(span.spanContext().traceState?.get('vendor')).toBe('abc');
  });

  it('ignores a malformed TRACEPARENT and starts a root span', async () => {
    process.env.TRACEPARENT = 'not-a-traceparent';
    await traceScript('fresh', () => undefined);
    expect(exported('fresh').parentSpanContext).toBeUndefined();
  });

  it('records a failure, still flushes, and rejects with the error', async () => {
    await expect(
      traceScript('fails', async () => {
        throw new Error('no database');
      }),
    ).rejects.toThrow('no database');
    const span = exported('fails');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'no database' });
  });
});
