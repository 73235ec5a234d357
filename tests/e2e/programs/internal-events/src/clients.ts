// Stand-ins for an instrumented database client and a mail API client: every call is a CLIENT span
// in whatever trace is active when it starts, and settles on a later turn of the event loop.
import { SpanKind, trace, type Attributes } from '@opentelemetry/api';

const tracer = trace.getTracer('internal-events-e2e/clients');

async function clientCall<T>(name: string, attributes: Attributes, result: T): Promise<T> {
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      await new Promise((resolve) => setImmediate(resolve));
      return result;
    } finally {
      span.end();
    }
  });
}

const sql = (table: string): Attributes => ({ 'db.system.name': 'postgresql', 'db.collection.name': table });

export const db = {
  insert: <T>(table: string, row: T): Promise<T> => clientCall(`INSERT ${table}`, sql(table), row),
  update: (table: string): Promise<number> => clientCall(`UPDATE ${table}`, sql(table), 1),
};

export const mail = {
  send: (to: string): Promise<{ accepted: string[] }> =>
    clientCall('POST /v3/mail/send', { 'server.address': 'mail.example.com' }, { accepted: [to] }),
};
