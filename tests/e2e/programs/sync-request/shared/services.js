'use strict';
// Three services on loopback. Each handler starts its own SERVER span by hand, the way a service
// with a hand-registered tracer (and no http instrumentation) does, and wraps every outbound call in
// a span named after the call, so the test can tell which span was active where the call was made.
//
//   checkout  GET /checkout   fetch → pricing GET /quote, http.request → pricing POST /reserve
//   pricing   GET /quote, POST /reserve   undici request → tax GET /rate
//   tax       GET /rate
const http = require('node:http');
const { SpanKind, trace } = require('@opentelemetry/api');
const { request } = require('undici');

const tracer = trace.getTracer('sync-request-e2e/services');

/** Runs `work` in an active span called `name`, ending the span when the work settles. */
function inSpan(name, options, work) {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } finally {
      span.end();
    }
  });
}

/** POSTs JSON with node:http and resolves with the parsed JSON answer. */
function postJson(url, body) {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

function sendJson(res, value) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** Listens on an ephemeral loopback port; resolves with the server and its base URL. */
function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

function startTax() {
  const server = http.createServer(async (req, res) => {
    await inSpan(`tax ${req.method} ${req.url}`, { kind: SpanKind.SERVER }, async () => {
      sendJson(res, { rate: 0.2 });
    });
  });
  return listen(server);
}

function startPricing({ taxUrl }) {
  const server = http.createServer(async (req, res) => {
    await inSpan(`pricing ${req.method} ${req.url}`, { kind: SpanKind.SERVER }, async () => {
      const rate = await inSpan('tax rate via undici', {}, async () => {
        const { body } = await request(`${taxUrl}/rate`);
        return (await body.json()).rate;
      });
      sendJson(res, req.url === '/quote' ? { net: 100, gross: 100 * (1 + rate) } : { reserved: true, rate });
    });
  });
  return listen(server);
}

function startCheckout({ pricingUrl }) {
  const server = http.createServer(async (req, res) => {
    await inSpan(`checkout ${req.method} ${req.url}`, { kind: SpanKind.SERVER }, async () => {
      const quote = await inSpan('quote via fetch', {}, async () => {
        const response = await fetch(`${pricingUrl}/quote`);
        return response.json();
      });
      const reservation = await inSpan('reserve via http.request', {}, () => postJson(`${pricingUrl}/reserve`, { sku: 'TEA-01' }));
      sendJson(res, { quote, reservation });
    });
  });
  return listen(server);
}

/** Starts tax, pricing and checkout (in that order: each needs the next one's URL). */
async function startServices() {
  const tax = await startTax();
  const pricing = await startPricing({ taxUrl: tax.url });
  const checkout = await startCheckout({ pricingUrl: pricing.url });
  return {
    checkoutUrl: checkout.url,
    async stop() {
      for (const { server } of [checkout, pricing, tax]) {
        await new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        });
      }
    },
  };
}

module.exports = { startServices };
