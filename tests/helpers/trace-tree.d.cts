import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** A finished span as the e2e programs print it (JSON) and as `traceTrees` reads it. */
export interface SpanRecord {
  name: string;
  traceId: string;
  spanId: string;
  /** Absent for a root span. */
  parentSpanId?: string;
  /** Start time in epoch milliseconds (fractional). */
  startTime?: number;
  /** Status message when the span ended with ERROR status. */
  error?: string;
}

export interface TraceTreeOptions {
  /** ANSI colour (bold roots, dim headers, red errors). Default false. */
  color?: boolean;
  /** Show the first 8 hex digits of each trace id in its header. Default true. */
  ids?: boolean;
}

export declare function toSpanRecord(span: ReadableSpan | SpanRecord): SpanRecord;
export declare function traceTrees(spans: Iterable<ReadableSpan | SpanRecord>, options?: TraceTreeOptions): string;
