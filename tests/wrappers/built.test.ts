// The built wrappers, loaded the way users load them: `require` and `import` of
// 'eslint-plugin-trace-context/wrappers', resolved by Node through package.json `exports`
// (a package can import itself by name). `npm test` builds dist/ first.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { setupTracing } from '../helpers/otel.js';

const repoRoot = resolve(__dirname, '../..');
const SPECIFIER = 'eslint-plugin-trace-context/wrappers';
const CJS_ENTRY = join(repoRoot, 'dist/src/wrappers/index.js');
const ESM_ENTRY = join(repoRoot, 'dist/wrappers-esm/index.js');

interface ProgramReport {
  resolved: string;
  result: string;
  length: number;
  name: string;
  asyncTag: string;
  spans: Array<{ name: string; traceId: string; spanId: string; parent?: string }>;
}

/**
 * A Node program (ESM or CommonJS) that loads the wrappers by package name, runs a traced job inside
 * a start-up span with the real SDK, and prints what it saw as JSON.
 */
function program(kind: 'esm' | 'cjs'): string {
  const load =
    kind === 'esm'
      ? `const wrappers = await import('${SPECIFIER}'); const resolved = import.meta.resolve('${SPECIFIER}');`
      : `const wrappers = require('${SPECIFIER}'); const resolved = require.resolve('${SPECIFIER}');`;
  const imports =
    kind === 'esm'
      ? `import { context, propagation, trace } from '@opentelemetry/api';
         import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
         import { W3CTraceContextPropagator } from '@opentelemetry/core';
         import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';`
      : `const { context, propagation, trace } = require('@opentelemetry/api');
         const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
         const { W3CTraceContextPropagator } = require('@opentelemetry/core');
         const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');`;
  const body = `
    const exporter = new InMemorySpanExporter();
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    ${load}
    async function nightly(day, hour) {
      await Promise.resolve();
      trace.getTracer('app').startActiveSpan('inner', (span) => span.end());
      return day + '@' + hour;
    }
    const job = wrappers.traceJob('nightly', nightly);
    const result = await trace.getTracer('app').startActiveSpan('startup', async (span) => {
      try { return await job('mon', 3); } finally { span.end(); }
    });
    const spans = exporter.getFinishedSpans().map((s) => ({
      name: s.name, traceId: s.spanContext().traceId, spanId: s.spanContext().spanId, parent: s.parentSpanContext?.spanId,
    }));
    console.log(JSON.stringify({
      resolved, result, length: job.length, name: job.name,
      asyncTag: Object.prototype.toString.call(job), spans,
    }));`;
  return kind === 'esm' ? `${imports}\n${body}` : `${imports}\n(async () => {${body}\n})().catch((e) => { console.error(e); process.exit(1); });`;
}

function runProgram(kind: 'esm' | 'cjs'): ProgramReport {
  const args = kind === 'esm' ? ['--input-type=module', '-e', program(kind)] : ['-e', program(kind)];
  const stdout = execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  return JSON.parse(stdout) as ProgramReport;
}

function expectConnectedRootJob(report: ProgramReport): void {
  expect(report.result).toBe('mon@3');
  expect(report.length).toBe(2);
  expect(report.name).toBe('nightly');
  expect(report.asyncTag).toBe('[object AsyncFunction]');
  const byName = new Map(report.spans.map((span) => [span.name, span]));
  const startup = byName.get('startup');
  const job = byName.get('nightly');
  const inner = byName.get('inner');
  expect(startup && job && inner, JSON.stringify(report.spans)).toBeTruthy();
  expect(job!.parent).toBeUndefined();
  expect(job!.traceId).not.toBe(startup!.traceId);
  expect(inner!.parent).toBe(job!.spanId);
}

beforeAll(() => {
  for (const entry of [CJS_ENTRY, ESM_ENTRY]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
});

describe('package.json exports for ./wrappers', () => {
  it('maps require to the CommonJS build and import to the ESM build, with types for both', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<string, Record<string, string>>>;
    };
    expect(manifest.exports['./wrappers']).toEqual({
      import: { types: './dist/wrappers-esm/index.d.ts', default: './dist/wrappers-esm/index.js' },
      require: { types: './dist/src/wrappers/index.d.ts', default: './dist/src/wrappers/index.js' },
    });
    expect(existsSync(join(repoRoot, 'dist/wrappers-esm/index.d.ts'))).toBe(true);
    expect(existsSync(join(repoRoot, 'dist/src/wrappers/index.d.ts'))).toBe(true);
    expect(JSON.parse(readFileSync(join(repoRoot, 'dist/wrappers-esm/package.json'), 'utf8'))).toEqual({
      type: 'module',
    });
  });
});

describe('require in this process', () => {
  const tracing = setupTracing();
  afterAll(() => tracing.shutdown());

  it('resolves to dist/src/wrappers/index.js and traceJob starts a root span', () => {
    const localRequire = createRequire(__filename);
    expect(localRequire.resolve(SPECIFIER)).toBe(CJS_ENTRY);
    const wrappers = localRequire(SPECIFIER) as typeof import('../../src/wrappers/index.js');

    const job = wrappers.traceJob('built-job', (n: number) => n + 1);
    const outcome = tracing.tracer().startActiveSpan('outer', (outer) => {
      try {
        return { value: job(1), traceId: outer.spanContext().traceId };
      } finally {
        outer.end();
      }
    });
    expect(outcome.value).toBe(2);
    const span = tracing.spans().find((s) => s.name === 'built-job');
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.spanContext().traceId).not.toBe(outcome.traceId);
  });
});

describe('a Node process loading the package by name', () => {
  it('require() gets the CommonJS build and traceJob works', () => {
    const report = runProgram('cjs');
    expect(report.resolved).toBe(CJS_ENTRY);
    expectConnectedRootJob(report);
  });

  it('import() gets the ESM build and traceJob works', () => {
    const report = runProgram('esm');
    expect(report.resolved).toBe(pathToFileURL(ESM_ENTRY).href);
    expectConnectedRootJob(report);
  });
});

describe('every wrapper is in both builds', () => {
  it('require and import of the package expose the names the source index exports', async () => {
    const source = Object.keys(await import('../../src/wrappers/index.js')).sort();
    expect(source).toEqual(
      expect.arrayContaining([
        'injectContextFields',
        'injectMessageAttributes',
        'injectPayloadContext',
        'PAYLOAD_CONTEXT_FIELD',
        'payloadContext',
        'withLinkedContext',
      ]),
    );
    const script = `
      import { createRequire } from 'node:module';
      const esm = await import('${SPECIFIER}');
      const cjs = createRequire(process.cwd() + '/')('${SPECIFIER}');
      console.log(JSON.stringify({ esm: Object.keys(esm).sort(), cjs: Object.keys(cjs).sort() }));`;
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual({ esm: source, cjs: source });
  });
});
