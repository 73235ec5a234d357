// Stand-ins for an instrumented database client, object store and mail API: every call is a CLIENT
// span in whatever trace is active when it runs.
import { SpanKind, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('scheduled-service/db');

const ROWS = {
  orders: [
    { id: 1041, total: 59.9 },
    { id: 1042, total: 12.5 },
  ],
  supplier_stock: [{ sku: 'TEA-01', quantity: 40 }],
};

async function clientCall(name, attributes, result) {
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      await new Promise((resolve) => setImmediate(resolve));
      return result;
    } finally {
      span.end();
    }
  });
}

export const db = {
  connect: () => clientCall('connect', { 'db.system.name': 'postgresql' }),
  select: (table) =>
    clientCall(`SELECT ${table}`, { 'db.system.name': 'postgresql', 'db.collection.name': table }, ROWS[table] ?? []),
  update: (table) => clientCall(`UPDATE ${table}`, { 'db.system.name': 'postgresql', 'db.collection.name': table }, 0),
  insert: (table, row) =>
    clientCall(`INSERT ${table}`, { 'db.system.name': 'postgresql', 'db.collection.name': table }, row),
};

export const storage = {
  put: (key) => clientCall('PutObject', { 'rpc.system': 'aws-api', 'aws.s3.key': key }),
};

export const mail = {
  send: (to) => clientCall('POST /v3/mail/send', { 'server.address': 'api.mail.example.com' }, { accepted: [to] }),
};
