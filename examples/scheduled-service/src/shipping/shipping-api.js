// GET /shipping-quote, the service's small HTTP API. Nothing instruments node:http or fetch here (the
// tracer is registered by hand in tracing.js), so the handler starts its server span itself and asks
// the carrier-rates service for a price with fetch.
import http from 'node:http';

import { SpanKind, trace } from '@opentelemetry/api';

import { createCarrierRates } from './carrier-rates.js';

const tracer = trace.getTracer('scheduled-service/http');

function createShippingApi({ ratesUrl }) {
  return http.createServer(async (request, response) => {
    await tracer.startActiveSpan('GET /shipping-quote', { kind: SpanKind.SERVER }, async (span) => {
      try {
        const rates = await fetch(`${ratesUrl}/rates?zone=EU`);
        const { price } = await rates.json();
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ price }));
      } finally {
        span.end();
      }
    });
  });
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

function close(server) {
  return new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  });
}

// Starts the carrier-rates stand-in and the API (port 0: any free port); resolves with the API's URL.
export async function startShippingApi({ port = 0 } = {}) {
  const rates = createCarrierRates();
  const api = createShippingApi({ ratesUrl: await listen(rates, 0) });
  const url = await listen(api, port);
  return {
    url,
    async stop() {
      await close(api);
      await close(rates);
    },
  };
}
