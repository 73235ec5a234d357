// Mode 3 end to end, with real brokers: producers and consumers on RabbitMQ (amqplib: publish,
// sendToQueue, consume and get), NATS (the legacy `nats` client: publish, a callback subscription and
// a `for await` subscription; @nats-io/transport-node: publish and a callback), Redis streams (ioredis xadd and xread) and BullMQ on Redis run with the
// real OpenTelemetry SDK and the W3C propagator, before and after the async-message-propagation
// codemod rewrites a copy. A request span produces; each consumer handles its message in an inner
// span of its own. Before: that span starts a trace of its own. After: it runs under a CONSUMER span
// `process <destination>` in the request's trace. BullMQ is fixed twice: with bullmq-otel among the
// dependencies (BullMQ's own telemetry route), and without it under the rule option
// allowPayloadChanges (the context rides in the job data).
import { randomBytes } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BROKERS, describeWithBrokers } from '../helpers/brokers';
import { traceTrees, type SpanRecord } from '../helpers/otel';
import { ancestry, copyProgram, ensureBuilt, lintProgram, runCodemod, runProgram, type Finding, type ProgramCopy } from './support';

const RULE = 'async-message-propagation';
const PROGRAM = join(__dirname, 'programs/message-queues');
const BULLMQ_SHARED = join(PROGRAM, 'bullmq/shared');

/** A span as the programs print it: the usual record plus its kind and links. */
type Span = SpanRecord & { kind: string; links: { traceId: string; spanId: string }[] };

/** The BullMQ variants: each gets a copy of bullmq/shared (its own package.json decides the fix). */
const BULLMQ_VARIANTS = ['native', 'payload'] as const;
/** Every program file the codemod may rewrite, relative to the program folder. */
const SOURCES = ['amqp.js', 'nats.js', 'nats-current.js', 'redis-streams.js', ...BULLMQ_VARIANTS.map((variant) => `bullmq/${variant}/thumbnails.js`)];
/**
 * The payload variant's ESLint config turns the rule on with `allowPayloadChanges` (the codemod takes
 * rule options from the project's config). It is written into the copy only: in the source tree the
 * repository's own lint would load it and report the unfixed program.
 */
const PAYLOAD_ESLINT_CONFIG = `// The rule with allowPayloadChanges: fixes may add the trace context to the job data.
import traceContext from 'eslint-plugin-trace-context';

export default [
  {
    plugins: { 'trace-context': traceContext },
    rules: { 'trace-context/${RULE}': ['error', { allowPayloadChanges: true }] },
    settings: { 'trace-context': { wrapperModule: 'eslint-plugin-trace-context/wrappers' } },
  },
];
`;

let original: ProgramCopy;
let fixed: ProgramCopy;
/** `file messageId: source line` of each finding in the unfixed program. */
let findingsBefore: string[];
let codemodOutput: string;
/** What made the codemod exit non-zero (a file it failed on), if anything. */
let codemodError: Error | undefined;
let findingsAfter: Finding[];

/** A copy of the program with bullmq/shared copied into each variant (and then removed). */
function prepareCopy(): ProgramCopy {
  const copy = copyProgram('message-queues');
  for (const variant of BULLMQ_VARIANTS) {
    for (const file of readdirSync(BULLMQ_SHARED)) cpSync(join(BULLMQ_SHARED, file), join(copy.dir, 'bullmq', variant, file));
  }
  rmSync(join(copy.dir, 'bullmq/shared'), { recursive: true });
  writeFileSync(join(copy.dir, 'bullmq/payload/eslint.config.mjs'), PAYLOAD_ESLINT_CONFIG);
  return copy;
}

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const describeFinding = (dir: string, { file, line, messageId }: Finding): string =>
  `${file} ${messageId}: ${read(dir, file).split('\n')[line - 1]!.trim()}`;

/** Runs one entry of a program copy with a fresh suffix for its queue and subject names. */
async function runWithFreshNames(dir: string, entry: string): Promise<{ spans: Span[]; runId: string }> {
  const runId = randomBytes(4).toString('hex');
  process.env.E2E_RUN_ID = runId;
  try {
    return { spans: (await runProgram(dir, entry)) as Span[], runId };
  } finally {
    delete process.env.E2E_RUN_ID;
  }
}

/** The trace trees, with each span's links spelled out (traceTrees draws parents only). */
function trees(spans: Span[]): string {
  const names = new Map(spans.map((span) => [span.spanId, span.name]));
  const links = spans.flatMap((span) =>
    span.links.map((link) => `  ${span.name} → linked to ${names.get(link.spanId) ?? `${link.traceId}/${link.spanId}`}`),
  );
  return [traceTrees(spans, { ids: false }), ...(links.length > 0 ? ['links:', ...links] : [])].join('\n');
}

function single(spans: Span[], name: string): Span {
  const found = spans.filter((span) => span.name === name);
  expect(found, `one span named ${name}\n${trees(spans)}`).toHaveLength(1);
  return found[0]!;
}

/** Before the codemod: the request span is a root, and the consumer's inner span starts a trace of its own. */
function expectOwnTrace(spans: Span[], request: string, inner: string): void {
  const requestSpan = single(spans, request);
  expect(requestSpan.parentSpanId, trees(spans)).toBeUndefined();
  const innerSpan = single(spans, inner);
  expect(innerSpan.parentSpanId, trees(spans)).toBeUndefined();
  expect(innerSpan.traceId, trees(spans)).not.toBe(requestSpan.traceId);
  expect(innerSpan.links, trees(spans)).toEqual([]);
}

/**
 * After the codemod: the consumer's inner span runs under a CONSUMER span named `consumer`, which
 * continues the producer side: a child of the request span, or of a PRODUCER span the client's own
 * telemetry made under it.
 */
function expectContinued(spans: Span[], request: string, inner: string, consumer: string): void {
  const requestSpan = single(spans, request);
  const innerSpan = single(spans, inner);
  const [, consumerSpan, ...above] = ancestry(innerSpan, spans) as Span[];
  expect(innerSpan.traceId, trees(spans)).toBe(requestSpan.traceId);
  expect(consumerSpan?.name, trees(spans)).toBe(consumer);
  expect(consumerSpan?.kind, trees(spans)).toBe('CONSUMER');
  const producerSide = above[0]?.kind === 'PRODUCER' ? above.slice(1) : above;
  expect(producerSide.map((span) => span.spanId), trees(spans)).toEqual([requestSpan.spanId]);
}

beforeAll(async () => {
  await ensureBuilt();
  original = prepareCopy();
  fixed = prepareCopy();
  findingsBefore = (await lintProgram(original.dir, RULE)).map((finding) => describeFinding(original.dir, finding));
  // A file the codemod fails on fails its own test below; the other files are still checked.
  codemodOutput = await runCodemod(RULE, fixed.dir).catch((error: Error) => {
    codemodError = error;
    return error.message;
  });
  findingsAfter = await lintProgram(fixed.dir, RULE);
}, 120_000);

afterAll(() => {
  original?.remove();
  fixed?.remove();
});

describe('before the codemod', () => {
  it('reports every producer and every consumer, once each', () => {
    const bullmq = (variant: string) => [
      `bullmq/${variant}/thumbnails.js producerWithoutContext: await thumbnails.add('render', { imageId });`,
      `bullmq/${variant}/thumbnails.js consumerWithoutContext: return new Worker(`,
    ];
    expect([...findingsBefore].sort()).toEqual(
      [
        "amqp.js producerWithoutContext: channel.publish(ORDERS_EXCHANGE, 'order.created', body, { contentType: 'application/json' });",
        'amqp.js producerWithoutContext: channel.sendToQueue(INVOICES_QUEUE, body);',
        'amqp.js consumerWithoutContext: await channel.consume(ORDERS_QUEUE, async (msg) => {',
        'amqp.js consumerWithoutContext: const msg = await channel.get(INVOICES_QUEUE);',
        'nats.js producerWithoutContext: nc.publish(ALERTS_SUBJECT, codec.encode(text));',
        "nats-current.js producerWithoutContext: nc.publish(STOCK_SUBJECT, JSON.stringify({ sku: 'A-1', delta: -3 }));",
        'nats-current.js consumerWithoutContext: callback: (err, msg) => {',
        "redis-streams.js producerWithoutContext: await redis.xadd(PAYMENTS_STREAM, '*', 'payment', JSON.stringify(payment));",
        "redis-streams.js consumerWithoutContext: const reply = await redis.xread('COUNT', 10, 'STREAMS', PAYMENTS_STREAM, lastId);",
        'nats.js producerWithoutContext: nc.publish(AUDIT_SUBJECT, codec.encode(`alert raised: ${text}`));',
        'nats.js consumerWithoutContext: callback: (err, msg) => {',
        'nats.js consumerWithoutContext: const sub = nc.subscribe(AUDIT_SUBJECT, { max });',
        ...BULLMQ_VARIANTS.flatMap(bullmq),
      ].sort(),
    );
  });
});

describe('the codemod', () => {
  it('runs without failing on any file', () => {
    expect(codemodError?.message).toBeUndefined();
  });

  it('injects on every amqplib send and extracts in the consumer and after channel.get', () => {
    const source = read(fixed.dir, 'amqp.js');
    expect(source, codemodOutput).toContain("const { injectContext, withExtractedContext } = require('eslint-plugin-trace-context/wrappers');");
    expect(source, codemodOutput).toContain(
      "channel.publish(ORDERS_EXCHANGE, 'order.created', body, { contentType: 'application/json', headers: injectContext() });",
    );
    expect(source, codemodOutput).toContain('channel.sendToQueue(INVOICES_QUEUE, body, { headers: injectContext() });');
    // The guard stays outside: amqplib calls the handler with null when the consumer is cancelled.
    expect(source, codemodOutput).toContain('    if (!msg) return;\n    return withExtractedContext(msg.properties.headers, async () => {');
    expect(source.match(/return withExtractedContext\(msg\.properties\.headers, async \(\) => \{/g), codemodOutput).toHaveLength(2);
  });

  it('publishes NATS messages with headers and runs both subscriptions in the extracted context', () => {
    const source = read(fixed.dir, 'nats.js');
    expect(source, codemodOutput).toMatch(/const \{ connect, (StringCodec, headers|headers, StringCodec) \} = require\('nats'\);/);
    expect(source, codemodOutput).toContain('nc.publish(ALERTS_SUBJECT, codec.encode(text), { headers: injectContext(headers()) });');
    expect(source.match(/withExtractedContext\((msg|m)\??\.headers,/g), codemodOutput).toHaveLength(2);
  });

  it('imports headers from @nats-io/transport-node for the current client line', () => {
    const source = read(fixed.dir, 'nats-current.js');
    expect(source, codemodOutput).toContain("const { connect, headers } = require('@nats-io/transport-node');");
    expect(source, codemodOutput).toContain(
      "nc.publish(STOCK_SUBJECT, JSON.stringify({ sku: 'A-1', delta: -3 }), { headers: injectContext(headers()) });",
    );
    expect(source, codemodOutput).toContain('withExtractedContext(msg.headers,');
  });

  it('appends the context fields to the stream entry and books each entry read in its context', () => {
    const source = read(fixed.dir, 'redis-streams.js');
    expect(source, codemodOutput).toContain(
      "await redis.xadd(PAYMENTS_STREAM, '*', ...injectContextFields(), 'payment', JSON.stringify(payment));",
    );
    expect(source, codemodOutput).toContain('withExtractedContext(fields,');
  });

  it('gives the BullMQ queue and worker telemetry when bullmq-otel is a dependency', () => {
    const source = read(fixed.dir, 'bullmq/native/thumbnails.js');
    expect(source, codemodOutput).toContain("require('bullmq-otel')");
    expect(source.match(/telemetry: new BullMQOtel\(/g), codemodOutput).toHaveLength(2);
    expect(source, codemodOutput).not.toContain('eslint-plugin-trace-context/wrappers');
  });

  it('carries the context in the BullMQ job data under allowPayloadChanges', () => {
    const source = read(fixed.dir, 'bullmq/payload/thumbnails.js');
    expect(source, codemodOutput).toContain("await thumbnails.add('render', injectPayloadContext({ imageId }));");
    expect(source, codemodOutput).toContain('withExtractedContext(payloadContext(job.data),');
  });

  it('leaves the other modules alone, and the rule has nothing left to report', () => {
    for (const file of ['tracing.js', 'package.json', 'bullmq/native/package.json', 'bullmq/payload/package.json']) {
      expect(read(fixed.dir, file), file).toBe(read(PROGRAM, file));
    }
    expect(findingsAfter.map((finding) => describeFinding(fixed.dir, finding))).toEqual([]);
  });

  it('changes nothing when run a second time', async () => {
    const once = SOURCES.map((file) => read(fixed.dir, file));
    await runCodemod(RULE, fixed.dir);
    expect(SOURCES.map((file) => read(fixed.dir, file))).toEqual(once);
  });
});

/**
 * One broker's program before and after the codemod. `consumers` maps each consumer's inner span to
 * the destination its CONSUMER span is named after (a function of the run's name suffix).
 */
function describeProgram(entry: string, request: string, consumers: Record<string, (runId: string) => string>): void {
  describe('before the codemod', () => {
    let spans: Span[];
    beforeAll(async () => {
      ({ spans } = await runWithFreshNames(original.dir, entry));
    });
    for (const inner of Object.keys(consumers)) {
      it(`'${inner}' starts a trace of its own, apart from '${request}'`, () => expectOwnTrace(spans, request, inner));
    }
  });

  describe('after the codemod', () => {
    let spans: Span[];
    let runId: string;
    beforeAll(async () => {
      ({ spans, runId } = await runWithFreshNames(fixed.dir, entry));
    });
    for (const [inner, destination] of Object.entries(consumers)) {
      it(`'${inner}' runs under a CONSUMER span in the trace of '${request}'`, () =>
        expectContinued(spans, request, inner, `process ${destination(runId)}`));
    }
    it('makes one CONSUMER span per message, none for what is not a message (a cancel, an error)', () => {
      const consumerSpans = spans.filter((span) => span.kind === 'CONSUMER');
      expect(consumerSpans.map((span) => span.name).sort(), trees(spans)).toEqual(
        Object.values(consumers).map((destination) => `process ${destination(runId)}`).sort(),
      );
    });
  });
}

describeWithBrokers('amqplib on RabbitMQ', [BROKERS.rabbitmq], () => {
  describeProgram('amqp.js', 'POST /orders', {
    'ship order': (runId) => `e2e-shipping-${runId}`,
    'bill order': (runId) => `e2e-invoices-${runId}`,
  });
});

describeWithBrokers('nats on NATS', [BROKERS.nats], () => {
  describeProgram('nats.js', 'POST /alerts', {
    'page on-call': (runId) => `e2e.alerts.${runId}`,
    'record audit': (runId) => `e2e.audit.${runId}`,
  });
});

describeWithBrokers('@nats-io/transport-node on NATS', [BROKERS.nats], () => {
  describeProgram('nats-current.js', 'POST /stock', {
    'restock item': (runId) => `e2e.stock.${runId}`,
  });
});

describeWithBrokers('ioredis streams on Redis', [BROKERS.redis], () => {
  describeProgram('redis-streams.js', 'POST /payments', {
    'book payment': (runId) => `e2e-payments-${runId}`,
  });
});

for (const variant of BULLMQ_VARIANTS) {
  describeWithBrokers(`bullmq on Redis (${variant})`, [BROKERS.redis], () => {
    describeProgram(`bullmq/${variant}/thumbnails.js`, 'POST /images', {
      'render thumbnail': (runId) => `e2e-thumbnails-${runId}`,
    });
  });
}
