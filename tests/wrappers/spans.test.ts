import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';

import { bindContext, traceHandler, traceJob, TRACER_NAME } from '../../src/wrappers/index.js';
import { setupTracing } from '../helpers/otel.js';

const tracing = setupTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

function spanNamed(name: string): ReadableSpan {
  const found = tracing.spans().filter((span) => span.name === name);
  expect(found, `exactly one span named ${name}`).toHaveLength(1);
  return found[0]!;
}

const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;

/** Runs `fn` inside an active span named `outer` and returns that span's id and trace id. */
function insideOuterSpan<T>(fn: () => T): { result: T; spanId: string; traceId: string } {
  return tracing.tracer().startActiveSpan('outer', (outer) => {
    try {
      const result = fn();
      return { result, ...outer.spanContext() };
    } finally {
      outer.end();
    }
  });
}

describe('traceJob', () => {
  it('starts a new root span even when called inside another span', () => {
    const job = traceJob('nightly', () => 'done');
    const outer = insideOuterSpan(() => job());

    expect(outer.result).toBe('done');
    const span = spanNamed('nightly');
    expect(parentOf(span)).toBeUndefined();
    expect(span.spanContext().traceId).not.toBe(outer.traceId);
    expect(span.kind).toBe(SpanKind.INTERNAL);
    expect(span.instrumentationScope.name).toBe(TRACER_NAME);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('starts a separate trace for every call', async () => {
    const job = traceJob('tick', async () => {});
    await job();
    await job();

    const ticks = tracing.spans().filter((span) => span.name === 'tick');
    expect(ticks).toHaveLength(2);
    expect(ticks[0]!.spanContext().traceId).not.toBe(ticks[1]!.spanContext().traceId);
  });

  it('makes its span active, so spans started inside are its children', async () => {
    const job = traceJob('report', async () => {
      await Promise.resolve();
      tracing.tracer().startActiveSpan('query', (inner) => inner.end());
    });
    await insideOuterSpan(() => job()).result;

    const root = spanNamed('report');
    const query = spanNamed('query');
    expect(parentOf(query)).toBe(root.spanContext().spanId);
    expect(query.spanContext().traceId).toBe(root.spanContext().traceId);
  });

  it('does not carry baggage from the registration context into the job', () => {
    let seen: string | undefined = 'not run';
    const job = traceJob('clean', () => {
      seen = propagation.getActiveBaggage()?.getEntry('tenant')?.value;
    });
    const withBaggage = propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage({ tenant: { value: 'a' } }));
    context.with(withBaggage, () => job());
    expect(seen).toBeUndefined();
  });

  it('ends the span when a synchronous job returns', () => {
    const job = traceJob('sync', (a: number, b: number) => a + b);
    expect(job(2, 3)).toBe(5);
    expect(spanNamed('sync').ended).toBe(true);
  });

  it('ends the span only after the promise settles, and returns the same promise', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const pending = gate.then(() => 42);
    const job = traceJob('async', () => pending);

    const returned = job();
    expect(returned).toBe(pending);
    expect(tracing.spans()).toHaveLength(0);
    release();
    expect(await returned).toBe(42);
    expect(spanNamed('async').ended).toBe(true);
  });

  it('records a thrown error, sets ERROR status, ends the span and rethrows', () => {
    class JobFailed extends Error {}
    const job = traceJob('boom', () => {
      throw new JobFailed('disk full');
    });

    expect(() => job()).toThrow('disk full');
    const span = spanNamed('boom');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'disk full' });
    expect(span.attributes['error.type']).toBe('JobFailed');
    const exception = span.events.find((event) => event.name === 'exception');
    expect(exception?.attributes?.['exception.message']).toBe('disk full');
  });

  it('records a rejection, sets ERROR status, ends the span and rejects', async () => {
    const job = traceJob('reject', async () => {
      await Promise.resolve();
      throw new TypeError('bad row');
    });

    await expect(job()).rejects.toThrow('bad row');
    const span = spanNamed('reject');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('TypeError');
    expect(span.events.map((event) => event.name)).toContain('exception');
  });

  it('records a thrown non-Error value', () => {
    const job = traceJob('odd', () => {
      throw 'just a string';
    });
    expect(() => job()).toThrow('just a string');
    const span = spanNamed('odd');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'just a string' });
    expect(span.attributes['error.type']).toBe('_OTHER');
  });

  it('follows a non-native thenable once and returns a promise of its outcome', async () => {
    let thenCalls = 0;
    const thenable = {
      then(resolve: (value: string) => void) {
        thenCalls += 1;
        resolve('rows');
      },
    };
    const job = traceJob('query', () => thenable);
    const result: unknown = job();
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toBe('rows');
    expect(thenCalls).toBe(1);
    expect(spanNamed('query').ended).toBe(true);
  });

  it('passes this and the arguments through', () => {
    const service = {
      prefix: 'job:',
      run(this: { prefix: string }, id: string, attempt: number) {
        return `${this.prefix}${id}#${attempt}`;
      },
    };
    const traced = { prefix: 'traced:', run: traceJob('run', service.run) };
    expect(traced.run('a', 2)).toBe('traced:a#2');
    expect(traceJob('call', service.run).call(service, 'b', 1)).toBe('job:b#1');
  });

  it('keeps length and name of the wrapped function', () => {
    function processQueue(job: unknown, done: () => void): void {
      void job;
      done();
    }
    const wrapped = traceJob('queue', processQueue);
    expect(wrapped.length).toBe(2);
    expect(wrapped.name).toBe('processQueue');
    const arrow = traceJob('x', async (_a: number, _b: number, _c: number) => {});
    expect(arrow.length).toBe(3);
    expect(arrow.name).toBe('');
  });

  it('stays an async function when the job is one, and a plain function otherwise', () => {
    const tag = (value: unknown) => Object.prototype.toString.call(value);
    expect(tag(traceJob('a', async () => {}))).toBe('[object AsyncFunction]');
    expect(tag(traceJob('s', () => {}))).toBe('[object Function]');
  });

  it('names the span after the function when the name is empty', () => {
    traceJob('', function cleanup() {})();
    expect(spanNamed('cleanup').name).toBe('cleanup');
  });

  it('takes span kind and attributes', () => {
    traceJob('sweep', () => {}, { kind: 'consumer', attributes: { 'job.schedule': '*/5 * * * *' } })();
    const span = spanNamed('sweep');
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.attributes['job.schedule']).toBe('*/5 * * * *');
  });

  it('rejects what is not a function', () => {
    expect(() => traceJob('x', './task.js' as unknown as () => void)).toThrow(TypeError);
  });

  it('has the type of the wrapped function', () => {
    const job = traceJob('typed', async (id: string, count?: number) => ({ id, count }));
    expectTypeOf(job).toEqualTypeOf<(id: string, count?: number) => Promise<{ id: string; count: number | undefined }>>();
    expectTypeOf(traceHandler('h', (n: number) => n * 2)).toEqualTypeOf<(n: number) => number>();
    expectTypeOf(bindContext(function (this: Date, n: number) {
      return this.getTime() + n;
    })).toEqualTypeOf<(this: Date, n: number) => number>();
  });
});

describe('traceHandler', () => {
  it('starts a child span of the span active at the call', () => {
    const handler = traceHandler('order.created', (id: string) => `handled ${id}`);
    const outer = insideOuterSpan(() => handler('o-1'));

    expect(outer.result).toBe('handled o-1');
    const span = spanNamed('order.created');
    expect(parentOf(span)).toBe(outer.spanId);
    expect(span.spanContext().traceId).toBe(outer.traceId);
    expect(span.kind).toBe(SpanKind.INTERNAL);
  });

  it('starts a root span when nothing is active', () => {
    traceHandler('lonely', () => {})();
    expect(parentOf(spanNamed('lonely'))).toBeUndefined();
  });

  it('records a rejection and keeps this, arguments, length and name', async () => {
    const target = {
      factor: 3,
      async handle(this: { factor: number }, value: number) {
        if (value < 0) throw new RangeError('negative');
        return value * this.factor;
      },
    };
    const wrapped = traceHandler('handle', target.handle);
    expect(wrapped.length).toBe(1);
    expect(wrapped.name).toBe('handle');
    expect(await wrapped.call(target, 2)).toBe(6);
    await expect(wrapped.call(target, -1)).rejects.toThrow('negative');

    const spans = tracing.spans().filter((span) => span.name === 'handle');
    expect(spans.map((span) => span.status.code)).toEqual([SpanStatusCode.UNSET, SpanStatusCode.ERROR]);
  });
});

describe('bindContext', () => {
  it('runs the function in the context active when it was bound', async () => {
    let bound!: (label: string) => string | undefined;
    const outer = insideOuterSpan(() => {
      bound = bindContext((label: string) => {
        tracing.tracer().startActiveSpan(label, (span) => span.end());
        return trace.getActiveSpan()?.spanContext().spanId;
      });
    });

    // Called later, outside any span, from another asynchronous turn.
    const activeId = await new Promise<string | undefined>((resolve) => setImmediate(() => resolve(bound('later'))));
    expect(activeId).toBe(outer.spanId);
    expect(parentOf(spanNamed('later'))).toBe(outer.spanId);
  });

  it('keeps this, arguments, length, name and async-ness', async () => {
    const holder = {
      base: 10,
      async add(this: { base: number }, a: number, b: number) {
        return this.base + a + b;
      },
    };
    const bound = bindContext(holder.add);
    expect(bound.length).toBe(2);
    expect(bound.name).toBe('add');
    expect(Object.prototype.toString.call(bound)).toBe('[object AsyncFunction]');
    expect(await bound.call(holder, 1, 2)).toBe(13);
  });
});
