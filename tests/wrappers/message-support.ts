// Shared by the message-carrier tests: produce inside a span that carries tracestate and baggage,
// consume through withExtractedContext, and check that the consumer continued the producer's trace.
import { createTraceState, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { expect } from 'vitest';

import { withExtractedContext } from '../../src/wrappers/index.js';
import type { TracingHarness } from '../helpers/otel.js';

/** The remote caller of the producer: its trace id is the one every test follows. */
export const UPSTREAM_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const UPSTREAM_SPAN_ID = '00f067aa0ba902b7';
export const TRACESTATE = 'vendor=opaque';
export const BAGGAGE = 'tenant=acme';

/** What the producer's span looked like when the message was sent. */
export interface Sent<T> {
  result: T;
  traceId: string;
  spanId: string;
  traceparent: string;
}

/**
 * Runs `fn` inside an active PRODUCER-side span (`send`) whose parent is a remote span with a
 * tracestate, with baggage `tenant=acme` in the context: so all three W3C fields are injected.
 */
export function produce<T>(tracing: TracingHarness, fn: () => T): Sent<T> {
  const upstream = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: UPSTREAM_TRACE_ID,
    spanId: UPSTREAM_SPAN_ID,
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
    traceState: createTraceState(TRACESTATE),
  });
  const parent = propagation.setBaggage(upstream, propagation.createBaggage({ tenant: { value: 'acme' } }));
  return tracing.tracer().startActiveSpan('send', {}, parent, (span) => {
    try {
      const { traceId, spanId } = span.spanContext();
      return { result: fn(), traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
    } finally {
      span.end();
    }
  });
}

/** What the consumer saw inside withExtractedContext. */
export interface Received {
  traceId: string;
  parentSpanId: string | undefined;
  tracestate: string | undefined;
  tenant: string | undefined;
}

/** Runs a consumer over `carrier` in a CONSUMER span named `name` and reports what it continued. */
export function consume(tracing: TracingHarness, carrier: object | null | undefined, name = 'process test'): Received {
  const tenant = withExtractedContext(
    carrier,
    () => propagation.getActiveBaggage()?.getEntry('tenant')?.value,
    { name, kind: 'consumer' },
  );
  const spans = tracing.spans().filter((span) => span.name === name);
  expect(spans, `one span named ${name}`).toHaveLength(1);
  const span = spans[0]!;
  return {
    traceId: span.spanContext().traceId,
    parentSpanId: span.parentSpanContext?.spanId,
    tracestate: span.spanContext().traceState?.serialize(),
    tenant,
  };
}

/** The consumer's span is a child of the producer's span, with its tracestate and baggage. */
export function expectContinued(sent: Sent<unknown>, received: Received): void {
  expect(sent.traceId).toBe(UPSTREAM_TRACE_ID);
  expect(received).toEqual({
    traceId: sent.traceId,
    parentSpanId: sent.spanId,
    tracestate: TRACESTATE,
    tenant: 'acme',
  });
}

/** A deep-frozen copy of a plain value, to prove that a wrapper does not mutate its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
