// Order fulfilment over RabbitMQ, once: starts the warehouse's fulfilment worker, handles one
// `POST /checkout` request (the order is placed and put on the worker's queue), waits until the worker
// has handled the message, stops, and prints the finished spans as one JSON line (`SPANS [...]`).
// AMQP_URL names the broker (default amqp://127.0.0.1); each run uses a queue of its own, which the
// broker deletes when the worker stops. Without RabbitMQ: `node --import ./broker-stand-in/register.js
// run-messages.js` runs it on an in-process stand-in.
import { printFinishedSpans } from './src/tracing.js';

import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

import { SpanKind, trace } from '@opentelemetry/api';

import { whenRuns } from './src/metrics.js';
import { connectCheckout } from './src/orders/checkout.js';
import { startFulfilmentWorker } from './src/warehouse/fulfilment-worker.js';

const url = process.env.AMQP_URL ?? 'amqp://127.0.0.1';
const queue = `fulfilment.${randomBytes(3).toString('hex')}`;

const fulfilled = whenRuns('fulfilment', 1);
const worker = await startFulfilmentWorker({ url, queue });
const checkout = await connectCheckout({ url, queue });
try {
  // The server span an HTTP instrumentation would start for the request.
  await trace.getTracer('scheduled-service/http').startActiveSpan('POST /checkout', { kind: SpanKind.SERVER }, async (span) => {
    try {
      await checkout.checkout({ email: 'grace@example.com', lines: [{ sku: 'TEA-01', quantity: 1 }, { sku: 'POT-02', quantity: 1 }] });
    } finally {
      span.end();
    }
  });
  const late = delay(10_000, 'late', { ref: false });
  if ((await Promise.race([fulfilled, late])) === 'late') throw new Error(`the worker handled nothing from ${queue} within 10 s`);
} finally {
  await checkout.close();
  await worker.stop();
}
await printFinishedSpans();
