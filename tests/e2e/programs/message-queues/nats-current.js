'use strict';
// NATS core through the current client line, @nats-io/transport-node. The inventory service's
// request span publishes a stock change; the warehouse, subscribed with a callback, restocks in a
// span of its own. Nothing here writes or reads the trace context: that is the codemod's part.
const { brokers, countdown, dumpSpans, handleRequest, runId, work } = require('./tracing.js');

const { connect } = require('@nats-io/transport-node');

const STOCK_SUBJECT = `e2e.stock.${runId}`;

async function main() {
  const nc = await connect({ servers: brokers.nats });
  const restocking = countdown(1, STOCK_SUBJECT);
  nc.subscribe(STOCK_SUBJECT, {
    callback: (err, msg) => {
      if (err) {
        console.error(err);
        return;
      }
      const change = msg.json();
      work('restock item', { 'item.sku': change.sku }).then(restocking.done);
    },
  });
  // One round trip: the server has the subscription before anything is published.
  await nc.flush();

  await handleRequest('POST /stock', async () => {
    nc.publish(STOCK_SUBJECT, JSON.stringify({ sku: 'A-1', delta: -3 }));
  });
  await restocking.finished;

  await nc.drain();
  await dumpSpans();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
