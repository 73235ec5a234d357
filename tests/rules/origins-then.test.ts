// Origins of `.then` callback parameters and `Promise.all` elements: a probe rule reports what the
// resolver says each `probe(x)` argument is, so every case reads as "this name stands for that value".
// The last block checks the same through async-message-propagation, the rule that needed it.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getOrigins } from '../../src/core/origins';
import rule, { type MessageIds, type Options } from '../../src/rules/async-message-propagation';
import { COMMONJS, RuleTester, fixture, lintWithRule, type LintCase } from './rule-tester';

const BARE_TS = fixture('mq-bare', 'src', 'broker.ts');
const PROBE = 'origin-probe';
const UNKNOWN = '(unknown)';

/**
 * Reports the origin key of every `probe(x)` argument, in source order. With the option `'reverse'`
 * it asks last-to-first, so a deep question comes before the shallow ones inside it.
 */
const probe: TSESLint.RuleModule<'origin', ['forward' | 'reverse']> = {
  defaultOptions: ['forward'],
  meta: {
    type: 'problem',
    docs: { description: 'origin probe' },
    messages: { origin: '{{key}}' },
    schema: [{ type: 'string', enum: ['forward', 'reverse'] }],
  },
  create(context) {
    const probes: TSESTree.Node[] = [];
    return {
      CallExpression(node) {
        const argument = node.arguments[0];
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe' && argument) probes.push(argument);
      },
      'Program:exit'() {
        const origins = getOrigins(context.sourceCode);
        const order = context.options[0] === 'reverse' ? [...probes].reverse() : probes;
        const keys = new Map(order.map((node) => [node, origins.key(node) ?? UNKNOWN]));
        for (const node of probes) context.report({ node, messageId: 'origin', data: { key: keys.get(node)! } });
      },
    };
  },
};

function originsOf(code: string, item: Partial<LintCase> = {}): string[] {
  const messages = lintWithRule(PROBE, probe as TSESLint.RuleModule<string, readonly unknown[]>, { code, ...item }, BARE_TS);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => message.message);
}

describe('origins: the first parameter of a .then callback', () => {
  it('is what the promise resolves to, link after link', () => {
    const code = `
import amqp from 'amqplib';

amqp
  .connect('amqp://rabbit')
  .then((connection) => { probe(connection); return connection.createChannel(); })
  .then((channel) => probe(channel));
`;
    expect(originsOf(code)).toEqual(['amqplib:connect.#call', 'amqplib:connect.#call.createChannel.#call']);
  });

  it('resolves inside an async callback body, through awaits and local variables', () => {
    const code = `
import amqp from 'amqplib';

amqp.connect('amqp://rabbit').then(async (connection) => {
  const channel = await connection.createChannel();
  probe(channel);
});
`;
    expect(originsOf(code)).toEqual(['amqplib:connect.#call.createChannel.#call']);
  });

  it('gives a .then chain the value its callback returns, whatever the body looks like', () => {
    const code = `
import amqp from 'amqplib';

const direct = await amqp.connect('amqp://rabbit').then((connection) => connection.createChannel());
const viaLocal = await amqp.connect('amqp://rabbit').then(async (connection) => {
  const channel = await connection.createConfirmChannel();
  return channel;
});
const unrelated = await amqp.connect('amqp://rabbit').then(() => amqp.credentials);
probe(direct);
probe(viaLocal);
probe(unrelated);
`;
    expect(originsOf(code)).toEqual([
      'amqplib:connect.#call.createChannel.#call',
      'amqplib:connect.#call.createConfirmChannel.#call',
      'amqplib:credentials',
    ]);
  });

  it('follows destructured parameters and defaults', () => {
    const code = `
import { Queue } from 'bullmq';
import amqp from 'amqplib';

const queue = new Queue('email');
queue.add('welcome', {}).then(({ data, opts: { jobId } }) => { probe(data); probe(jobId); });
amqp.connect('amqp://rabbit').then((connection = undefined) => probe(connection));
`;
    expect(originsOf(code)).toEqual([
      'bullmq:Queue.#new.add.#call.data',
      'bullmq:Queue.#new.add.#call.opts.jobId',
      'amqplib:connect.#call',
    ]);
  });

  it('works in CommonJS, on optional chains and through a TypeScript assertion on the callback', () => {
    const cjs = `
const amqp = require('amqplib');
amqp.connect('amqp://rabbit').then(function (connection) { probe(connection); });
`;
    expect(originsOf(cjs, { languageOptions: COMMONJS })).toEqual(['amqplib:connect.#call']);
    const ts = `
import amqp from 'amqplib';
amqp?.connect('amqp://rabbit').then(((connection) => probe(connection)) as (value: unknown) => void);
amqp.connect('amqp://rabbit').then(function (this: void, connection) { probe(connection); });
`;
    expect(originsOf(ts)).toEqual(['amqplib:connect.#call', 'amqplib:connect.#call']);
  });

  it('lets a type annotation on the parameter win', () => {
    const code = `
import amqp, { type Channel } from 'amqplib';

amqp.connect('amqp://rabbit').then((channel: Channel) => probe(channel));
`;
    expect(originsOf(code)).toEqual(['amqplib:Channel.#new']);
  });

  it('knows nothing of the rejection handler, other parameters, or other callbacks', () => {
    const code = `
import amqp from 'amqplib';

const pending = amqp.connect('amqp://rabbit');
pending.then(() => undefined, (error) => probe(error));
pending.then((connection, extra) => probe(extra));
pending.then((...all) => probe(all));
pending.catch((error) => probe(error));
pending.finally((nothing) => probe(nothing));
[pending].map((connection) => probe(connection));
setTimeout((connection) => probe(connection), 10, pending);
`;
    expect(originsOf(code)).toEqual(Array(7).fill(UNKNOWN));
  });

  it('knows nothing when the receiver is unknown', () => {
    const code = `
import { connect } from './local-broker';

function open() { return Math.random() > 0.5 ? 'a' : 1; }
open().then((value) => probe(value));
fetchSomething().then((value) => probe(value));
`;
    expect(originsOf(code)).toEqual([UNKNOWN, ':fetchSomething.#call']);
  });
});

describe('origins: Promise.all elements', () => {
  it('gives each name of a .then array parameter its element', () => {
    const code = `
import amqp from 'amqplib';
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ brokers: ['kafka:9092'] });
Promise.all([amqp.connect('amqp://rabbit'), kafka.producer()]).then(([connection, producer]) => {
  probe(connection);
  probe(producer);
});
Promise.all([kafka.producer(), kafka.admin()]).then(([, admin]) => probe(admin));
Promise.all([kafka.producer(), { nested: kafka.admin() }]).then(([, { nested }]) => probe(nested));
`;
    expect(originsOf(code)).toEqual([
      'amqplib:connect.#call',
      'kafkajs:Kafka.#new.producer.#call',
      'kafkajs:Kafka.#new.admin.#call',
      UNKNOWN,
    ]);
  });

  it('does the same for an awaited Promise.all destructured into variables', () => {
    const code = `
import amqp from 'amqplib';

const [connection, channel] = await Promise.all([
  amqp.connect('amqp://one'),
  amqp.connect('amqp://two').then((second) => second.createChannel()),
]);
probe(connection);
probe(channel);
`;
    expect(originsOf(code)).toEqual(['amqplib:connect.#call', 'amqplib:connect.#call.createChannel.#call']);
  });

  it('stays unknown after a spread, for other combinators and for a shadowed Promise', () => {
    const code = `
import amqp from 'amqplib';

const more = [amqp.connect('amqp://x')];
Promise.all([...more, amqp.connect('amqp://y')]).then(([first, second]) => { probe(first); probe(second); });
Promise.allSettled([amqp.connect('amqp://z')]).then(([settled]) => probe(settled));
const [raced] = await Promise.race([amqp.connect('amqp://z')]);
probe(raced);
const [plain] = [amqp.connect('amqp://z')];
probe(plain);
function local(Promise: { all(list: unknown[]): Promise<unknown[]> }) {
  Promise.all([amqp.connect('amqp://z')]).then(([shadowed]) => probe(shadowed));
}
`;
    expect(originsOf(code)).toEqual(Array(6).fill(UNKNOWN));
  });
});

describe('origins: same-file functions with TypeScript overloads', () => {
  it('follow the implementation, and a bodiless declaration stays unknown', () => {
    const code = `
import amqp from 'amqplib';

function open(url: string): Promise<unknown>;
function open(url: string, retries: number): Promise<unknown>;
function open(url: string) {
  return amqp.connect(url);
}
declare function ambient(url: string): Promise<unknown>;
probe(open('amqp://rabbit'));
probe(ambient('amqp://rabbit'));
open('amqp://rabbit').then((connection) => probe(connection));
`;
    expect(originsOf(code)).toEqual(['amqplib:connect.#call', UNKNOWN, 'amqplib:connect.#call']);
  });
});

describe('origins: .then parameters never throw and keep the depth rules', () => {
  it('survives self-references and reassigned promises', () => {
    const code = `
import amqp from 'amqplib';

const loop = Promise.resolve().then(() => loop).then((value) => probe(value));
let pending = amqp.connect('amqp://rabbit');
pending = pending.then((connection) => connection);
pending.then((value) => probe(value));
`;
    expect(originsOf(code)).toHaveLength(2);
  });

  it('answers a shallow question even after a deeper one was cut short', () => {
    const links = Array.from({ length: 40 }, (_, index) => `  .then((value${index}) => { probe(value${index}); return value${index}; })`);
    const code = `import amqp from 'amqplib';\n\namqp\n  .connect('amqp://rabbit')\n${links.join('\n')};\n`;
    const forward = originsOf(code);
    const reverse = originsOf(code, { options: ['reverse'] });
    expect(forward).toHaveLength(40);
    // Asked first-to-last each answer builds on the cached one before it; asked last-to-first the
    // deep answers are cut short, but that must not leave the shallow links unknown.
    expect(forward.every((key) => key === 'amqplib:connect.#call')).toBe(true);
    expect(reverse.slice(0, 5)).toEqual(Array(5).fill('amqplib:connect.#call'));
    expect(reverse.at(-1)).toBe(UNKNOWN);
  });
});

// ── through the rule that needed it ──────────────────────────────────────────────────────────────
const ruleTester = new RuleTester({ defaultFilenames: { ts: BARE_TS, tsx: fixture('mq-bare', 'src', 'broker.tsx') } });

const valid: ValidTestCase<Options>[] = [
  {
    name: 'a look-alike client from a local module, used through .then',
    code: `
import { connect } from './broker-stub';

connect('amqp://rabbit')
  .then((connection) => connection.createChannel())
  .then((channel) => channel.sendToQueue('audit', Buffer.from('ready')));
`,
  },
  {
    name: 'the rejection handler of an amqplib promise is not a channel',
    code: `
import amqp from 'amqplib';

amqp.connect('amqp://rabbit').then(
  () => undefined,
  (channel) => channel.sendToQueue('audit', Buffer.from('failed')),
);
`,
  },
  {
    name: 'an amqplib channel from Promise.all that already injects',
    code: `
import amqp from 'amqplib';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

Promise.all([amqp.connect('amqp://rabbit').then((connection) => connection.createChannel())]).then(([channel]) =>
  channel.sendToQueue('audit', Buffer.from('ready'), { headers: injectContext() }),
);
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'a kafkajs producer received through Promise.all(...).then with a destructured parameter',
    code: `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ brokers: ['kafka:9092'] });
Promise.all([kafka.producer(), kafka.admin()]).then(async ([producer]) => {
  await producer.connect();
  await producer.send({ topic: 'orders', messages: [{ value: 'created' }] });
});
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: 'kafkajs' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { Kafka } from 'kafkajs';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const kafka = new Kafka({ brokers: ['kafka:9092'] });
Promise.all([kafka.producer(), kafka.admin()]).then(async ([producer]) => {
  await producer.connect();
  await producer.send({ topic: 'orders', messages: [{ value: 'created', headers: injectContext() }] });
});
`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('async-message-propagation (.then parameters)', rule, { valid, invalid });
