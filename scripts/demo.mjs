// `npm run demo`: the plugin on the example service in examples/scheduled-service, on a temporary copy
// under tests/.tmp/demo (inside the repository, so the copy resolves this repository's node_modules).
// Prints the ESLint findings, the codemod's diff, and the trace trees of one run before and after.
// Each mode adds its part as another entry in `sections`. Mode 3 sends messages through RabbitMQ and
// NATS where they answer (AMQP_URL, NATS_URL; default 127.0.0.1), else through in-process stand-ins, and says which.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const require = createRequire(import.meta.url);
const { traceTrees } = require('../tests/helpers/trace-tree.cjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/codemods/cli.js');
const example = join(root, 'examples/scheduled-service');
const work = join(root, 'tests/.tmp/demo');
const original = join(work, 'original');
const rewritten = join(work, 'scheduled-service');

const color = process.env.FORCE_COLOR !== undefined ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const style = (codes) => (text) => (color ? `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m` : text);
const bold = style([1, 22]);
const dim = style([2, 22]);
const cyan = style([36, 39]);
const yellow = style([33, 39]);
const indent = (text, by = '  ') => text.replace(/^(?=.)/gm, by);

/** The server span run-once.js starts for its one request (mode 5). */
const REQUEST = 'POST /orders';
/** Spans of run-once.js's shipping quote over HTTP (mode 1): any of them puts a trace in that part. */
const SHIPPING = new Set(['storefront: shipping quote', 'GET /shipping-quote', 'GET /rates']);

/** Runs one of the example's entry points (node arguments, script last) and returns the spans it printed. */
function runEntry(dir, args, env = process.env) {
  const stdout = execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60_000, env });
  const line = stdout.split('\n').find((text) => text.startsWith('SPANS '));
  if (!line) throw new Error(`${args.at(-1)} printed no spans:\n${stdout}`);
  return JSON.parse(line.slice('SPANS '.length));
}

const runOnce = (dir) => runEntry(dir, ['run-once.js']);

/** What `eslint .` reports in the working copy, for one rule only (the formatter's stylish text). */
async function findings(ruleId) {
  const eslint = new ESLint({ cwd: rewritten, ruleFilter: (rule) => rule.ruleId === ruleId });
  const results = await eslint.lintFiles(['.']);
  for (const result of results) result.filePath = relative(rewritten, result.filePath);
  const formatter = await eslint.loadFormatter('stylish');
  const text = await formatter.format(results, { color });
  return text.trim() ? text.replace(/^(?:\u001b\[0m)?\n+/, '').trimEnd() : 'No findings.';
}

/**
 * Runs the codemod for `rule` on the working copy, and returns its summary and `git diff` from the
 * folder `from` (under `work`) to the working copy.
 */
function codemodDiff(rule, from) {
  const codemod = spawnSync(process.execPath, [cli, rule, rewritten, '--force'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: color ? '1' : '0' },
  });
  const summary = `${codemod.stdout}${codemod.stderr}`.trim();
  if (codemod.status !== 0) throw new Error(`the codemod exited with status ${codemod.status}:\n${summary}`);
  const diff = spawnSync('git', ['diff', '--no-index', `--color=${color ? 'always' : 'never'}`, '--', from, 'scheduled-service'], {
    cwd: work,
    encoding: 'utf8',
  });
  if (diff.status !== 0 && diff.status !== 1) throw new Error(`git diff failed:\n${diff.stderr}`);
  const patch = diff.stdout.replaceAll(`a/${from}/`, 'a/').replaceAll('b/scheduled-service/', 'b/');
  return [summary, patch.trim() || 'No changes.'].filter(Boolean).join('\n\n');
}

/**
 * The traces of one part of run-once.js, drawn as trees: `orders` (the `POST /orders` request),
 * `shipping` (the shipping quote over HTTP) or `jobs` (everything else: start-up and job runs).
 */
function trees(spans, part) {
  const partOf = new Map();
  for (const span of spans) {
    const found = span.name === REQUEST ? 'orders' : SHIPPING.has(span.name) ? 'shipping' : undefined;
    if (found) partOf.set(span.traceId, found);
  }
  return traceTrees(
    spans.filter((span) => (partOf.get(span.traceId) ?? 'jobs') === part),
    { color },
  );
}

/**
 * The brokers run-messages.js talks to (mode 3): the URL passed on to it, the client package it
 * imports, the in-process stand-in that replaces that package when nothing answers, and how to start one.
 */
const BROKERS = [
  {
    name: 'RabbitMQ',
    env: 'AMQP_URL',
    url: process.env.AMQP_URL ?? 'amqp://127.0.0.1',
    defaultPort: process.env.AMQP_URL?.startsWith('amqps:') ? 5671 : 5672,
    client: 'amqplib',
    destination: 'queue',
    standIn: 'broker-stand-in/amqplib.js',
    start: '`sudo apt-get install -y rabbitmq-server` or `docker run -d -p 5672:5672 rabbitmq:4`',
  },
  {
    name: 'NATS',
    env: 'NATS_URL',
    url: process.env.NATS_URL ?? '127.0.0.1:4222',
    defaultPort: 4222,
    client: '@nats-io/transport-node',
    destination: 'subject',
    standIn: 'broker-stand-in/nats.js',
    start: '`sudo apt-get install -y nats-server` or `docker run -d -p 4222:4222 nats`',
  },
];

/** Whether something accepts a TCP connection at the URL's host and port (`host:port` will do) within a second. */
function answers(url, defaultPort) {
  const { hostname, port } = new URL(url.includes('://') ? url : `tcp://${url}`);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || defaultPort), timeout: 1000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

let probed;
/** Probes every broker once: `[{ ...broker, real }]`, real when it answers (else its stand-in runs). */
function probeBrokers() {
  probed ??= Promise.all(BROKERS.map(async (broker) => ({ ...broker, real: await answers(broker.url, broker.defaultPort) })));
  return probed;
}

/** Which broker mode 3's runs use, each: at length the first time (with how to start the missing ones), in a line after that. */
function brokerNote(brokers, first) {
  const missing = brokers.filter(({ real }) => !real);
  const paint = missing.length > 0 ? yellow : (text) => text;
  if (!first) return paint(`Brokers: as above (${brokers.map(({ name, real }) => `${name} ${real ? 'real' : 'stand-in'}`).join(', ')}).`);
  const lines = brokers.map(({ name, url, client, destination, standIn, real }) =>
    real
      ? `${name}: the real broker at ${url} (${client}), with a ${destination} of its own for each run.`
      : `${name}: nothing answers at ${url}, so ${client} is replaced by the in-process stand-in ${standIn}.`,
  );
  if (missing.length > 0) {
    lines.push(
      'Stand-ins are loaded with `node --import ./broker-stand-in/register.js`. To use real brokers instead, start them, or',
      `point ${missing.map(({ env }) => env).join(' / ')} at running ones, and run \`npm run demo\` again:`,
      ...missing.map(({ name, start }) => `  ${name}: ${start}`),
    );
  }
  return paint(lines.join('\n'));
}

/** run-messages.js on the brokers that answer and stand-ins for the others: the broker note, then the traces. */
async function runMessages(dir, { first }) {
  const brokers = await probeBrokers();
  const standIns = brokers.filter(({ real }) => !real).map(({ client }) => client);
  const args = standIns.length === 0 ? ['run-messages.js'] : ['--import', './broker-stand-in/register.js', 'run-messages.js'];
  const env = { ...process.env, BROKER_STAND_INS: standIns.join(',') };
  for (const { env: name, url } of brokers) env[name] = url;
  const spans = runEntry(dir, args, env);
  return `${brokerNote(brokers, first)}\n\n${traceTrees(spans, { color })}`;
}

const sections = [
  {
    title: 'Mode 4 · scheduled-job-tracing: ESLint findings',
    intro: 'What `eslint .` reports in the example for this rule (its eslint.config.js uses traceContext.configs.recommended).',
    run: () => findings('trace-context/scheduled-job-tracing'),
  },
  {
    title: 'Mode 4 · scheduled-job-tracing: the codemod',
    intro: '`trace-context-codemod scheduled-job-tracing <copy> --force`, then `git diff` against the original.',
    async run() {
      return codemodDiff('scheduled-job-tracing', 'original');
    },
  },
  {
    title: 'Mode 4 · scheduled-job-tracing: traces of one run, before',
    intro:
      'The service starts inside a `startup` span, then each job runs once through its library (node-cron `execute()`,\n' +
      'cron `fireOnTick()`) and the poller ticks twice. Without a root span per run, runs started by a timer that was\n' +
      'armed at start-up join the start-up trace, and the others fall apart into one trace per database call.\n' +
      '(The NestJS class is linted and rewritten above but not run: @nestjs/schedule is not installed.)',
    async run() {
      return trees(runOnce(original), 'jobs');
    },
  },
  {
    title: 'Mode 4 · scheduled-job-tracing: traces of one run, after',
    intro: 'The same run on the rewritten copy: every job run is a root trace of its own, with its work inside it.',
    async run() {
      return trees(runOnce(rewritten), 'jobs');
    },
  },
  {
    title: 'Mode 5 · internal-event-tracing: ESLint findings',
    intro: 'The same `eslint .`, this rule only: listeners on the `orderEvents` bus (a Node.js EventEmitter) and a @nestjs/cqrs command handler.',
    run: () => findings('trace-context/internal-event-tracing'),
  },
  {
    title: 'Mode 5 · internal-event-tracing: the codemod',
    intro: '`trace-context-codemod internal-event-tracing <copy> --force`, then `git diff` against the copy as mode 4 left it.',
    async run() {
      rmSync(join(work, 'after-mode-4'), { recursive: true, force: true });
      cpSync(rewritten, join(work, 'after-mode-4'), { recursive: true });
      return codemodDiff('internal-event-tracing', 'after-mode-4');
    },
  },
  {
    title: 'Mode 5 · internal-event-tracing: the request trace, before',
    intro:
      'The same run handles one `POST /orders` inside a server span: the order is stored, then `order.placed` is emitted\n' +
      'on the bus. Its two listeners (stock reservation, confirmation mail) have no span: their calls hang off the request\n' +
      'span, mixed with its own, and nothing says which listener made them or how long each took.\n' +
      '(The NestJS command handler is linted and rewritten above but not run: @nestjs/cqrs is not installed.)',
    async run() {
      return trees(runOnce(original), 'orders');
    },
  },
  {
    title: 'Mode 5 · internal-event-tracing: the request trace, after',
    intro: 'The rewritten copy: each listener runs in a child span named after the event, with its own calls inside it.',
    async run() {
      return trees(runOnce(rewritten), 'orders');
    },
  },
  {
    title: 'Mode 1 · sync-request-propagation: ESLint findings',
    intro:
      'The same `eslint .`, this rule only. The example registers its tracer by hand and its package.json lists no http or\n' +
      'undici instrumentation, so nothing injects trace headers into outbound calls or reads them in its servers.',
    run: () => findings('trace-context/sync-request-propagation'),
  },
  {
    title: 'Mode 1 · sync-request-propagation: the codemod',
    intro: '`trace-context-codemod sync-request-propagation <copy> --force`, then `git diff` against the copy as mode 5 left it.',
    async run() {
      rmSync(join(work, 'after-mode-5'), { recursive: true, force: true });
      cpSync(rewritten, join(work, 'after-mode-5'), { recursive: true });
      return codemodDiff('sync-request-propagation', 'after-mode-5');
    },
  },
  {
    title: 'Mode 1 · sync-request-propagation: the shipping quote, before',
    intro:
      'The same run then asks the HTTP API for a shipping quote from a storefront client span: the API handler calls the\n' +
      'carrier-rates service (another local server) with fetch. No headers go out and none are read, so the client, the\n' +
      'API and the rates service each end up in a trace of their own.',
    async run() {
      return trees(runOnce(original), 'shipping');
    },
  },
  {
    title: 'Mode 1 · sync-request-propagation: the shipping quote, after',
    intro:
      'The rewritten copy: fetch sends the active context (injectContext), and each server runs its handler in the context\n' +
      'it extracts from the request headers, under a SERVER span (withExtractedContext). One trace, client to database.',
    async run() {
      return trees(runOnce(rewritten), 'shipping');
    },
  },
  {
    title: 'Mode 3 · async-message-propagation: ESLint findings',
    intro:
      'The same `eslint .`, this rule only. The checkout puts each placed order on a RabbitMQ queue (amqplib); the\n' +
      "warehouse's fulfilment worker consumes it, books the shipment and announces it on NATS (@nats-io/transport-node),\n" +
      'where the shipment mailer picks it up. The package.json lists no messaging instrumentation (NATS has none), so\n' +
      'nothing writes the trace context into a message or continues it in a consumer.',
    run: () => findings('trace-context/async-message-propagation'),
  },
  {
    title: 'Mode 3 · async-message-propagation: the codemod',
    intro: '`trace-context-codemod async-message-propagation <copy> --force`, then `git diff` against the copy as mode 1 left it.',
    async run() {
      rmSync(join(work, 'after-mode-1'), { recursive: true, force: true });
      cpSync(rewritten, join(work, 'after-mode-1'), { recursive: true });
      return codemodDiff('async-message-propagation', 'after-mode-1');
    },
  },
  {
    title: 'Mode 3 · async-message-propagation: a checkout across two brokers, before',
    intro:
      'run-messages.js starts the worker and the mailer, then handles one `POST /checkout` inside a server span and waits\n' +
      "for the mail. No message carries the trace context, so the consumers' calls have no parent: each is a trace of\n" +
      'its own, with nothing tying it to the request.',
    run: () => runMessages(original, { first: true }),
  },
  {
    title: 'Mode 3 · async-message-propagation: a checkout across two brokers, after',
    intro:
      "The rewritten copy: sendToQueue and publish write the active context into the message's headers (injectContext;\n" +
      "NATS's own `headers()` carrier), and each consumer handles its message in the context it extracts from them, under\n" +
      'a CONSUMER span `process <queue or subject>` (withExtractedContext). One trace, from the request through both\n' +
      'brokers to the mail.',
    run: () => runMessages(rewritten, { first: false }),
  },
];

function prepare() {
  if (!existsSync(cli)) throw new Error('dist/ is missing: run `npm run build` first (`npm run demo` does).');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  // Installed the way `npm install eslint-plugin-trace-context` would, but pointing at this checkout.
  symlinkSync(root, join(work, 'node_modules/eslint-plugin-trace-context'), 'dir');
  cpSync(example, original, { recursive: true });
  cpSync(example, rewritten, { recursive: true });
}

async function main() {
  prepare();
  console.log(bold(`eslint-plugin-trace-context demo on ${relative(root, example)}`));
  console.log(dim(`(working copy: ${relative(root, rewritten)}; the original stays untouched)`));
  for (const [index, section] of sections.entries()) {
    const heading = `${index + 1}/${sections.length}  ${section.title}`;
    console.log(`\n${bold(cyan(heading))}\n${cyan('─'.repeat(heading.length))}`);
    if (section.intro) console.log(dim(section.intro) + '\n');
    console.log(indent(await section.run()));
  }
}

main().catch((error) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
