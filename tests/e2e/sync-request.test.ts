// Mode 1 end to end: three HTTP services on loopback (checkout → pricing → tax) with a tracer
// registered by hand and no HTTP instrumentation, like an edge runtime. checkout calls pricing with
// the global fetch and with http.request; pricing calls tax with undici. One client request runs
// with the real OpenTelemetry SDK and the W3C propagator before and after the
// sync-request-propagation codemod rewrites a copy. A second copy of the same services, with the
// http and undici instrumentations registered and listed in its package.json, shows the rule silent
// and the trace connected without any change.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { traceTrees, type SpanRecord } from '../helpers/otel';
import { copyProgram, ensureBuilt, lintProgram, runCodemod, runProgram, type Finding, type ProgramCopy } from './support';

const RULE = 'sync-request-propagation';
const SHARED = join(__dirname, 'programs/sync-request/shared');
const SHARED_FILES = readdirSync(SHARED);

/** A span as the program prints it: the usual record plus its kind (`SERVER`, `CLIENT`, `INTERNAL`). */
type Span = SpanRecord & { kind: string };

const CLIENT = 'client GET /checkout';
/**
 * Each span the services start by hand for an inbound request → the span that was active where the
 * call reaching it was made (main.js's client span, or the span wrapping the outbound call).
 */
const CALLED_FROM: Record<string, string> = {
  'checkout GET /checkout': CLIENT,
  'pricing GET /quote': 'quote via fetch',
  'pricing POST /reserve': 'reserve via http.request',
  'tax GET /rate': 'tax rate via undici',
};
/** Requests per handler span name in one run: pricing calls tax once for each of its two requests. */
const REQUESTS: Record<string, number> = {
  'checkout GET /checkout': 1,
  'pricing GET /quote': 1,
  'pricing POST /reserve': 1,
  'tax GET /rate': 2,
};
const HANDLER_SPANS = Object.keys(CALLED_FROM);
const INBOUND_REQUESTS = Object.values(REQUESTS).reduce((sum, count) => sum + count, 0);

let copy: ProgramCopy;
let plainDir: string;
let instrumentedDir: string;
let before: Span[];
/** `file messageId: source line` of each finding, read before the codemod changes the lines. */
let findingsBefore: string[];
let codemodOutput: string;
let findingsAfter: Finding[];
let after: Span[];
let instrumented: Span[];
let instrumentedFindings: Finding[];
let instrumentedCodemodOutput: string;

const byId = (spans: Span[]): Map<string, Span> => new Map(spans.map((span) => [span.spanId, span]));
const parentOf = (span: Span, spans: Span[]): Span | undefined => (span.parentSpanId ? byId(spans).get(span.parentSpanId) : undefined);
const named = (spans: Span[], name: string): Span[] => spans.filter((span) => span.name === name);
const describeFinding = (dir: string, { file, line, messageId }: Finding): string =>
  `${file} ${messageId}: ${readFileSync(join(dir, file), 'utf8').split('\n')[line - 1]!.trim()}`;

beforeAll(async () => {
  await ensureBuilt();
  copy = copyProgram('sync-request');
  plainDir = join(copy.dir, 'plain');
  instrumentedDir = join(copy.dir, 'instrumented');
  // The services' code is the same in both variants; each variant brings its package.json (what
  // `instrumented: 'detect'` reads) and instrumentation.js.
  for (const dir of [plainDir, instrumentedDir]) {
    for (const file of SHARED_FILES) cpSync(join(SHARED, file), join(dir, file));
  }

  findingsBefore = (await lintProgram(plainDir, RULE)).map((finding) => describeFinding(plainDir, finding));
  before = (await runProgram(plainDir)) as Span[];
  codemodOutput = await runCodemod(RULE, plainDir);
  findingsAfter = await lintProgram(plainDir, RULE);
  after = (await runProgram(plainDir)) as Span[];

  instrumentedFindings = await lintProgram(instrumentedDir, RULE);
  instrumentedCodemodOutput = await runCodemod(RULE, instrumentedDir);
  instrumented = (await runProgram(instrumentedDir)) as Span[];
}, 120_000);

afterAll(() => {
  copy?.remove();
});

describe('without HTTP instrumentation, before the codemod', () => {
  it('reports every outbound call and every handler, once each', () => {
    expect([...findingsBefore].sort()).toEqual(
      [
        'main.js missingInjection: const outgoing = http.get(url, (response) => {',
        'services.js missingInjection: const outgoing = http.request(url, { method: \'POST\', headers: { \'content-type\': \'application/json\' } }, (response) => {',
        'services.js missingExtraction: const server = http.createServer(async (req, res) => {',
        'services.js missingExtraction: const server = http.createServer(async (req, res) => {',
        'services.js missingExtraction: const server = http.createServer(async (req, res) => {',
        'services.js missingInjection: const { body } = await request(`${taxUrl}/rate`);',
        'services.js missingInjection: const response = await fetch(`${pricingUrl}/quote`);',
      ].sort(),
    );
  });

  it('starts a new trace for the client and for every inbound request', () => {
    const trees = traceTrees(before, { ids: false });
    expect(new Set(before.map((span) => span.traceId)).size, trees).toBe(1 + INBOUND_REQUESTS);
    const roots = before.filter((span) => !span.parentSpanId);
    expect(roots.map((span) => span.name).sort(), trees).toEqual(
      [CLIENT, ...HANDLER_SPANS.flatMap((name) => Array<string>(REQUESTS[name]!).fill(name))].sort(),
    );
    for (const name of HANDLER_SPANS) {
      for (const span of named(before, name)) expect(span.kind, trees).toBe('SERVER');
    }
  });

  it('keeps each service to its own spans: a call site has no span of the service it calls under it', () => {
    const trees = traceTrees(before, { ids: false });
    for (const callSite of new Set(Object.values(CALLED_FROM))) {
      for (const span of named(before, callSite)) {
        expect(before.filter((other) => other.parentSpanId === span.spanId), trees).toEqual([]);
      }
    }
  });
});

describe('the codemod', () => {
  it('injects on every outbound call and extracts in every handler', () => {
    const services = readFileSync(join(plainDir, 'services.js'), 'utf8');
    const main = readFileSync(join(plainDir, 'main.js'), 'utf8');
    expect(services, codemodOutput).toContain("const { injectContext, withExtractedContext } = require('eslint-plugin-trace-context/wrappers');");
    expect(services, codemodOutput).toContain("await fetch(`${pricingUrl}/quote`, { headers: injectContext() })");
    expect(services, codemodOutput).toContain("http.request(url, { method: 'POST', headers: injectContext({ 'content-type': 'application/json' }) }");
    expect(services, codemodOutput).toContain('await request(`${taxUrl}/rate`, { headers: injectContext() })');
    expect(services.match(/return withExtractedContext\(req\.headers, async \(\) => \{/g), codemodOutput).toHaveLength(3);
    expect(services.match(/\}, \{ name: 'request', kind: 'server' \}\);/g), codemodOutput).toHaveLength(3);
    expect(main, codemodOutput).toContain('http.get(url, { headers: injectContext() }, (response) => {');
  });

  it('leaves the other modules alone, and the rule has nothing left to report', () => {
    for (const file of ['tracing.js', 'instrumentation.js', 'package.json']) {
      const original = join(__dirname, 'programs/sync-request', SHARED_FILES.includes(file) ? 'shared' : 'plain', file);
      expect(readFileSync(join(plainDir, file), 'utf8'), file).toBe(readFileSync(original, 'utf8'));
    }
    expect(findingsAfter).toEqual([]);
  });

  it('changes nothing when run a second time', async () => {
    const once = SHARED_FILES.map((file) => readFileSync(join(plainDir, file), 'utf8'));
    await runCodemod(RULE, plainDir);
    expect(SHARED_FILES.map((file) => readFileSync(join(plainDir, file), 'utf8'))).toEqual(once);
  });
});

describe('without HTTP instrumentation, after the codemod', () => {
  it('has one trace, rooted in the client span', () => {
    const trees = traceTrees(after, { ids: false });
    expect(new Set(after.map((span) => span.traceId)).size, trees).toBe(1);
    expect(after.filter((span) => !span.parentSpanId).map((span) => span.name), trees).toEqual([CLIENT]);
  });

  it('continues every request in a server span that is a child of the span active where the call was made', () => {
    const trees = traceTrees(after, { ids: false });
    for (const name of HANDLER_SPANS) {
      const handled = named(after, name);
      expect(handled, `${name}\n${trees}`).toHaveLength(REQUESTS[name]!);
      for (const span of handled) {
        // withExtractedContext's SERVER span, continuing the caller's context, holds the handler's own span.
        const server = parentOf(span, after);
        expect(server?.kind, `${name}\n${trees}`).toBe('SERVER');
        expect(server?.name, `${name}\n${trees}`).toBe('request');
        expect(parentOf(server!, after)?.name, `${name}\n${trees}`).toBe(CALLED_FROM[name]);
      }
    }
    // The two tax requests come from the two pricing requests, one each.
    const pricingOf = (tax: Span): string | undefined => {
      const callSite = parentOf(parentOf(tax, after)!, after)!;
      return parentOf(callSite, after)?.name;
    };
    expect(named(after, 'tax GET /rate').map(pricingOf).sort(), trees).toEqual(['pricing GET /quote', 'pricing POST /reserve']);
  });
});

describe('with the http and undici instrumentations registered', () => {
  it('reports nothing, and the codemod changes nothing', () => {
    expect(instrumentedFindings).toEqual([]);
    expect(instrumentedCodemodOutput).toMatch(/changed: 0\b/);
    for (const file of SHARED_FILES) {
      expect(readFileSync(join(instrumentedDir, file), 'utf8'), file).toBe(readFileSync(join(SHARED, file), 'utf8'));
    }
  });

  it('already has one trace, every handler span under the instrumentation spans of the call that reached it', () => {
    const trees = traceTrees(instrumented, { ids: false });
    expect(new Set(instrumented.map((span) => span.traceId)).size, trees).toBe(1);
    expect(instrumented.filter((span) => !span.parentSpanId).map((span) => span.name), trees).toEqual([CLIENT]);
    for (const name of HANDLER_SPANS) {
      const handled = named(instrumented, name);
      expect(handled, `${name}\n${trees}`).toHaveLength(REQUESTS[name]!);
      for (const span of handled) {
        // handler span ← the instrumentation's SERVER span ← its CLIENT span ← the span active at the call
        const server = parentOf(span, instrumented);
        const client = server && parentOf(server, instrumented);
        expect([server?.kind, client?.kind], `${name}\n${trees}`).toEqual(['SERVER', 'CLIENT']);
        expect(parentOf(client!, instrumented)?.name, `${name}\n${trees}`).toBe(CALLED_FROM[name]);
      }
    }
  });
});
