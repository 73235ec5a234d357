// A stand-in for an instrumented database client and object store: every call is a CLIENT span in
// whatever trace is active when it runs.
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
};

export const storage = {
  put: (key) => clientCall('PutObject', { 'rpc.system': 'aws-api', 'aws.s3.key': key }),
};
