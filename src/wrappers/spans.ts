/**
 * Span wrappers: run a function inside a span that starts when it is called and ends when it is
 * done (after its promise settles for asynchronous work).
 *
 * @packageDocumentation
 */
import { context, diag, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes, Context, Exception, Link, Span, SpanOptions } from '@opentelemetry/api';

import { extractContextFromEnv } from './env.js';

/** The instrumentation scope name of every span these wrappers start. */
export const TRACER_NAME = 'eslint-plugin-trace-context';

/** A span kind written as a word, for code that does not import `SpanKind` from the API. */
export type SpanKindName = 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** Optional details of the span a wrapper starts. */
export interface SpanDetails {
  /** The span kind: a `SpanKind` value or its lower-case name. */
  kind?: SpanKind | SpanKindName;
  /** Attributes set when the span starts (use the OpenTelemetry semantic-convention names). */
  attributes?: Attributes;
}

/**
 * Any function. The wrappers are generic over the exact function type, so a wrapped function keeps
 * its parameter, `this` and return types.
 */
export type AnyFunction = (...args: never[]) => unknown;

const KIND_BY_NAME: Readonly<Record<SpanKindName, SpanKind>> = {
  internal: SpanKind.INTERNAL,
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
};

function toSpanKind(kind: SpanKind | SpanKindName | undefined, fallback: SpanKind): SpanKind {
  if (kind === undefined) return fallback;
  return typeof kind === 'string' ? (KIND_BY_NAME[kind] ?? fallback) : kind;
}

function isExceptionLike(error: unknown): error is Exception {
  if (error instanceof Error) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { message, name } = error as { message?: unknown; name?: unknown };
  return typeof message === 'string' || typeof name === 'string';
}

function errorType(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '_OTHER';
  const ctorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof ctorName === 'string' && ctorName !== '' && ctorName !== 'Object') return ctorName;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : '_OTHER';
}

/**
 * Records `error` on `span` as an exception event, sets the `error.type` attribute and the span's
 * status to ERROR. Does not end the span.
 */
export function recordSpanError(span: Span, error: unknown): void {
  if (isExceptionLike(error)) {
    span.recordException(error);
    const message = (error as { message?: unknown }).message;
    span.setStatus(
      typeof message === 'string' && message !== ''
        ? { code: SpanStatusCode.ERROR, message }
        : { code: SpanStatusCode.ERROR },
    );
  } else {
    const text = String(error);
    span.recordException(text);
    span.setStatus({ code: SpanStatusCode.ERROR, message: text });
  }
  span.setAttribute('error.type', errorType(error));
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** What {@link runInSpan} needs to start its span. */
export interface RunInSpanOptions extends SpanDetails {
  /** Start a root span: ignore any span in the parent context. */
  root?: boolean;
  /** The kind used when `kind` is not given. Defaults to `SpanKind.INTERNAL`. */
  defaultKind?: SpanKind;
  /**
   * Links given when the span starts (so that samplers see them), e.g. to the span that produced a
   * message processed in a batch.
   */
  links?: Link[];
}

/**
 * Starts a span named `name` as a child of `parent` (or as a root), makes it active, runs `body`
 * with it, and ends it: at once for a synchronous result or throw, after settling for a promise.
 * An exception or rejection is recorded, the status set to ERROR, and the error rethrown.
 *
 * A native promise returned by `body` is returned as is (same object); another thenable is
 * followed once and replaced by a native promise with the same outcome.
 *
 * This is the building block of the other wrappers; most code wants {@link traceJob} or
 * {@link traceHandler} instead.
 */
export function runInSpan<R>(name: string, options: RunInSpanOptions, parent: Context, body: (span: Span) => R): R {
  const spanOptions: SpanOptions = { kind: toSpanKind(options.kind, options.defaultKind ?? SpanKind.INTERNAL) };
  if (options.attributes !== undefined) spanOptions.attributes = options.attributes;
  if (options.root === true) spanOptions.root = true;
  if (options.links !== undefined && options.links.length > 0) spanOptions.links = options.links;
  const span = trace.getTracer(TRACER_NAME).startSpan(name, spanOptions, parent);

  let result: R;
  try {
    result = context.with(trace.setSpan(parent, span), body, undefined, span);
  } catch (error) {
    recordSpanError(span, error);
    span.end();
    throw error;
  }
  if (!isThenable(result)) {
    span.end();
    return result;
  }
  const onFulfilled = (value: unknown): unknown => {
    span.end();
    return value;
  };
  if (result instanceof Promise) {
    // Observe without replacing: the caller keeps the very promise `body` returned, and a rejection
    // nobody handles stays unhandled exactly as it would be without the wrapper.
    result.then(onFulfilled, (error: unknown) => {
      recordSpanError(span, error);
      span.end();
    });
    return result;
  }
  // A foreign thenable may do work each time `then` is called (query builders): follow it once.
  return Promise.resolve(result).then(onFulfilled, (error: unknown) => {
    recordSpanError(span, error);
    span.end();
    throw error;
  }) as R;
}

const AsyncFunctionPrototype = Object.getPrototypeOf(async function () {}) as object;

function isAsyncFunction(fn: AnyFunction): boolean {
  return Object.getPrototypeOf(fn) === AsyncFunctionPrototype;
}

/**
 * Builds the function that replaces `fn`: it calls `invoke` with the receiver and arguments, is an
 * async function when `fn` is one (libraries tell callback styles apart that way), and has `fn`'s
 * `length` and `name` (libraries also pick callback styles by `length`).
 */
function wrapFunction<F extends AnyFunction>(fn: F, invoke: (thisArg: unknown, args: unknown[]) => unknown): F {
  const wrapped = isAsyncFunction(fn)
    ? async function (this: unknown, ...args: unknown[]): Promise<unknown> {
        return invoke(this, args);
      }
    : function (this: unknown, ...args: unknown[]): unknown {
        return invoke(this, args);
      };
  Object.defineProperty(wrapped, 'length', { value: fn.length, configurable: true });
  Object.defineProperty(wrapped, 'name', { value: fn.name, configurable: true });
  return wrapped as unknown as F;
}

function assertFunction(fn: unknown, wrapper: string): asserts fn is AnyFunction {
  if (typeof fn !== 'function') {
    throw new TypeError(`${wrapper}: expected a function to wrap, got ${fn === null ? 'null' : typeof fn}`);
  }
}

function spanNameFor(name: unknown, fn: AnyFunction, fallback: string): string {
  if (typeof name === 'string' && name !== '') return name;
  if (name !== undefined && name !== null && typeof name !== 'string') return String(name);
  return fn.name !== '' ? fn.name : fallback;
}

/**
 * Wraps a scheduled job so that every call runs in a new root span: its own trace, whatever span is
 * active where the job was registered or where the scheduler happens to call it.
 *
 * The span (kind INTERNAL unless `details.kind` says otherwise, tracer `eslint-plugin-trace-context`)
 * is active while `fn` runs, so spans started inside are its children. The job also starts from an
 * empty context, so no baggage leaks in from the registration site. A throw or rejection is recorded
 * on the span with ERROR status and rethrown. The span ends when `fn` returns or, for a promise,
 * when it settles.
 *
 * The returned function passes `this` and the arguments through, returns what `fn` returns (the same
 * promise for an async job), is async when `fn` is, and keeps `fn.length` and `fn.name`.
 *
 * @param name - The span name: the job's name (an empty string falls back to `fn.name`).
 * @param fn - The job callback.
 * @param details - Optional span kind and attributes.
 * @returns A function of the same type as `fn`.
 * @example
 * ```ts
 * cron.schedule('0 3 * * *', traceJob('nightly-report', async () => {
 *   await buildReport();
 * }));
 * ```
 */
export function traceJob<F extends AnyFunction>(name: string | symbol, fn: F, details?: SpanDetails): F {
  assertFunction(fn, 'traceJob');
  const spanName = spanNameFor(name, fn, 'job');
  const options: RunInSpanOptions = { ...details, root: true };
  return wrapFunction(fn, (thisArg, args) =>
    runInSpan(spanName, options, ROOT_CONTEXT, () => Reflect.apply(fn, thisArg, args)),
  );
}

/**
 * Wraps a handler so that every call runs in a span that is a child of the context active at the
 * call (kind INTERNAL unless `details.kind` says otherwise). Use it for in-process event, command
 * and query handlers whose work would otherwise be attributed to whichever span dispatched them.
 *
 * Errors, span end, `this`, arguments, return value, `length` and `name` behave as in
 * {@link traceJob}.
 *
 * @param name - The span name, usually the event name (a symbol is written as text; an empty string falls back to `fn.name`).
 * @param fn - The handler.
 * @param details - Optional span kind and attributes.
 * @returns A function of the same type as `fn`.
 * @example
 * ```ts
 * bus.on('order.created', traceHandler('order.created', (event) => sendReceipt(event)));
 * ```
 */
export function traceHandler<F extends AnyFunction>(name: string | symbol, fn: F, details?: SpanDetails): F {
  assertFunction(fn, 'traceHandler');
  const spanName = spanNameFor(name, fn, 'handler');
  const options: RunInSpanOptions = { ...details };
  return wrapFunction(fn, (thisArg, args) =>
    runInSpan(spanName, options, context.active(), () => Reflect.apply(fn, thisArg, args)),
  );
}

/**
 * Binds `fn` to the context active now (or to `ctx`): whenever and wherever it is called later, it
 * runs in that context, so spans it starts join the trace that was active when it was bound.
 *
 * Unlike `context.bind`, the result keeps `fn.length`, `fn.name` and async-ness, and passes `this`
 * and the arguments through.
 *
 * @param fn - The callback to bind.
 * @param ctx - The context to bind to; defaults to the active context.
 * @returns A function of the same type as `fn`.
 * @example
 * ```ts
 * pool.on('job-done', bindContext((result) => log(result)));
 * ```
 */
export function bindContext<F extends AnyFunction>(fn: F, ctx: Context = context.active()): F {
  assertFunction(fn, 'bindContext');
  return wrapFunction(fn, (thisArg, args) => context.with(ctx, () => Reflect.apply(fn, thisArg, args)));
}

interface FlushableProvider {
  forceFlush?: () => Promise<void>;
  getDelegate?: () => unknown;
}

async function flushGlobalTracerProvider(): Promise<void> {
  const global = trace.getTracerProvider() as FlushableProvider;
  const provider = (typeof global.getDelegate === 'function' ? global.getDelegate() : global) as FlushableProvider;
  if (typeof provider.forceFlush !== 'function') return;
  try {
    await provider.forceFlush();
  } catch (error) {
    diag.error('traceScript: flushing the tracer provider failed', error);
  }
}

/**
 * Runs a script's `main` in a root span and flushes the spans before returning, so a short-lived
 * process (a CLI, a cron-launched script, a one-off migration) is exported before it exits.
 *
 * When the process was started with `TRACEPARENT` (and optionally `TRACESTATE`, `BAGGAGE`) in its
 * environment — see {@link injectContextEnv} — the span continues that trace instead of starting a
 * new one. The span ends when `main` returns or its promise settles (errors are recorded with ERROR
 * status and rethrown), then the global tracer provider's `forceFlush` is awaited when it has one
 * (a flush failure is reported through `diag`, never thrown).
 *
 * @param name - The span name.
 * @param main - The script's body.
 * @param details - Optional span kind and attributes.
 * @returns A promise of what `main` returns.
 * @example
 * ```ts
 * await traceScript('migrate-users', async () => {
 *   await migrate();
 * });
 * ```
 */
export async function traceScript<R>(name: string, main: () => R, details?: SpanDetails): Promise<Awaited<R>> {
  assertFunction(main, 'traceScript');
  const parent = extractContextFromEnv(undefined, ROOT_CONTEXT);
  const continuesTrace = trace.getSpanContext(parent) !== undefined;
  try {
    return await runInSpan(spanNameFor(name, main, 'script'), { ...details, root: !continuesTrace }, parent, () =>
      main(),
    );
  } finally {
    await flushGlobalTracerProvider();
  }
}
