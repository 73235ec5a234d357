/**
 * Carrier wrappers: write the active context into outgoing headers, and run code in the context
 * read from incoming ones.
 *
 * @packageDocumentation
 */
import { context, diag, isSpanContextValid, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { Context, Link, TextMapGetter, TextMapSetter } from '@opentelemetry/api';

import { runInSpan } from './spans.js';
import type { RunInSpanOptions, SpanDetails } from './spans.js';

/**
 * The fields the W3C propagators write into a carrier. (A type alias, not an interface, so that
 * `injectContext({...})` stays assignable to `Record<string, string>` header types.)
 */
export type TraceContextFields = {
  /** W3C `traceparent` of the active span. */
  traceparent?: string;
  /** W3C `tracestate`, when the span context has one. */
  tracestate?: string;
  /** W3C `baggage`, when the context has baggage. */
  baggage?: string;
};

/** Header pairs, as `fetch` and several clients accept them. */
export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

/** The span {@link withExtractedContext} starts around its callback. */
export interface ExtractedSpanOptions extends SpanDetails {
  /** The span name, e.g. `process orders` for a message consumer. */
  name: string;
}

const isHeaders = (value: object): value is Headers => typeof Headers === 'function' && value instanceof Headers;

/** Whether two carrier keys name the same field (header names are case-insensitive). @internal */
export function sameKey(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

const recordSetter: TextMapSetter<Record<string, unknown>> = {
  set(carrier, key, value) {
    for (const existing of Object.keys(carrier)) {
      if (existing !== key && sameKey(existing, key)) delete carrier[existing];
    }
    carrier[key] = value;
  },
};

const pairsSetter: TextMapSetter<Array<[string, string]>> = {
  set(carrier, key, value) {
    for (let i = carrier.length - 1; i >= 0; i--) {
      const entry = carrier[i];
      if (entry !== undefined && sameKey(entry[0], key)) carrier.splice(i, 1);
    }
    carrier.push([key, value]);
  },
};

const mapSetter: TextMapSetter<Map<string, unknown>> = {
  set(carrier, key, value) {
    for (const existing of Array.from(carrier.keys())) {
      if (existing !== key && sameKey(existing, key)) carrier.delete(existing);
    }
    carrier.set(key, value);
  },
};

const headersSetter: TextMapSetter<Headers> = {
  set(carrier, key, value) {
    carrier.set(key, value);
  },
};

/**
 * Returns a new carrier: a copy of `carrier` with the context active now (or `ctx`) written in
 * through the globally registered propagator (`traceparent`, `tracestate`, `baggage` with the W3C
 * propagators). The input is never changed, so a shared headers constant cannot collect a stale
 * `traceparent`.
 *
 * Carriers: a plain object (a copy; an existing field with another letter case, such as
 * `Traceparent`, is replaced) — HTTP headers, Kafka and AMQP `headers`, Pub/Sub `attributes`,
 * Azure Service Bus `applicationProperties`; a `Headers` instance (a new `Headers`); an array of
 * `[key, value]` pairs (a new array); a `Map` (a new `Map`); a class with `clone()` and `set()`
 * (gRPC `Metadata`: a clone); a header class with `get`, `set`, `append` and `keys` but no
 * `clone()` (NATS `MsgHdrs` from `headers()` of `nats` or `@nats-io/transport-node`: a new
 * instance of the same class with every value and the status kept); or nothing (a new plain
 * object). For SQS/SNS message attributes use {@link injectMessageAttributes}, for Redis stream
 * entries {@link injectContextFields}.
 *
 * With no propagator registered the OpenTelemetry API writes nothing: register one (the SDK's
 * `NodeSDK` does) for headers to appear.
 *
 * @param carrier - The outgoing headers or message metadata to copy.
 * @param ctx - The context to inject; defaults to the active context.
 * @returns The new carrier.
 * @example
 * ```ts
 * await fetch(url, { headers: injectContext({ 'content-type': 'application/json' }) });
 * await producer.send({ topic, messages: [{ value, headers: injectContext() }] });
 * nc.publish('orders', payload, { headers: injectContext(headers()) });
 * ```
 */
export function injectContext(carrier?: null, ctx?: Context): Record<string, string>;
export function injectContext(carrier: Headers, ctx?: Context): Headers;
export function injectContext(carrier: HeaderPairs, ctx?: Context): Array<[string, string]>;
export function injectContext<T extends HeaderList | ClonableSetter>(carrier: T, ctx?: Context): T;
export function injectContext<V>(carrier: ReadonlyMap<string, V>, ctx?: Context): Map<string, V | string>;
export function injectContext<T extends object>(carrier: T, ctx?: Context): T & TraceContextFields;
/** A carrier that may be absent (`init?.headers`): a copy of it, or a new plain object. */
export function injectContext<T extends object>(carrier: T | null | undefined, ctx?: Context): T | Record<string, string>;
export function injectContext(carrier?: object | null, ctx: Context = context.active()): object {
  if (carrier === undefined || carrier === null) {
    const fresh: Record<string, unknown> = {};
    propagation.inject(ctx, fresh, recordSetter);
    return fresh;
  }
  if (isHeaders(carrier)) {
    const headers = new Headers(carrier);
    propagation.inject(ctx, headers, headersSetter);
    return headers;
  }
  if (Array.isArray(carrier)) {
    const pairs = (carrier as HeaderPairs).map(([key, value]): [string, string] => [key, value]);
    propagation.inject(ctx, pairs, pairsSetter);
    return pairs;
  }
  if (carrier instanceof Map) {
    const map = new Map<string, unknown>(carrier as Map<string, unknown>);
    propagation.inject(ctx, map, mapSetter);
    return map;
  }
  if (isClonableSetter(carrier)) {
    // gRPC `Metadata` and the like: a clone with the fields set through the carrier's own `set`.
    const clone = carrier.clone();
    propagation.inject(ctx, clone, clonableSetter);
    return clone;
  }
  if (isHeaderList(carrier)) {
    // Never the caller's object: without a copy, the message goes out as it was.
    const copy = copyHeaderList(carrier);
    if (copy === undefined) return carrier;
    propagation.inject(ctx, copy, headerListSetter);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(carrier as Record<string, unknown>) };
  propagation.inject(ctx, copy, recordSetter);
  return copy;
}

/**
 * A carrier class with `clone()` and `set(key, value)` (gRPC `Metadata`): {@link injectContext}
 * returns a clone of the same type.
 *
 * @example
 * ```ts
 * client.getHolder(request, injectContext(new Metadata()), callback);
 * ```
 */
export interface ClonableSetter {
  clone(): ClonableSetter;
  set(key: string, value: string): void;
}

/**
 * A multi-valued header class without `clone()`: NATS `MsgHdrs` (what `headers()` of `nats` and
 * `@nats-io/transport-node` returns), `URLSearchParams` and the like. {@link injectContext} returns
 * a new instance of the same class, typed as the input.
 *
 * @example
 * ```ts
 * const h: MsgHdrs = injectContext(headers());
 * await nc.request('orders.get', payload, { timeout: 1000, headers: h });
 * ```
 */
export interface HeaderList {
  get(key: string): unknown;
  set(key: string, value: string): void;
  append(key: string, value: string): void;
  keys(): Iterable<string>;
}

/** The optional parts of a NATS `MsgHdrs` a copy keeps: every value of a key, a status line. */
interface HeaderListDetails extends HeaderList {
  getAll?: (key: string) => unknown;
  values?: (key: string) => unknown;
  delete?: (key: string) => void;
  code?: unknown;
  description?: unknown;
}

function isHeaderList(carrier: object): carrier is HeaderListDetails {
  const candidate = carrier as Partial<HeaderList>;
  return (
    typeof candidate.get === 'function' &&
    typeof candidate.set === 'function' &&
    typeof candidate.append === 'function' &&
    typeof candidate.keys === 'function'
  );
}

/**
 * Every value stored under `key`: `getAll(key)` (`URLSearchParams`), `values(key)` when it returns
 * an array (NATS; the `values()` of other classes iterates over everything), else `get(key)`.
 */
function headerListValues(carrier: HeaderListDetails, key: string): string[] {
  let all: unknown;
  if (typeof carrier.getAll === 'function') all = carrier.getAll(key);
  else if (typeof carrier.values === 'function') all = carrier.values(key);
  if (!Array.isArray(all)) all = [carrier.get(key)];
  // Kept as they are (a FormData entry may be a Blob); only absent values are left out.
  return (all as unknown[]).filter((value) => value !== undefined && value !== null) as string[];
}

/**
 * A new instance of the carrier's own class holding the same headers, so that the client that
 * checks or serializes it (NATS encodes `MsgHdrs` itself) gets what it expects. A NATS status
 * (`headers(503, 'No Responders')`) is passed to the constructor as NATS's own classes take it.
 * `undefined` when the class cannot be built that way.
 */
function copyHeaderList(carrier: HeaderListDetails): HeaderListDetails | undefined {
  const Class = carrier.constructor as new (code?: number, description?: string) => HeaderListDetails;
  const { code, description } = carrier;
  try {
    const copy =
      typeof code === 'number' && code !== 0
        ? new Class(code, typeof description === 'string' ? description : '')
        : new Class();
    if (!isHeaderList(copy)) throw new TypeError(`new ${Class.name}() is not a headers object`);
    for (const key of new Set(Array.from(carrier.keys(), String))) {
      for (const value of headerListValues(carrier, key)) copy.append(key, value);
    }
    return copy;
  } catch (error) {
    diag.warn('injectContext: could not copy the headers object; it is sent without trace context', error);
    return undefined;
  }
}

const headerListSetter: TextMapSetter<HeaderListDetails> = {
  set(carrier, key, value) {
    if (typeof carrier.delete === 'function') {
      for (const existing of Array.from(carrier.keys(), String)) {
        if (existing !== key && sameKey(existing, key)) carrier.delete(existing);
      }
    }
    carrier.set(key, value);
  },
};

function isClonableSetter(carrier: object): carrier is ClonableSetter {
  const candidate = carrier as Partial<ClonableSetter>;
  return typeof candidate.clone === 'function' && typeof candidate.set === 'function';
}

const clonableSetter: TextMapSetter<ClonableSetter> = {
  set(carrier, key, value) {
    carrier.set(key, value);
  },
};

const textDecoder = new TextDecoder();

/**
 * Turns a carrier value into text: strings as they are, bytes (Kafka headers are Buffers) decoded
 * as UTF-8, numbers and booleans as text, SQS/SNS message attributes (`{ StringValue }`, or
 * `{ stringValue }` in SQS Lambda events, `{ Type, Value }` in SNS Lambda events and SNS
 * notifications) by their string value, arrays element by element.
 */
function carrierValueText(value: unknown): string | string[] | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return textDecoder.decode(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const texts = value.flatMap((item: unknown) => {
      const text = carrierValueText(item);
      return text === undefined ? [] : Array.isArray(text) ? text : [text];
    });
    if (texts.length === 0) return undefined;
    return texts.length === 1 ? texts[0] : texts;
  }
  if (typeof value === 'object' && value !== null) {
    const attribute = value as { StringValue?: unknown; stringValue?: unknown; Type?: unknown; Value?: unknown };
    if (typeof attribute.StringValue === 'string') return attribute.StringValue;
    if (typeof attribute.stringValue === 'string') return attribute.stringValue;
    if (typeof attribute.Type === 'string' && typeof attribute.Value === 'string') return attribute.Value;
  }
  return undefined;
}

interface GetterCarrier {
  get(key: string): unknown;
  keys?: () => Iterable<string>;
  getMap?: () => Record<string, unknown>;
}

function hasGet(value: object): value is GetterCarrier {
  return typeof (value as { get?: unknown }).get === 'function';
}

/**
 * A flat Redis stream entry, `[field, value, field, value…]`, as ioredis `xread`/`xreadgroup`
 * return it (strings, or Buffers from the `…Buffer` variants). Arrays of pairs hold arrays instead.
 */
function isFlatFieldList(carrier: readonly unknown[]): boolean {
  return (
    carrier.length > 0 && carrier.every((item) => typeof item === 'string' || item instanceof Uint8Array)
  );
}

/** The field names of a flat field list (every even position), as text. */
function flatFieldNames(carrier: readonly unknown[]): string[] {
  const names: string[] = [];
  for (let i = 0; i + 1 < carrier.length; i += 2) {
    const name = carrierValueText(carrier[i]);
    if (typeof name === 'string') names.push(name);
  }
  return names;
}

function flatFieldValue(carrier: readonly unknown[], key: string): string | string[] | undefined {
  for (let i = 0; i + 1 < carrier.length; i += 2) {
    const name = carrierValueText(carrier[i]);
    if (typeof name === 'string' && sameKey(name, key)) return carrierValueText(carrier[i + 1]);
  }
  return undefined;
}

/** `carrier.get(key)`, falling back to a key of another letter case (NATS headers are exact). */
function getterValue(carrier: GetterCarrier, key: string): string | string[] | undefined {
  const text = carrierValueText(carrier.get(key));
  if (text !== undefined && text !== '') return text;
  if (typeof carrier.keys !== 'function') return undefined;
  for (const existing of Array.from(carrier.keys(), String)) {
    if (existing !== key && sameKey(existing, key)) {
      const other = carrierValueText(carrier.get(existing));
      if (other !== undefined && other !== '') return other;
    }
  }
  return undefined;
}

/**
 * Reads any supported carrier case-insensitively: plain objects (HTTP, AMQP, Kafka, Pub/Sub, SQS
 * and SNS attributes), `Headers`, `Map`, arrays of `[key, value]` pairs, flat Redis stream field
 * lists, and objects with a `get(key)` method (gRPC `Metadata`, NATS headers).
 */
const carrierGetter: TextMapGetter<unknown> = {
  keys(carrier) {
    if (typeof carrier !== 'object' || carrier === null) return [];
    if (Array.isArray(carrier)) {
      if (isFlatFieldList(carrier)) return flatFieldNames(carrier);
      return carrier.flatMap((entry: unknown) =>
        Array.isArray(entry) && typeof entry[0] === 'string' ? [entry[0]] : [],
      );
    }
    if (isHeaders(carrier)) {
      const names: string[] = [];
      carrier.forEach((_value, name) => names.push(name));
      return names;
    }
    if (carrier instanceof Map) return Array.from(carrier.keys(), String);
    if (hasGet(carrier)) {
      if (typeof carrier.keys === 'function') return Array.from(carrier.keys(), String);
      if (typeof carrier.getMap === 'function') return Object.keys(carrier.getMap());
      return [];
    }
    return Object.keys(carrier);
  },
  get(carrier, key) {
    if (typeof carrier !== 'object' || carrier === null) return undefined;
    if (Array.isArray(carrier)) {
      if (isFlatFieldList(carrier)) return flatFieldValue(carrier, key);
      const values = carrier.flatMap((entry: unknown) =>
        Array.isArray(entry) && typeof entry[0] === 'string' && sameKey(entry[0], key) ? [entry[1] as unknown] : [],
      );
      return values.length === 0 ? undefined : carrierValueText(values.length === 1 ? values[0] : values);
    }
    if (isHeaders(carrier)) return carrier.get(key) ?? undefined;
    if (carrier instanceof Map) {
      if (carrier.has(key)) return carrierValueText(carrier.get(key));
      for (const [existing, value] of carrier) {
        if (typeof existing === 'string' && sameKey(existing, key)) return carrierValueText(value);
      }
      return undefined;
    }
    if (hasGet(carrier)) return getterValue(carrier, key);
    const record = carrier as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(record, key)) return carrierValueText(record[key]);
    for (const existing of Object.keys(record)) {
      if (sameKey(existing, key)) return carrierValueText(record[existing]);
    }
    return undefined;
  },
};

/**
 * Reads the context from an incoming carrier through the globally registered propagator and runs
 * `fn` in it; with `span`, inside a new span (kind CONSUMER unless `span.kind` says otherwise) that
 * is a child of the remote span. Use it where a message, request or job payload arrives.
 *
 * Carriers are read with case-insensitive keys: plain objects (HTTP headers, AMQP
 * `properties.headers`, Kafka headers with Buffer values, Pub/Sub `attributes`, Azure Service Bus
 * `applicationProperties`, SQS/SNS `MessageAttributes` with `{ StringValue }`, SQS Lambda records'
 * `messageAttributes` with `{ stringValue }`, SNS Lambda records' `Sns.MessageAttributes` with
 * `{ Type, Value }`), `Headers`, `Map`, arrays of `[key, value]` pairs, flat Redis stream field lists
 * `[field, value, …]` (strings or Buffers, as ioredis `xread` returns them), objects with a
 * `get(key)` method (gRPC `Metadata`, NATS `MsgHdrs`), and the result of {@link payloadContext}.
 * When the carrier holds no context, `fn` runs in the active context.
 *
 * With a span, a throw or rejection is recorded with ERROR status and rethrown, and the span ends
 * when `fn` returns or its promise settles.
 *
 * @param carrier - The incoming headers or message metadata (may be missing).
 * @param fn - The work to run in the extracted context.
 * @param span - Optional span to start: name, kind (a `SpanKind` or `'consumer'`, `'server'`, …),
 *   attributes.
 * @returns What `fn` returns.
 * @example
 * ```ts
 * await consumer.run({
 *   eachMessage: ({ topic, message }) =>
 *     withExtractedContext(message.headers, () => handle(message), {
 *       name: `process ${topic}`,
 *       kind: 'consumer',
 *       attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic },
 *     }),
 * });
 * ```
 */
export function withExtractedContext<R>(
  carrier: object | null | undefined,
  fn: () => R,
  span?: ExtractedSpanOptions,
): R {
  if (typeof fn !== 'function') throw new TypeError('withExtractedContext: expected a function to run');
  const extracted = propagation.extract(context.active(), carrier, carrierGetter);
  if (span === undefined) return context.with(extracted, fn);
  return runInSpan(span.name, consumerSpanOptions(span), extracted, () => fn());
}

/** The {@link runInSpan} options for a span described by `span`: kind CONSUMER unless it says. */
function consumerSpanOptions(span: ExtractedSpanOptions, links?: Link[]): RunInSpanOptions {
  const options: RunInSpanOptions = { defaultKind: SpanKind.CONSUMER };
  if (span.kind !== undefined) options.kind = span.kind;
  if (span.attributes !== undefined) options.attributes = span.attributes;
  if (links !== undefined) options.links = links;
  return options;
}

/**
 * Runs `fn` in a new span (kind CONSUMER unless `span.kind` says otherwise) that is a child of the
 * span active now and LINKS to the span context carried by a message. This is the shape the
 * OpenTelemetry messaging conventions give batch processing: the batch (or poll) span stays the
 * parent, and each message's own trace is reached through a link. A carrier without a valid span
 * context gives a span without links.
 *
 * Baggage carried by the message applies inside `fn` (it replaces the active baggage, as extraction
 * does); the trace parent is always the active span.
 *
 * Carriers are read as {@link withExtractedContext} reads them. A throw or rejection is recorded
 * with ERROR status and rethrown; the span ends when `fn` returns or its promise settles.
 *
 * @param carrier - The message's headers or attributes (may be missing).
 * @param fn - The work for this message.
 * @param span - The span to start: name, kind, attributes.
 * @returns What `fn` returns.
 * @example
 * ```ts
 * await consumer.run({
 *   eachBatch: async ({ batch }) => {
 *     for (const message of batch.messages) {
 *       await withLinkedContext(message.headers, () => handle(message), {
 *         name: `process ${batch.topic}`,
 *         kind: 'consumer',
 *         attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': batch.topic },
 *       });
 *     }
 *   },
 * });
 * ```
 */
export function withLinkedContext<R>(carrier: object | null | undefined, fn: () => R, span: ExtractedSpanOptions): R {
  if (typeof fn !== 'function') throw new TypeError('withLinkedContext: expected a function to run');
  const fromMessage = propagation.extract(ROOT_CONTEXT, carrier, carrierGetter);
  const remote = trace.getSpanContext(fromMessage);
  const links: Link[] = remote !== undefined && isSpanContextValid(remote) ? [{ context: remote }] : [];
  const baggage = propagation.getBaggage(fromMessage);
  const active = context.active();
  const parent = baggage === undefined ? active : propagation.setBaggage(active, baggage);
  return runInSpan(span.name, consumerSpanOptions(span, links), parent, () => fn());
}

/**
 * Reads the context from an incoming carrier without running anything, with the same carrier
 * support as {@link withExtractedContext}.
 *
 * @param carrier - The incoming headers or message metadata (may be missing).
 * @param base - The context to extract into; defaults to the active context.
 * @returns `base` with the remote span context and baggage found in the carrier, or `base` itself.
 */
export function extractContext(carrier: object | null | undefined, base: Context = context.active()): Context {
  return propagation.extract(base, carrier, carrierGetter);
}
