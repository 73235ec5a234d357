// The message brokers that tests talk to over real connections, on loopback at their standard ports
// (the machine runs them; `.ci/run` installs and starts whichever does not answer). A suite that
// needs a broker is declared with `describeWithBrokers`: when the broker does not answer it is
// skipped with a message saying how to start it, except in CI, where it fails instead.
import { connect } from 'node:net';

import { describe, it } from 'vitest';

export interface Broker {
  /** Human-readable name, as in messages. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** The Debian package that provides the server. */
  readonly aptPackage: string;
  /** How to start the server by hand, in the foreground, on loopback (`.ci/run` does the same). */
  readonly start: string;
}

export const BROKERS = {
  redis: {
    name: 'Redis',
    host: '127.0.0.1',
    port: 6379,
    aptPackage: 'redis-server',
    start: 'redis-server --port 6379 --bind 127.0.0.1 --save "" --appendonly no',
  },
  rabbitmq: {
    name: 'RabbitMQ',
    host: '127.0.0.1',
    port: 5672,
    aptPackage: 'rabbitmq-server',
    start: 'sudo RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 rabbitmq-server',
  },
  nats: {
    name: 'NATS',
    host: '127.0.0.1',
    port: 4222,
    aptPackage: 'nats-server',
    start: 'nats-server -a 127.0.0.1 -p 4222 -js',
  },
} as const satisfies Record<string, Broker>;

/** Whether something accepts a TCP connection on host:port within `timeoutMs`. */
export function portAnswers(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const settle = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => settle(false));
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
  });
}

/** The brokers that do not answer on their port. */
export async function missingBrokers(brokers: readonly Broker[]): Promise<Broker[]> {
  const answers = await Promise.all(brokers.map((broker) => portAnswers(broker.host, broker.port)));
  return brokers.filter((_, index) => !answers[index]);
}

/** What to tell someone whose machine lacks these brokers: how to install and start each one. */
export function howToStart(missing: readonly Broker[]): string {
  const lines = missing.map(
    (broker) =>
      `${broker.name} does not answer on ${broker.host}:${broker.port}; start it with \`${broker.start}\`` +
      ` (Debian/Ubuntu: \`apt-get install ${broker.aptPackage}\`), or run \`bash .ci/run\`, which starts what is missing`,
  );
  return lines.join('\n');
}

/** CI never skips a broker test: `CI` is set (GitHub Actions, `.ci/run`) and not `false`/`0`. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
}

/**
 * `describe(title, body)` when every broker answers. Otherwise the suite holds one test instead of
 * `body`: skipped with the start instructions, or, in CI, failing with them.
 */
export function describeWithBrokers(title: string, brokers: readonly Broker[], body: () => void): void {
  describe(title, async () => {
    const missing = await missingBrokers(brokers);
    if (missing.length === 0) {
      body();
      return;
    }
    const message = howToStart(missing);
    if (inCi()) {
      it(`needs ${missing.map((broker) => broker.name).join(' and ')} (CI never skips broker tests)`, () => {
        throw new Error(message);
      });
      return;
    }
    it(`needs ${missing.map((broker) => broker.name).join(' and ')}`, (context) => {
      console.warn(`${title}: skipped.\n${message}`);
      context.skip(message);
    });
  });
}
