/**
 * Runtime wrappers that keep OpenTelemetry context flowing where code would drop it. The fixes of
 * `eslint-plugin-trace-context` import them from `eslint-plugin-trace-context/wrappers` (or from the
 * team's own copy made with `trace-context-codemod eject-wrappers`). They need only
 * `@opentelemetry/api`; register an SDK, a context manager and a propagator for them to record and
 * propagate anything.
 *
 * @packageDocumentation
 */
export { bindContext, recordSpanError, runInSpan, traceHandler, traceJob, traceScript, TRACER_NAME } from './spans.js';
export type { AnyFunction, RunInSpanOptions, SpanDetails, SpanKindName } from './spans.js';
export { extractContext, injectContext, withExtractedContext, withLinkedContext } from './carriers.js';
export type { ClonableSetter, ExtractedSpanOptions, HeaderList, HeaderPairs, TraceContextFields } from './carriers.js';
export {
  injectContextFields,
  injectMessageAttributes,
  injectPayloadContext,
  MAX_MESSAGE_ATTRIBUTES,
  PAYLOAD_CONTEXT_FIELD,
  payloadContext,
} from './messages.js';
export type {
  MessageAttributesLike,
  PayloadContext,
  StringMessageAttribute,
  TraceContextAttributes,
} from './messages.js';
export { extractContextFromEnv, injectContextEnv } from './env.js';
export type { ContextEnv, EnvLike } from './env.js';
