// withLinkedContext with the real SDK 2.x: per-message spans in a batch stay children of the batch
// (poll) span and link to each message's own trace, as the messaging conventions describe batches.
import { propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { injectContext, injectContextFields, withLinkedContext } from '../../src/wrappers/index.js';
import { setupTracing } from '../helpers/otel.js';
import { deepFreeze, produce, UPSTREAM_TRACE_ID } from './message-support.js';

const tracing = setupTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const SPAN = {
  name: 'process orders',
  kind: 'consumer',
  attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' },
} as const;

function spansNamed(name: string): ReadableSpan[] {
  return tracing.spans().filter((span) => span.name === name);
}

function onlySpan(name: string): ReadableSpan {
  const found = spansNamed(name);
  expect(found, `one span named ${name}`).toHaveLength(1);
  return found[0]!;
}

/** Runs `fn` inside an active `poll` span (the batch span a consumer loop has); returns its ids. */
function inPoll<T>(fn: () => T): { result: T; traceId: string; spanId: string } {
  return tracing.tracer().startActiveSpan('poll', (span) => {
    try {
      return { result: fn(), ...span.spanContext() };
    } finally {
      span.end();
    }
  });
}

describe('withLinkedContext', () => {
  it('starts a CONSUMER span under the active span, linked to the message’s span context', () => {
    const message = produce(tracing, () => deepFreeze({ key: 'o-1', headers: injectContext() }));
    const poll = inPoll(() =>
      withLinkedContext(message.result.headers, () => {
        tracing.tracer().startActiveSpan('charge card', (inner) => inner.end());
        return propagation.getActiveBaggage()?.getEntry('tenant')?.value;
      }, SPAN),
    );

    const span = onlySpan('process orders');
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.attributes).toEqual(SPAN.attributes);
    expect(span.spanContext().traceId).toBe(poll.traceId);
    expect(span.parentSpanContext?.spanId).toBe(poll.spanId);
    expect(span.links).toHaveLength(1);
    expect(span.links[0]!.context).toMatchObject({ traceId: UPSTREAM_TRACE_ID, spanId: message.spanId, isRemote: true });
    expect(onlySpan('charge card').parentSpanContext?.spanId).toBe(span.spanContext().spanId);
    // The message's baggage applies to its own processing.
    expect(poll.result).toBe('acme');
    expect(message.traceId).not.toBe(poll.traceId);
  });

  it('one span per message in a batch, each linked to its own trace', () => {
    const messages = [1, 2, 3].map(() => produce(tracing, () => injectContextFields()));
    const poll = inPoll(() => messages.map((message) => withLinkedContext(message.result, () => 'done', SPAN)));

    expect(poll.result).toEqual(['done', 'done', 'done']);
    const processed = spansNamed('process orders');
    expect(processed).toHaveLength(3);
    for (const [index, span] of processed.entries()) {
      expect(span.parentSpanContext?.spanId).toBe(poll.spanId);
      expect(span.links.map((link) => link.context.spanId)).toEqual([messages[index]!.spanId]);
    }
  });

  it('no link when the carrier holds no valid span context', () => {
    const carriers: Array<object | null | undefined> = [
      undefined,
      null,
      {},
      { traceparent: 'garbage' },
      { traceparent: '00-00000000000000000000000000000000-0000000000000000-01' },
    ];
    const poll = inPoll(() => carriers.forEach((carrier) => withLinkedContext(carrier, () => undefined, SPAN)));
    const processed = spansNamed('process orders');
    expect(processed).toHaveLength(carriers.length);
    for (const span of processed) {
      expect(span.links).toEqual([]);
      expect(span.parentSpanContext?.spanId).toBe(poll.spanId);
    }
  });

  it('without an active span the span is a root of its own trace, still linked', () => {
    const message = produce(tracing, () => injectContext());
    withLinkedContext(message.result, () => undefined, { name: 'process orders' });
    const span = onlySpan('process orders');
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.spanContext().traceId).not.toBe(message.traceId);
    expect(span.links[0]!.context.traceId).toBe(message.traceId);
    expect(span.kind).toBe(SpanKind.CONSUMER);
  });

  it('honours another kind', () => {
    withLinkedContext({}, () => undefined, { name: 'process orders', kind: 'internal' });
    expect(onlySpan('process orders').kind).toBe(SpanKind.INTERNAL);
  });

  it('records a throw with ERROR status, ends the span and rethrows', () => {
    const failure = new TypeError('bad order');
    expect(() =>
      withLinkedContext({}, () => {
        throw failure;
      }, SPAN),
    ).toThrow(failure);
    const span = onlySpan('process orders');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'bad order' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
    expect(span.attributes['error.type']).toBe('TypeError');
  });

  it('ends an async span only after its promise settles, and records a rejection', async () => {
    let finish: (value: string) => void = () => undefined;
    const pending = withLinkedContext({}, () => new Promise<string>((resolve) => (finish = resolve)), SPAN);
    await Promise.resolve();
    expect(spansNamed('process orders')).toHaveLength(0);
    finish('ok');
    await expect(pending).resolves.toBe('ok');
    expect(onlySpan('process orders').status.code).toBe(SpanStatusCode.UNSET);

    tracing.reset();
    await expect(withLinkedContext({}, async () => Promise.reject(new Error('lost')), SPAN)).rejects.toThrow('lost');
    expect(onlySpan('process orders').status).toEqual({ code: SpanStatusCode.ERROR, message: 'lost' });
  });

  it('the active span inside is the new span; outside, the poll span is active again', () => {
    const poll = inPoll(() => {
      const inside = withLinkedContext({}, () => trace.getActiveSpan()?.spanContext().spanId, SPAN);
      return { inside, after: trace.getActiveSpan()?.spanContext().spanId };
    });
    expect(poll.result.inside).toBe(onlySpan('process orders').spanContext().spanId);
    expect(poll.result.after).toBe(poll.spanId);
  });

  it('refuses a non-function', () => {
    expect(() => withLinkedContext({}, 'nope' as unknown as () => void, SPAN)).toThrow(TypeError);
  });
});
