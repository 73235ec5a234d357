// Order fulfilment over two brokers, once: starts the warehouse's fulfilment worker (a RabbitMQ
// queue) and the shipment mailer (a NATS subscription), handles one `POST /checkout` request (the
// order is placed and put on the worker's queue; the worker books the shipment and announces it on
// NATS; the mailer mails the customer), stops, and prints the finished spans as one JSON line
// (`SPANS [...]`). AMQP_URL and NATS_URL name the brokers (default: both on 127.0.0.1); each run uses
// a queue and a subject of its own. Without the brokers: `node --import ./broker-stand-in/register.js
// run-messages.js` runs it on in-process stand-ins.
import { printFinishedSpans } from './src/tracing.js';

import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

import { SpanKind, trace } from '@opentelemetry/api';

import { whenRuns } from './src/metrics.js';
import { startShipmentMailer } from './src/notifications/shipment-mailer.js';
import { connectCheckout } from './src/orders/checkout.js';
import { startFulfilmentWorker } from './src/warehouse/fulfilment-worker.js';
import { connectShipmentEvents } from './src/warehouse/shipment-events.js';

const url = process.env.AMQP_URL ?? 'amqp://127.0.0.1';
const servers = process.env.NATS_URL ?? '127.0.0.1:4222';
const run = randomBytes(3).toString('hex');
const queue = `fulfilment.${run}`;
const subject = `shipments.booked.${run}`;

const mailed = whenRuns('shipment-mail', 1);
const mailer = await startShipmentMailer({ servers, subject });
const events = await connectShipmentEvents({ servers, subject });
const worker = await startFulfilmentWorker({ url, queue, events });
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
  if ((await Promise.race([mailed, late])) === 'late') throw new Error(`no shipment mail within 10 s (queue ${queue}, subject ${subject})`);
} finally {
  await checkout.close();
  await worker.stop();
  await events.close();
  await mailer.stop();
}
await printFinishedSpans();
