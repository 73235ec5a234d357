import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';

import {
  extractContext,
  extractContextFromEnv,
  injectContext,
  injectContextEnv,
  withExtractedContext,
} from '../../src/wrappers/index.js';
import { setupTracing } from '../helpers/otel.js';

const tracing = setupTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_ID}-01`;
const TRACEPARENT_PATTERN = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

function spanNamed(name: string): ReadableSpan {
  const found = tracing.spans().filter((span) => span.name === name);
  expect(found, `exactly one span named ${name}`).toHaveLength(1);
  return found[0]!;
}

/** Runs `fn` inside an active span with baggage `tenant=acme`; returns the span's ids too. */
function insideSpan<T>(fn: () => T): { result: T; traceparent: string } {
  const baggage = propagation.createBaggage({ tenant: { value: 'acme' } });
  return context.with(propagation.setBaggage(context.active(), baggage), () =>
    tracing.tracer().startActiveSpan('client', (span) => {
      try {
        const { traceId, spanId } = span.spanContext();
        return { result: fn(), traceparent: `00-${traceId}-${spanId}-01` };
      } finally {
        span.end();
      }
    }),
  );
}

/** The trace id and span id of the span active inside `withExtractedContext`. */
function activeIds(): { traceId?: string; spanId?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return { traceId: spanContext?.traceId, spanId: spanContext?.spanId };
}

describe('injectContext', () => {
  it('returns a new plain object with traceparent and baggage, leaving the input untouched', () => {
    const shared = Object.freeze({ 'content-type': 'application/json' });
    const { result, traceparent } = insideSpan(() => injectContext(shared));

    expect(result).not.toBe(shared);
    expect(result).toEqual({ 'content-type': 'application/json', traceparent, baggage: 'tenant=acme' });
    expect(shared).toEqual({ 'content-type': 'application/json' });
  });

  it('returns a new object when called without a carrier', () => {
    const { result, traceparent } = insideSpan(() => injectContext());
    expect(result).toEqual({ traceparent, baggage: 'tenant=acme' });
  });

  it('replaces a stale field written with another letter case', () => {
    const stale = { Traceparent: TRACEPARENT, accept: '*/*' };
    const { result, traceparent } = insideSpan(() => injectContext(stale));
    expect(result).toEqual({ accept: '*/*', traceparent, baggage: 'tenant=acme' });
    expect(stale.Traceparent).toBe(TRACEPARENT);
  });

  it('returns a new Headers instance for Headers', () => {
    const headers = new Headers({ accept: 'text/plain' });
    const { result, traceparent } = insideSpan(() => injectContext(headers));

    expect(result).toBeInstanceOf(Headers);
    expect(result).not.toBe(headers);
    expect(result.get('traceparent')).toBe(traceparent);
    expect(result.get('accept')).toBe('text/plain');
    expect(headers.has('traceparent')).toBe(false);
  });

  it('returns a new array for header pairs, replacing stale pairs', () => {
    const pairs: Array<[string, string]> = [
      ['accept', '*/*'],
      ['TRACEPARENT', TRACEPARENT],
    ];
    const before = structuredClone(pairs);
    const { result, traceparent } = insideSpan(() => injectContext(pairs));

    expect(result).not.toBe(pairs);
    expect(result).toEqual([
      ['accept', '*/*'],
      ['traceparent', traceparent],
      ['baggage', 'tenant=acme'],
    ]);
    expect(pairs).toEqual(before);
  });

  it('returns a new Map for a Map', () => {
    const map = new Map<string, unknown>([['x-request-id', 'r1']]);
    const { result, traceparent } = insideSpan(() => injectContext(map));
    expect(result).not.toBe(map);
    expect(result.get('traceparent')).toBe(traceparent);
    expect(result.get('x-request-id')).toBe('r1');
    expect(map.size).toBe(1);
  });

  it('writes nothing outside a span or baggage', () => {
    expect(injectContext({ a: '1' })).toEqual({ a: '1' });
  });

  it('is typed by its carrier', () => {
    expectTypeOf(injectContext()).toEqualTypeOf<Record<string, string>>();
    expectTypeOf(injectContext(new Headers())).toEqualTypeOf<Headers>();
    expectTypeOf(injectContext([['a', 'b']] as Array<[string, string]>)).toEqualTypeOf<Array<[string, string]>>();
    const typed = injectContext({ retries: 3 });
    expectTypeOf(typed.retries).toEqualTypeOf<number>();
    expectTypeOf(typed.traceparent).toEqualTypeOf<string | undefined>();
    // Usable where header records are expected.
    const init: RequestInit = { headers: injectContext({ accept: 'text/plain' }) };
    const record: Record<string, string> = injectContext({ accept: 'text/plain' });
    expect([init, record]).toHaveLength(2);
  });
});

describe('withExtractedContext', () => {
  it('runs fn in the context of a plain header object, reading keys case-insensitively', () => {
    const headers = { TraceParent: TRACEPARENT, BAGGAGE: 'tenant=acme' };
    const seen = withExtractedContext(headers, () => ({
      ...activeIds(),
      tenant: propagation.getActiveBaggage()?.getEntry('tenant')?.value,
    }));
    expect(seen).toEqual({ traceId: TRACE_ID, spanId: PARENT_ID, tenant: 'acme' });
  });

  it('reads Kafka headers with Buffer values', () => {
    const headers = { traceparent: Buffer.from(TRACEPARENT), other: Buffer.from('x') };
    expect(withExtractedContext(headers, activeIds)).toEqual({ traceId: TRACE_ID, spanId: PARENT_ID });
  });

  it('reads Headers instances and arrays of pairs', () => {
    expect(withExtractedContext(new Headers({ traceparent: TRACEPARENT }), activeIds).traceId).toBe(TRACE_ID);
    expect(withExtractedContext([['Traceparent', TRACEPARENT]], activeIds).spanId).toBe(PARENT_ID);
  });

  it('reads SQS message attributes and objects with a get method', () => {
    const attributes = { traceparent: { DataType: 'String', StringValue: TRACEPARENT } };
    expect(withExtractedContext(attributes, activeIds).traceId).toBe(TRACE_ID);
    const metadataLike = {
      store: new Map([['traceparent', [TRACEPARENT]]]),
      get(key: string) {
        return this.store.get(key) ?? [];
      },
    };
    expect(withExtractedContext(metadataLike, activeIds).spanId).toBe(PARENT_ID);
  });

  it('runs in the active context when the carrier has nothing or is missing', () => {
    expect(withExtractedContext({}, activeIds)).toEqual({ traceId: undefined, spanId: undefined });
    expect(withExtractedContext(undefined, () => 'ran')).toBe('ran');
  });

  it('starts a CONSUMER span, child of the remote parent, with the given attributes', async () => {
    const result = await withExtractedContext(
      { traceparent: TRACEPARENT },
      async () => {
        await Promise.resolve();
        tracing.tracer().startActiveSpan('save', (span) => span.end());
        return 'stored';
      },
      { name: 'process orders', attributes: { 'messaging.system': 'kafka' } },
    );

    expect(result).toBe('stored');
    const consumer = spanNamed('process orders');
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.spanContext().traceId).toBe(TRACE_ID);
    expect(consumer.parentSpanContext?.spanId).toBe(PARENT_ID);
    expect(consumer.attributes['messaging.system']).toBe('kafka');
    expect(spanNamed('save').parentSpanContext?.spanId).toBe(consumer.spanContext().spanId);
  });

  it('takes the span kind as a SpanKind or a word, and records errors', () => {
    withExtractedContext({}, () => undefined, { name: 'rpc', kind: SpanKind.SERVER });
    expect(spanNamed('rpc').kind).toBe(SpanKind.SERVER);
    expect(() =>
      withExtractedContext({}, () => {
        throw new Error('poison message');
      }, { name: 'process dlq', kind: 'consumer' }),
    ).toThrow('poison message');
    expect(spanNamed('process dlq').status.code).toBe(SpanStatusCode.ERROR);
  });

  it('round-trips with injectContext', () => {
    const { result: carrier, traceparent } = insideSpan(() => injectContext());
    const ids = withExtractedContext(carrier, activeIds);
    expect(`00-${ids.traceId}-${ids.spanId}-01`).toBe(traceparent);
  });
});

describe('extractContext', () => {
  it('returns the extracted context without running anything', () => {
    const extracted = extractContext({ traceparent: TRACEPARENT });
    expect(trace.getSpanContext(extracted)?.traceId).toBe(TRACE_ID);
  });
});

describe('injectContextEnv / extractContextFromEnv', () => {
  it('returns a new env with TRACEPARENT and BAGGAGE, leaving the input untouched', () => {
    const env = { PATH: '/usr/bin' };
    const { result, traceparent } = insideSpan(() => injectContextEnv(env));
    expect(result).toEqual({ PATH: '/usr/bin', TRACEPARENT: traceparent, BAGGAGE: 'tenant=acme' });
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(result.TRACEPARENT).toMatch(TRACEPARENT_PATTERN);
  });

  it('copies process.env by default without changing it', () => {
    const before = process.env.TRACEPARENT;
    const { result } = insideSpan(() => injectContextEnv());
    expect(result).not.toBe(process.env);
    expect(result.PATH).toBe(process.env.PATH);
    expect(process.env.TRACEPARENT).toBe(before);
  });

  it('replaces inherited propagation variables as a whole when it has a context to write', () => {
    const inherited = { TRACEPARENT, TRACESTATE: 'old=1', HOME: '/root' };
    const { result, traceparent } = insideSpan(() => injectContextEnv(inherited));
    expect(result).toEqual({ TRACEPARENT: traceparent, BAGGAGE: 'tenant=acme', HOME: '/root' });
  });

  it('passes inherited variables through when there is nothing to write', () => {
    const inherited = { TRACEPARENT, HOME: '/root' };
    expect(injectContextEnv(inherited)).toEqual(inherited);
  });

  it('extracts what injectContextEnv wrote', () => {
    const { result: env, traceparent } = insideSpan(() => injectContextEnv({}));
    const extracted = extractContextFromEnv(env);
    const spanContext = trace.getSpanContext(extracted);
    expect(`00-${spanContext?.traceId}-${spanContext?.spanId}-01`).toBe(traceparent);
    expect(propagation.getBaggage(extracted)?.getEntry('tenant')?.value).toBe('acme');
  });
});
