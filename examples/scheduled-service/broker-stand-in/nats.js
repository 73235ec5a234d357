// An in-process stand-in for the part of @nats-io/transport-node this example uses, for machines
// without a NATS server: `npm run demo` loads it in place of the real package (see register.js) only
// when nothing answers on the server's port, and says so. Headers are the client's own MsgHdrs, encoded
// and decoded as on the wire; a subscription's callback runs in the async context of its connection,
// never in the publisher's, so only what the headers carry crosses over.
import { AsyncResource } from 'node:async_hooks';

import { headers, MsgHdrsImpl } from '@nats-io/transport-node';

export { headers };

/** Subscriptions of every connection of the process, by subject. */
const subscriptions = new Map();

function message(subject, data, encodedHeaders) {
  return {
    subject,
    data,
    headers: encodedHeaders ? MsgHdrsImpl.decode(encodedHeaders) : undefined,
    string: () => new TextDecoder().decode(data),
    json: () => JSON.parse(new TextDecoder().decode(data)),
  };
}

class Connection {
  // What the socket's data events would run in: the context active when the connection was opened.
  scope = new AsyncResource('StandInNatsConnection');
  subscribed = [];

  publish(subject, data = new Uint8Array(), options = {}) {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : Uint8Array.from(data);
    const encodedHeaders = options.headers?.encode();
    for (const subscription of subscriptions.get(subject) ?? []) {
      const { connection, callback } = subscription;
      setImmediate(() => connection.scope.runInAsyncScope(callback, null, null, message(subject, bytes, encodedHeaders)));
    }
  }

  subscribe(subject, { callback }) {
    const subscription = { connection: this, callback };
    subscriptions.set(subject, [...(subscriptions.get(subject) ?? []), subscription]);
    this.subscribed.push([subject, subscription]);
    return { unsubscribe: () => this.unsubscribe(subject, subscription) };
  }

  unsubscribe(subject, subscription) {
    const left = (subscriptions.get(subject) ?? []).filter((entry) => entry !== subscription);
    if (left.length > 0) subscriptions.set(subject, left);
    else subscriptions.delete(subject);
  }

  async flush() {}

  async drain() {
    for (const [subject, subscription] of this.subscribed) this.unsubscribe(subject, subscription);
  }
}

export async function connect() {
  return new Connection();
}
