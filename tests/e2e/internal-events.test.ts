// Mode 5 end to end: a NestJS application context (EventEmitter2 listeners, a CQRS command handler)
// and a plain Node EventEmitter audit bus handle one `POST /orders` request under the real
// OpenTelemetry SDK, before and after the internal-event-tracing codemod rewrites a copy of it. The
// program is TypeScript compiled by tsc (decorator metadata for NestJS dependency injection).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { traceTrees, type SpanRecord } from '../helpers/otel';
import { ancestry, compileProgram, copyProgram, ensureBuilt, runCodemod, runProgram, type ProgramCopy } from './support';

const REQUEST = 'POST /orders';
const ENTRY = 'dist/main.js';

/** Handler span name (after the codemod) → the inner spans one request makes in it, in order. */
const HANDLERS: [string, string[]][] = [
  ['PlaceOrderCommand', ['INSERT orders']],
  ['order.created', ['POST /v3/mail/send']],
  ['order.created', ['UPDATE stock:TEA-01', 'UPDATE stock:MUG-07']],
  ['audit.order-placed', ['INSERT audit_log']],
];
const HANDLER_NAMES = new Set(HANDLERS.map(([name]) => name));
const INNER = HANDLERS.flatMap(([, inner]) => inner);

/** The files the codemod must rewrite (src/…), and the text each must contain afterwards. */
const REWRITTEN: Record<string, string[]> = {
  'orders/place-order.handler.ts': ["return traceHandler('PlaceOrderCommand', async () => {"],
  'notifications/notifications.listener.ts': ["return traceHandler('order.created', async () => {"],
  'inventory/inventory.listener.ts': ["return traceHandler('order.created', async () => {"],
  'audit/audit-log.ts': ["auditBus.on('audit.order-placed', traceHandler('audit.order-placed', async (entry: AuditEntry) => {"],
};
const UNTOUCHED = [
  'main.ts',
  'tracing.ts',
  'clients.ts',
  'app.module.ts',
  'audit/audit-bus.ts',
  'orders/orders.service.ts',
  'orders/order-numbers.ts',
  'orders/place-order.command.ts',
];

let copy: ProgramCopy;
let before: SpanRecord[];
let codemodOutput: string;
let after: SpanRecord[];

const byStart = (a: SpanRecord, b: SpanRecord): number => (a.startTime ?? 0) - (b.startTime ?? 0);
const childrenOf = (parent: SpanRecord, spans: SpanRecord[]): SpanRecord[] =>
  spans.filter((span) => span.parentSpanId === parent.spanId).sort(byStart);
const source = (dir: string, file: string): string => readFileSync(join(dir, 'src', file), 'utf8');

/** The request span, checked to be the single root of the single trace the run made. */
function requestOf(spans: SpanRecord[]): SpanRecord {
  const trees = traceTrees(spans, { ids: false });
  const roots = spans.filter((span) => !span.parentSpanId);
  expect(roots.map((span) => span.name), trees).toEqual([REQUEST]);
  expect(new Set(spans.map((span) => span.traceId)).size, trees).toBe(1);
  return roots[0];
}

beforeAll(async () => {
  await ensureBuilt();
  copy = copyProgram('internal-events');
  await compileProgram(copy.dir);
  before = await runProgram(copy.dir, ENTRY);
  codemodOutput = await runCodemod('internal-event-tracing', copy.dir);
  await compileProgram(copy.dir);
  after = await runProgram(copy.dir, ENTRY);
  // Two tsc builds, two program runs and a codemod run: more than the default hook timeout on a busy machine.
}, 180_000);

afterAll(() => {
  copy?.remove();
});

describe('before the codemod', () => {
  it('has one trace: the request span with every handler step directly under it', () => {
    const trees = traceTrees(before, { ids: false });
    const request = requestOf(before);
    const children = childrenOf(request, before);
    expect(children.map((span) => span.name).sort(), trees).toEqual([...INNER].sort());
    expect(before, trees).toHaveLength(1 + INNER.length);
  });

  it('has no span for any event, command or audit handler', () => {
    const trees = traceTrees(before, { ids: false });
    for (const span of before) expect(HANDLER_NAMES.has(span.name), `${span.name}\n${trees}`).toBe(false);
  });
});

describe('the codemod', () => {
  it('wrapped the command handler, both @OnEvent methods and the bus listener', () => {
    expect(codemodOutput).toMatch(/changed: 4\b/);
    for (const [file, snippets] of Object.entries(REWRITTEN)) {
      const text = source(copy.dir, file);
      expect(text, `${file}\n${codemodOutput}`).toContain("import { traceHandler } from 'eslint-plugin-trace-context/wrappers';");
      for (const snippet of snippets) expect(text, file).toContain(snippet);
    }
  });

  it('kept the command handler class whole (decorator, implements, fields, constructor)', () => {
    const text = source(copy.dir, 'orders/place-order.handler.ts');
    expect(text).toContain('@CommandHandler(PlaceOrderCommand)\nexport class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, Order> {');
    expect(text).toContain('  private readonly placed = new Map<number, Order>();\n');
    expect(text).toContain('  constructor(private readonly numbers: OrderNumbers) {}\n');
  });

  it('left the other modules alone', () => {
    const programDir = join(__dirname, 'programs/internal-events');
    for (const file of UNTOUCHED) expect(source(copy.dir, file), file).toBe(source(programDir, file));
  });

  it('changes nothing when run a second time', async () => {
    const once = Object.keys(REWRITTEN).map((file) => source(copy.dir, file));
    await runCodemod('internal-event-tracing', copy.dir);
    expect(Object.keys(REWRITTEN).map((file) => source(copy.dir, file))).toEqual(once);
  });
});

describe('after the codemod', () => {
  it('still makes one trace, rooted at the request span', () => {
    requestOf(after);
  });

  it('gives every handler a span of its own, a child of the request span', () => {
    const trees = traceTrees(after, { ids: false });
    const request = requestOf(after);
    const children = childrenOf(request, after);
    expect(children.map((span) => span.name).sort(), trees).toEqual(HANDLERS.map(([name]) => name).sort());
  });

  it("puts each handler's steps under that handler's span", () => {
    const trees = traceTrees(after, { ids: false });
    const request = requestOf(after);
    const handlerSpans = childrenOf(request, after);
    const seen = handlerSpans.map((span) => [span.name, childrenOf(span, after).map((child) => child.name)]);
    expect(seen.sort(), trees).toEqual([...HANDLERS].sort());
    for (const span of after.filter((candidate) => INNER.includes(candidate.name))) {
      const chain = ancestry(span, after).map((link) => link.name);
      expect(chain, trees).toHaveLength(3);
      expect(chain[2], trees).toBe(REQUEST);
    }
    expect(after, trees).toHaveLength(1 + HANDLERS.length + INNER.length);
  });
});
