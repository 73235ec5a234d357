import { Metadata } from '@grpc/grpc-js';
import { trace } from '@opentelemetry/api';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { injectContext, withExtractedContext } from '../../src/wrappers/index.js';
import { setupTracing } from '../helpers/otel.js';

const tracing = setupTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

describe('gRPC Metadata as a carrier (real @grpc/grpc-js)', () => {
  it('injectContext returns a Metadata clone with traceparent; the caller’s Metadata is untouched', () => {
    const shared = new Metadata();
    shared.set('x-tenant', 'acme');
    const { injected, traceparent } = tracing.tracer().startActiveSpan('client', (span) => {
      const { traceId, spanId } = span.spanContext();
      span.end();
      return { injected: injectContext(shared), traceparent: `00-${traceId}-${spanId}-01` };
    });
    expect(injected).toBeInstanceOf(Metadata);
    expect(injected).not.toBe(shared);
    expect(injected.get('traceparent')).toEqual([traceparent]);
    expect(injected.get('x-tenant')).toEqual(['acme']);
    expect(shared.get('traceparent')).toEqual([]);
  });

  it('withExtractedContext continues the trace carried by the Metadata under a SERVER span', () => {
    const carrier = tracing.tracer().startActiveSpan('client', (span) => {
      span.end();
      return injectContext(new Metadata());
    });
    const clientSpan = tracing.spans().find((span) => span.name === 'client')!;
    expect(withExtractedContext(carrier, () => trace.getActiveSpan() !== undefined, { name: 'getHolder', kind: 'server' })).toBe(true);
    const server = tracing.spans().find((span) => span.name === 'getHolder')!;
    expect(server.spanContext().traceId).toBe(clientSpan.spanContext().traceId);
    expect(server.parentSpanContext?.spanId).toBe(clientSpan.spanContext().spanId);
  });
});
