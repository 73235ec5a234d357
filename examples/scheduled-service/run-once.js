// Starts the service, runs each scheduled job once through its library's own trigger (as its timer
// would), lets the inventory poller tick twice, handles one `POST /orders` request, answers one
// shipping quote over HTTP, stops, and prints the finished spans as one JSON line (`SPANS [...]`).
import { printFinishedSpans } from './src/tracing.js';

import { SpanKind, trace } from '@opentelemetry/api';

import { whenRuns } from './src/metrics.js';
import { placeOrder } from './src/orders/place-order.js';
import { startService } from './src/service.js';
import { startShippingApi } from './src/shipping/shipping-api.js';

const polled = whenRuns('inventory-poller', 2);
const service = await startService({ pollEveryMs: 10 });
await service.nightlyReport.execute();
await service.cartExpiry.fireOnTick();
await polled;
// The server span an HTTP instrumentation would start for the request.
await trace.getTracer('scheduled-service/http').startActiveSpan('POST /orders', { kind: SpanKind.SERVER }, async (span) => {
  try {
    await placeOrder({ email: 'ada@example.com', lines: [{ sku: 'TEA-01', quantity: 2 }, { sku: 'MUG-07', quantity: 1 }] });
  } finally {
    span.end();
  }
});
await service.stop();

// A storefront asks the HTTP API for a shipping quote, from the client span its own tracing starts.
const shipping = await startShippingApi();
await trace.getTracer('storefront').startActiveSpan('storefront: shipping quote', { kind: SpanKind.CLIENT }, async (span) => {
  try {
    const response = await fetch(`${shipping.url}/shipping-quote`);
    await response.json();
  } finally {
    span.end();
  }
});
await shipping.stop();

await printFinishedSpans();
