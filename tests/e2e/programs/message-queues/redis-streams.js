'use strict';
// Redis streams through ioredis. The payments service's request span appends a payment event to a
// stream (xadd); the ledger reads the stream (xread) and books each entry in a span of its own.
// Nothing here writes or reads the trace context: that is the codemod's part.
const { brokers, dumpSpans, handleRequest, runId, work } = require('./tracing.js');

const Redis = require('ioredis');

const PAYMENTS_STREAM = `e2e-payments-${runId}`;

const redis = new Redis(brokers.redis);

/** The payments service, inside its request: appends the payment to the stream. */
async function recordPayment(payment) {
  await redis.xadd(PAYMENTS_STREAM, '*', 'payment', JSON.stringify(payment));
}

/** The ledger: books every entry after `lastId` in a 'book payment' span; returns how many it booked. */
async function bookPayments(lastId) {
  const reply = await redis.xread('COUNT', 10, 'STREAMS', PAYMENTS_STREAM, lastId);
  let booked = 0;
  for (const [stream, entries] of reply ?? []) {
    for (const [id, fields] of entries) {
      const payment = JSON.parse(fields[fields.indexOf('payment') + 1]);
      await work('book payment', { 'payment.id': payment.id, 'stream.entry': id, 'stream.name': stream });
      booked++;
    }
  }
  return booked;
}

async function main() {
  await handleRequest('POST /payments', () => recordPayment({ id: 'p-1', cents: 1250 }));
  // The ledger runs on its own, outside any request; the entry is already in the stream.
  const booked = await bookPayments('0');
  if (booked !== 1) throw new Error(`the ledger booked ${booked} entries of ${PAYMENTS_STREAM}, not 1`);

  await redis.del(PAYMENTS_STREAM);
  await redis.quit();
  await dumpSpans();
}

main().catch(async (error) => {
  console.error(error);
  process.exitCode = 1;
  await redis.del(PAYMENTS_STREAM).catch(() => {});
  redis.disconnect();
});
