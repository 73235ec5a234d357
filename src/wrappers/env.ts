/**
 * Environment variables as a context carrier, for child processes: `TRACEPARENT`, `TRACESTATE` and
 * `BAGGAGE` (the propagator's field names, upper-cased, other characters replaced by `_`).
 *
 * @packageDocumentation
 */
import { context, propagation } from '@opentelemetry/api';
import type { Context, TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** An environment-like object: variable names to values. */
export type EnvLike = Record<string, string | undefined>;

/**
 * The variables the W3C propagators write into an environment carrier. (A type alias, not an
 * interface, so that it stays assignable to {@link EnvLike}.)
 */
export type ContextEnv = {
  /** W3C `traceparent` of the active span. */
  TRACEPARENT?: string;
  /** W3C `tracestate`, when the span context has one. */
  TRACESTATE?: string;
  /** W3C `baggage`, when the context has baggage. */
  BAGGAGE?: string;
};

/**
 * The environment variable name for a propagation field: `traceparent` → `TRACEPARENT`,
 * `x-b3-traceid` → `X_B3_TRACEID`.
 */
export function envVariableName(field: string): string {
  return field.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

const envSetter: TextMapSetter<EnvLike> = {
  set(env, key, value) {
    env[envVariableName(key)] = value;
  },
};

const envGetter: TextMapGetter<Readonly<EnvLike>> = {
  keys(env) {
    return Object.keys(env);
  },
  get(env, key) {
    const value = env[envVariableName(key)];
    return value === '' ? undefined : value;
  },
};

/** `process.env`, or an empty environment where there is no `process` (browsers, edge runtimes). */
function processEnv(): EnvLike {
  return (globalThis as { process?: { env?: EnvLike } }).process?.env ?? {};
}

/**
 * Returns a copy of `env` with the context active now (or `ctx`) written in as `TRACEPARENT`,
 * `TRACESTATE` and `BAGGAGE`, for the `env` option of `child_process.spawn`/`fork`/`exec` or a
 * worker. The child continues the trace with {@link extractContextFromEnv} or `traceScript`.
 *
 * `env` itself is never changed. When the context carries anything to propagate, stale propagation
 * variables in the copy are replaced as a whole; when it carries nothing (no span, no baggage), the
 * copy keeps whatever the parent process inherited, so the trace passes through. With no
 * propagator registered, nothing is written.
 *
 * @param env - The environment to copy; defaults to `process.env`.
 * @param ctx - The context to propagate; defaults to the active context.
 * @returns A new environment object.
 * @example
 * ```ts
 * spawn('node', ['worker.js'], { env: injectContextEnv() });
 * ```
 */
export function injectContextEnv<E extends EnvLike = EnvLike>(env?: E, ctx: Context = context.active()): E & ContextEnv {
  const source: EnvLike = env ?? processEnv();
  const injected: EnvLike = {};
  propagation.inject(ctx, injected, envSetter);
  const copy: EnvLike = { ...source };
  if (Object.keys(injected).length > 0) {
    for (const field of propagation.fields()) delete copy[envVariableName(field)];
    Object.assign(copy, injected);
  }
  return copy as E & ContextEnv;
}

/**
 * Reads the context a parent process passed in environment variables (`TRACEPARENT`, `TRACESTATE`,
 * `BAGGAGE`), on top of `base`. Run code in it with `context.with(extractContextFromEnv(), fn)`, or
 * use `traceScript`, which does this for its root span.
 *
 * @param env - The environment to read; defaults to `process.env`.
 * @param base - The context to extract into; defaults to the active context.
 * @returns `base` with the remote span context and baggage found in `env`, or `base` itself.
 */
export function extractContextFromEnv(env?: Readonly<EnvLike>, base: Context = context.active()): Context {
  return propagation.extract(base, env ?? processEnv(), envGetter);
}
