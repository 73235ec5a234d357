'use strict';
// Starts the three services (outside any span), sends one GET /checkout from a client span, as a
// browser or an upstream service with tracing would, waits for the answer, stops the services and
// prints the finished spans.
const { dumpSpans } = require('./tracing.js');

const http = require('node:http');
const { SpanKind, trace } = require('@opentelemetry/api');

const { startServices } = require('./services.js');

const tracer = trace.getTracer('sync-request-e2e/client');

function getJson(url) {
  return new Promise((resolve, reject) => {
    const outgoing = http.get(url, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
  });
}

async function main() {
  const services = await startServices();
  const answer = await tracer.startActiveSpan('client GET /checkout', { kind: SpanKind.CLIENT }, async (span) => {
    try {
      return await getJson(`${services.checkoutUrl}/checkout`);
    } finally {
      span.end();
    }
  });
  if (!answer.reservation?.reserved) throw new Error(`unexpected answer: ${JSON.stringify(answer)}`);
  await services.stop();
  await dumpSpans();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
