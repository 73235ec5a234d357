'use strict';
// NATS core through the legacy `nats` client. The alerting service's request span publishes an alert
// and an audit record; a pager subscribed with a callback and an audit recorder reading its
// subscription with `for await` each handle their message in a span of their own. Nothing here
// writes or reads the trace context: that is the codemod's part.
const { brokers, countdown, dumpSpans, handleRequest, runId, work } = require('./tracing.js');

const { connect, StringCodec } = require('nats');

const codec = StringCodec();

const ALERTS_SUBJECT = `e2e.alerts.${runId}`;
const AUDIT_SUBJECT = `e2e.audit.${runId}`;

let connectionPromise;

function getConnection() {
  connectionPromise ??= connect({ servers: brokers.nats });
  return connectionPromise;
}

/** The alerting service, inside its request: raises the alert and records that it did. */
async function raiseAlert(text) {
  const nc = await getConnection();
  nc.publish(ALERTS_SUBJECT, codec.encode(text));
  nc.publish(AUDIT_SUBJECT, codec.encode(`alert raised: ${text}`));
}

/** The pager: every alert is handled in a 'page on-call' span. */
async function startPager(paged) {
  const nc = await getConnection();
  nc.subscribe(ALERTS_SUBJECT, {
    callback: (err, msg) => {
      if (err) {
        console.error(err);
        return;
      }
      work('page on-call', { 'alert.text': codec.decode(msg.data) }).then(paged);
    },
  });
}

/** The audit recorder: reads `max` records from its subscription, each in a 'record audit' span. */
async function recordAudit(max) {
  const nc = await getConnection();
  const sub = nc.subscribe(AUDIT_SUBJECT, { max });
  for await (const m of sub) {
    await work('record audit', { 'audit.entry': codec.decode(m.data) });
  }
}

async function main() {
  const paging = countdown(1, ALERTS_SUBJECT);
  const auditing = recordAudit(1);
  await startPager(paging.done);
  // One round trip: the server has both subscriptions before anything is published.
  await (await getConnection()).flush();

  await handleRequest('POST /alerts', () => raiseAlert('disk almost full'));
  await Promise.all([paging.finished, auditing]);

  await (await getConnection()).drain();
  await dumpSpans();
}

main().catch(async (error) => {
  console.error(error);
  process.exitCode = 1;
  await (await connectionPromise)?.close().catch(() => {});
});
