// Stand-in for the carrier-rates service, another team's HTTP service with a tracer registered by
// hand (no http instrumentation): its handler starts its own server span.
import http from 'node:http';

import { SpanKind, trace } from '@opentelemetry/api';

import { db } from '../db.js';

const tracer = trace.getTracer('carrier-rates');

export function createCarrierRates() {
  return http.createServer(async (request, response) => {
    await tracer.startActiveSpan('GET /rates', { kind: SpanKind.SERVER }, async (span) => {
      try {
        await db.select('shipping_rates');
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ zone: 'EU', price: 4.9 }));
      } finally {
        span.end();
      }
    });
  });
}
