/**
 * Message carriers that are not plain header maps: SQS/SNS message attributes, Redis stream field
 * lists, and the trace context carried inside a job's or an envelope's payload.
 *
 * @packageDocumentation
 */
import { context, diag } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';

import { injectContext, sameKey } from './carriers.js';
import type { TraceContextFields } from './carriers.js';

/** An SQS/SNS message attribute holding text, as the propagation fields are written. */
export type StringMessageAttribute = {
  /** Always `String`. */
  DataType: 'String';
  /** The field's value, e.g. the `traceparent` header value. */
  StringValue: string;
};

/**
 * The attributes {@link injectMessageAttributes} adds. (A type alias, not an interface, so that the
 * result stays assignable to `Record<string, MessageAttributeValue>`.)
 */
export type TraceContextAttributes = {
  /** W3C `traceparent` of the active span. */
  traceparent?: StringMessageAttribute;
  /** W3C `tracestate`, when the span context has one. */
  tracestate?: StringMessageAttribute;
  /** W3C `baggage`, when the context has baggage. */
  baggage?: StringMessageAttribute;
};

/**
 * SQS/SNS `MessageAttributes` as the AWS SDK v3 types them (`Record<string, MessageAttributeValue>`)
 * or as an object literal writes them.
 */
export type MessageAttributesLike = Readonly<Record<string, { readonly DataType?: string | undefined } | undefined>>;

/**
 * How many message attributes SQS (and SNS, for messages it delivers to SQS) accept on one message;
 * {@link injectMessageAttributes} never goes beyond it.
 *
 * @example
 * ```ts
 * const room = MAX_MESSAGE_ATTRIBUTES - Object.keys(attributes).length; // 3 fits all trace fields
 * ```
 */
export const MAX_MESSAGE_ATTRIBUTES = 10;

/** The order fields get the attributes that are left: `traceparent` first, it is what links traces. */
const FIELD_PRIORITY: readonly string[] = ['traceparent', 'tracestate', 'baggage'];

/** The propagator's fields for `ctx`, `traceparent`, `tracestate`, `baggage` first, others after. */
function orderedFields(ctx: Context): Array<[string, string]> {
  const rank = (key: string): number => {
    const index = FIELD_PRIORITY.indexOf(key.toLowerCase());
    return index === -1 ? FIELD_PRIORITY.length : index;
  };
  // Array.prototype.sort is stable: fields of equal rank keep the propagator's order.
  return Object.entries(injectContext(undefined, ctx)).sort(([a], [b]) => rank(a) - rank(b));
}

/**
 * Returns a copy of SQS/SNS `MessageAttributes` with the context active now (or `ctx`) added as
 * String attributes (`traceparent`, `tracestate`, `baggage` with the W3C propagators), in the shape
 * `SendMessageCommand`, `SendMessageBatchCommand` entries, `PublishCommand` and `PublishBatchCommand`
 * entries take: `{ DataType: 'String', StringValue }`. The input is never changed.
 *
 * SQS accepts at most 10 attributes on a message (and rejects the whole send beyond that), so the
 * fields are added in the order `traceparent`, `tracestate`, `baggage` while the total stays within
 * 10; a field that does not fit is left out, and each call that leaves one out says so once through
 * `diag.warn`. With 7 attributes of your own all three fit. An existing attribute of the same name
 * (in any letter case) is replaced, not counted twice.
 *
 * @param attributes - The message's own attributes (may be missing).
 * @param ctx - The context to inject; defaults to the active context.
 * @returns A new attributes object.
 * @example
 * ```ts
 * await sqs.send(new SendMessageCommand({
 *   QueueUrl,
 *   MessageBody: JSON.stringify(order),
 *   MessageAttributes: injectMessageAttributes({ tenant: { DataType: 'String', StringValue: tenant } }),
 * }));
 * ```
 */
export function injectMessageAttributes(attributes?: null, ctx?: Context): Record<string, StringMessageAttribute>;
export function injectMessageAttributes<T extends MessageAttributesLike>(
  attributes: T,
  ctx?: Context,
): T & TraceContextAttributes;
/** Attributes that may be absent (`input.MessageAttributes`): a copy of them, or new ones. */
export function injectMessageAttributes<T extends MessageAttributesLike>(
  attributes: T | null | undefined,
  ctx?: Context,
): (T & TraceContextAttributes) | Record<string, StringMessageAttribute>;
export function injectMessageAttributes(
  attributes?: MessageAttributesLike | null,
  ctx: Context = context.active(),
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...attributes };
  const dropped: string[] = [];
  for (const [key, value] of orderedFields(ctx)) {
    for (const existing of Object.keys(copy)) {
      if (sameKey(existing, key)) delete copy[existing];
    }
    const used = Object.values(copy).filter((attribute) => attribute !== undefined).length;
    if (used < MAX_MESSAGE_ATTRIBUTES) {
      const attribute: StringMessageAttribute = { DataType: 'String', StringValue: value };
      copy[key] = attribute;
    } else {
      dropped.push(key);
    }
  }
  if (dropped.length > 0) {
    diag.warn(
      `injectMessageAttributes: a message carries at most ${MAX_MESSAGE_ATTRIBUTES} attributes; ` +
        `left out ${dropped.join(', ')}. Fewer attributes of your own leave room for the trace context.`,
    );
  }
  return copy;
}

/**
 * Returns the context active now (or `ctx`) as a flat `[field, value, field, value…]` list, the
 * shape Redis stream entries take: spread it into ioredis `xadd` (or node-redis `sendCommand`)
 * next to the entry's own fields. Empty when there is nothing to propagate.
 *
 * @param ctx - The context to inject; defaults to the active context.
 * @returns A new array, `traceparent` first.
 * @example
 * ```ts
 * await redis.xadd('orders', '*', ...injectContextFields(), 'order', JSON.stringify(order));
 * // consumer: for (const [id, fields] of entries) withExtractedContext(fields, () => handle(fields));
 * ```
 */
export function injectContextFields(ctx: Context = context.active()): string[] {
  return orderedFields(ctx).flat();
}

/**
 * The payload field {@link injectPayloadContext} writes and {@link payloadContext} reads. Consumers
 * that validate payloads strictly, or that pass them on, can name it through this constant.
 *
 * @example
 * ```ts
 * const { [PAYLOAD_CONTEXT_FIELD]: _context, ...order } = job.data; // the data without the context
 * ```
 */
export const PAYLOAD_CONTEXT_FIELD = '_traceContext';

/** What {@link injectPayloadContext} adds to a payload. */
export type PayloadContext = {
  /** The propagation fields (`traceparent`, `tracestate`, `baggage`); empty when nothing was active. */
  [PAYLOAD_CONTEXT_FIELD]: TraceContextFields;
};

function isRecordPayload(data: unknown): data is Record<string, unknown> {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    typeof (data as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/**
 * Returns a copy of a payload object with the context active now (or `ctx`) in its
 * `_traceContext` field ({@link PAYLOAD_CONTEXT_FIELD}), for carriers that have no headers: Bull and
 * BullMQ job data, JSON envelopes sent over Redis pub/sub. The field is plain JSON, so it survives
 * the serialization these queues apply; the consumer reads it back with {@link payloadContext}.
 * An existing `_traceContext` (a payload passed on from an earlier message) is replaced, and the
 * input is never changed.
 *
 * This changes the payload every consumer sees: consumers that validate their input strictly must
 * accept the extra field. Data that is not a plain object (an array, a string, an object with
 * `toJSON` such as a `Date` or `Buffer`) has no place for the field: it is returned as it is, and
 * `diag.warn` says so.
 *
 * @param data - The job data or message envelope (may be missing: a new object is returned).
 * @param ctx - The context to inject; defaults to the active context.
 * @returns The new payload.
 * @example
 * ```ts
 * await queue.add('send-receipt', injectPayloadContext({ orderId }));
 * const worker = new Worker('receipts', (job) =>
 *   withExtractedContext(payloadContext(job.data), () => sendReceipt(job.data), {
 *     name: 'process receipts',
 *     kind: 'consumer',
 *     attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': 'receipts' },
 *   }),
 * );
 * ```
 */
export function injectPayloadContext(data?: null, ctx?: Context): PayloadContext;
export function injectPayloadContext<T extends object>(data: T, ctx?: Context): T & PayloadContext;
export function injectPayloadContext(data?: unknown, ctx: Context = context.active()): unknown {
  const fields = injectContext(undefined, ctx);
  if (data === undefined || data === null) return { [PAYLOAD_CONTEXT_FIELD]: fields };
  if (!isRecordPayload(data)) {
    diag.warn('injectPayloadContext: the payload is not a plain object; it is sent without trace context.');
    return data;
  }
  return { ...data, [PAYLOAD_CONTEXT_FIELD]: fields };
}

const payloadDecoder = new TextDecoder();

/** A payload in its parsed form: objects as they are, JSON text and bytes parsed when they hold an object. */
function parsedPayload(payload: unknown): unknown {
  const text =
    typeof payload === 'string' ? payload : payload instanceof Uint8Array ? payloadDecoder.decode(payload) : undefined;
  if (text === undefined) return payload;
  // Only an object can hold the field: skip parsing other JSON and plain text.
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads the trace context that {@link injectPayloadContext} put into a payload, for
 * {@link withExtractedContext}: from the object itself (Bull/BullMQ `job.data`), from JSON text
 * (a Redis pub/sub message) or from bytes holding JSON (a `Buffer`). Never throws: a payload
 * without the field, text that is not JSON, or anything else gives `undefined`, and
 * `withExtractedContext` then runs in the active context.
 *
 * @param payload - The job data, message text or message bytes.
 * @returns The carrier (its string fields only), or `undefined`.
 * @example
 * ```ts
 * subscriber.on('message', (channel, message) =>
 *   withExtractedContext(payloadContext(message), () => handle(JSON.parse(message)), {
 *     name: `process ${channel}`,
 *     kind: 'consumer',
 *     attributes: { 'messaging.system': 'redis', 'messaging.destination.name': channel },
 *   }),
 * );
 * ```
 */
export function payloadContext(payload: unknown): Readonly<Record<string, string>> | undefined {
  try {
    const parsed = parsedPayload(payload);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const carrier: unknown = (parsed as Record<string, unknown>)[PAYLOAD_CONTEXT_FIELD];
    if (typeof carrier !== 'object' || carrier === null || Array.isArray(carrier)) return undefined;
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(carrier)) {
      if (typeof value === 'string') fields[key] = value;
    }
    return fields;
  } catch {
    // A proxy or getter that throws: no context rather than a failed message.
    return undefined;
  }
}
