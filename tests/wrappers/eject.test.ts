// ejectWrappers on small packages under tests/.tmp/ (inside the repo, so the copies resolve the
// repo's node_modules for @opentelemetry/* and typescript). The JavaScript copies are run with
// node, the TypeScript copy is compiled with tsc and run; each must produce a root span per job.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EjectError, ejectWrappers } from '../../src/eject.js';

const repoRoot = resolve(__dirname, '../..');
const tmpRoot = join(repoRoot, 'tests/.tmp');
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

const created: string[] = [];
beforeAll(() => {
  for (const build of ['dist/wrappers-esm/index.js', 'dist/src/wrappers/index.js']) {
    if (!existsSync(join(repoRoot, build))) throw new Error(`${build} is missing: run \`npm run build\` first.`);
  }
});
afterAll(() => {
  for (const folder of created) rmSync(folder, { recursive: true, force: true });
});

/** A fresh package folder under tests/.tmp with the given files (path → content). */
function makePackage(label: string, files: Record<string, string>): string {
  mkdirSync(tmpRoot, { recursive: true });
  const root = mkdtempSync(join(tmpRoot, `eject-${label}-`));
  created.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return root;
}

interface SpanSummary {
  name: string;
  traceId: string;
  spanId: string;
  parent?: string;
}

/** Checks the JSON a test program prints: a start-up span, a root `job` span, `inner` under it. */
function expectRootJob(stdout: string): void {
  const spans = JSON.parse(stdout) as SpanSummary[];
  const byName = new Map(spans.map((span) => [span.name, span]));
  const startup = byName.get('startup');
  const job = byName.get('job');
  const inner = byName.get('inner');
  expect(startup && job && inner, stdout).toBeTruthy();
  expect(job!.parent).toBeUndefined();
  expect(job!.traceId).not.toBe(startup!.traceId);
  expect(inner!.parent).toBe(job!.spanId);
}

/** The body of a program that registers the SDK, runs a traceJob inside a start-up span, prints spans. */
const PROGRAM_BODY = `
const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const job = traceJob('job', async (n) => {
  await Promise.resolve();
  trace.getTracer('app').startActiveSpan('inner', (span) => span.end());
  return n * 2;
});
trace.getTracer('app').startActiveSpan('startup', async (span) => {
  try {
    if ((await job(21)) !== 42) throw new Error('wrong result');
  } finally {
    span.end();
  }
  console.log(JSON.stringify(exporter.getFinishedSpans().map((s) => ({
    name: s.name, traceId: s.spanContext().traceId, spanId: s.spanContext().spanId, parent: s.parentSpanContext?.spanId,
  }))));
});
`;

const ESM_IMPORTS = `
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
`;

const CJS_REQUIRES = `
const { context, trace } = require('@opentelemetry/api');
const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');
`;

function runNode(cwd: string, script: string): string {
  return execFileSync(process.execPath, [script], { cwd, encoding: 'utf8' });
}

describe('ejectWrappers', () => {
  it('writes ES module JavaScript into a "type": "module" package, and it runs', () => {
    const pkg = makePackage('esm', { 'package.json': '{ "name": "svc", "type": "module" }\n' });

    const result = ejectWrappers(join(pkg, 'lib/tracing'));

    expect(result.language).toBe('js');
    expect(result.format).toBe('esm');
    expect(result.wrapperModule).toBe('./lib/tracing/index.js');
    const names = result.files.map((file) => file.slice(join(pkg, 'lib/tracing').length + 1));
    expect(names).toEqual(['carriers.js', 'env.js', 'index.js', 'messages.js', 'spans.js']);
    for (const file of result.files) {
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith(`// Ejected from eslint-plugin-trace-context@${version}`)).toBe(true);
      expect(text).toContain('This copy is yours');
      expect(text).not.toMatch(/\brequire\(/);
    }

    writeFileSync(
      join(pkg, 'main.js'),
      `${ESM_IMPORTS}import { traceJob } from './lib/tracing/index.js';\n${PROGRAM_BODY}`,
    );
    expectRootJob(runNode(pkg, 'main.js'));
  });

  it('writes CommonJS JavaScript into a package without "type", and it runs', () => {
    const pkg = makePackage('cjs', { 'package.json': '{ "name": "svc" }\n' });

    const result = ejectWrappers(join(pkg, 'src/wrappers'));

    expect(result).toMatchObject({ language: 'js', format: 'cjs', wrapperModule: './src/wrappers/index.js' });
    const index = readFileSync(join(pkg, 'src/wrappers/index.js'), 'utf8');
    expect(index).toContain('"use strict"');
    expect(index).toContain('require("./spans.js")');

    writeFileSync(
      join(pkg, 'main.js'),
      `${CJS_REQUIRES}const { traceJob } = require('./src/wrappers');\n${PROGRAM_BODY}`,
    );
    expectRootJob(runNode(pkg, 'main.js'));
  });

  it('writes TypeScript when a tsconfig.json governs the folder; it compiles strictly and runs', () => {
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noPropertyAccessFromIndexSignature: true,
        noImplicitOverride: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        types: ['node'],
        outDir: 'build',
        rootDir: 'src',
      },
      include: ['src'],
    };
    const pkg = makePackage('ts', {
      'package.json': '{ "name": "svc", "type": "module" }\n',
      'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    });

    // The tsconfig sits at the package root, two folders above the target.
    const result = ejectWrappers(join(pkg, 'src/tracing/wrappers'));

    expect(result).toMatchObject({ language: 'ts', format: 'esm', wrapperModule: './src/tracing/wrappers/index.js' });
    expect(result.files.map((file) => file.slice(file.lastIndexOf('/') + 1))).toEqual([
      'carriers.ts',
      'env.ts',
      'index.ts',
      'messages.ts',
      'spans.ts',
    ]);
    const spans = readFileSync(join(pkg, 'src/tracing/wrappers/spans.ts'), 'utf8');
    expect(spans.startsWith(`// Ejected from eslint-plugin-trace-context@${version}`)).toBe(true);
    expect(spans).toContain('export function traceJob<F extends AnyFunction>');

    writeFileSync(
      join(pkg, 'src/main.ts'),
      `${ESM_IMPORTS}import { traceJob } from './tracing/wrappers/index.js';\n${PROGRAM_BODY.replace('async (n)', 'async (n: number)')}`,
    );
    execFileSync(process.execPath, [tsc, '-p', pkg], { cwd: pkg, encoding: 'utf8' });
    expectRootJob(runNode(pkg, 'build/main.js'));
  });

  it('looks for tsconfig.json only up to the package root', () => {
    // tests/.tmp/<pkg> has the repo's tsconfig.json above its package.json: that one does not count.
    expect(existsSync(join(repoRoot, 'tsconfig.json'))).toBe(true);
    const pkg = makePackage('boundary', { 'package.json': '{ "name": "svc" }\n' });
    expect(ejectWrappers(join(pkg, 'wrappers')).language).toBe('js');

    const nested = makePackage('nested', {
      'package.json': '{ "name": "svc" }\n',
      'src/tsconfig.json': '{}\n',
    });
    expect(ejectWrappers(join(nested, 'src/lib/wrappers')).language).toBe('ts');
    expect(ejectWrappers(join(nested, 'other')).language).toBe('js');
  });

  it('refuses to overwrite existing files unless forced', () => {
    const pkg = makePackage('force', { 'package.json': '{ "name": "svc" }\n' });
    const target = join(pkg, 'wrappers');
    const first = ejectWrappers(target);
    const edited = '// our own changes\n';
    writeFileSync(join(target, 'spans.js'), edited);
    rmSync(join(target, 'env.js'));

    expect(() => ejectWrappers(target)).toThrow(EjectError);
    expect(() => ejectWrappers(target)).toThrow(/Refusing to overwrite .*spans\.js.*--force/);
    expect(readFileSync(join(target, 'spans.js'), 'utf8')).toBe(edited);
    expect(existsSync(join(target, 'env.js'))).toBe(false);

    const forced = ejectWrappers(target, { force: true });
    expect(forced.files).toEqual(first.files);
    expect(readFileSync(join(target, 'spans.js'), 'utf8')).not.toBe(edited);
    expect(existsSync(join(target, 'env.js'))).toBe(true);
  });

  it('reports a folder that belongs to no package', () => {
    const outside = mkdtempSync(join(tmpdir(), 'eject-no-package-'));
    created.push(outside);
    const hasManifestAbove = outside.split('/').some((_, i, parts) =>
      existsSync(join('/', ...parts.slice(0, i + 1), 'package.json')),
    );
    if (hasManifestAbove) return; // a package.json above the system temp folder: nothing to check here
    expect(() => ejectWrappers(join(outside, 'wrappers'))).toThrow(/No package\.json found/);
    expect(existsSync(join(outside, 'wrappers'))).toBe(false);
  });
});
