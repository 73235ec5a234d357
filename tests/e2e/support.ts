// Shared steps of the end-to-end tests: copy a program under tests/.tmp (so it resolves the repo's
// node_modules), run it in a child process, run the real codemod CLI on the copy.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

import { ESLint, type Linter } from 'eslint';

import type { SpanRecord } from '../helpers/otel';

const run = promisify(execFile);

export const repoRoot = resolve(__dirname, '../..');
const cli = join(repoRoot, 'dist/codemods/cli.js');
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
const builtWrappers = [join(repoRoot, 'dist/src/wrappers/index.js'), join(repoRoot, 'dist/wrappers-esm/index.js')];

/** Builds the package when the CLI or the wrappers are missing (`npm test` builds first anyway). */
export async function ensureBuilt(): Promise<void> {
  if ([cli, ...builtWrappers].every((file) => existsSync(file))) return;
  await run(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { cwd: repoRoot });
}

export interface ProgramCopy {
  /** The copied program folder (its own package.json lists the plugin in `dependencies`). */
  dir: string;
  remove(): void;
}

/**
 * Copies `tests/e2e/programs/<name>` to `tests/.tmp/e2e-<name>-XXXXXX/<name>` and links
 * `node_modules/eslint-plugin-trace-context` next to it to the repository, as an installed plugin
 * would be (the copy's own package.json has another name, so a self-reference would not resolve).
 */
export function copyProgram(name: string): ProgramCopy {
  const tmp = join(repoRoot, 'tests/.tmp');
  mkdirSync(tmp, { recursive: true });
  const base = mkdtempSync(join(tmp, `e2e-${name}-`));
  mkdirSync(join(base, 'node_modules'));
  symlinkSync(repoRoot, join(base, 'node_modules/eslint-plugin-trace-context'), 'dir');
  const dir = join(base, name);
  cpSync(join(repoRoot, 'tests/e2e/programs', name), dir, { recursive: true });
  return { dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}

/**
 * Compiles a TypeScript program with the repository's `tsc` and the program's own tsconfig.json
 * (decorator metadata for NestJS dependency injection); rejects with the compiler's output.
 */
export async function compileProgram(dir: string): Promise<void> {
  try {
    await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: dir, timeout: 60_000 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc failed in ${dir}:\n${stdout}${stderr}`, { cause: error });
  }
}

/** Runs `node <entry>` in the program folder and returns the spans it printed (`SPANS [...]`). */
export async function runProgram(dir: string, entry = 'main.js'): Promise<SpanRecord[]> {
  const { stdout } = await run(process.execPath, [entry], { cwd: dir, timeout: 30_000 });
  const line = stdout.split('\n').find((text) => text.startsWith('SPANS '));
  if (!line) throw new Error(`${entry} printed no spans:\n${stdout}`);
  return JSON.parse(line.slice('SPANS '.length)) as SpanRecord[];
}

/** Runs the real codemod CLI; resolves with its output, rejects (with the output) on a non-zero exit. */
export async function runCodemod(transform: string, target: string, ...flags: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, transform, target, '--force', ...flags], {
      cwd: repoRoot,
      timeout: 60_000,
    });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`codemod ${transform} failed:\n${stdout}${stderr}`, { cause: error });
  }
}

export interface Finding {
  /** Path relative to the linted folder. */
  file: string;
  line: number;
  messageId: string;
  message: string;
}

/**
 * Lints the JavaScript files of a program folder with one rule of the built plugin (and the given
 * settings), the way `eslint .` with that rule on would; the program's own ESLint config is not used.
 */
export async function lintProgram(dir: string, rule: string, settings: Record<string, unknown> = {}): Promise<Finding[]> {
  const plugin = createRequire(join(repoRoot, 'package.json'))(join(repoRoot, 'dist/src/index.js')) as ESLint.Plugin;
  const config: Linter.Config[] = [
    { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
    {
      files: ['**/*.{js,mjs,cjs}'],
      plugins: { 'trace-context': plugin },
      rules: { [`trace-context/${rule}`]: 'error' },
      settings: { 'trace-context': settings },
    },
  ];
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['**/*.js']);
  return results.flatMap((result) =>
    result.messages.map((message) => {
      if (message.fatal) throw new Error(`${result.filePath} does not parse: ${message.message}`);
      return { file: relative(dir, result.filePath), line: message.line, messageId: message.messageId ?? '', message: message.message };
    }),
  );
}

/** The chain from a span up to its trace's root (the span first), following parents in `spans`. */
export function ancestry(span: SpanRecord, spans: readonly SpanRecord[]): SpanRecord[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanId, candidate]));
  const chain = [span];
  for (let parent = span.parentSpanId && byId.get(span.parentSpanId); parent; parent = parent.parentSpanId && byId.get(parent.parentSpanId)) {
    chain.push(parent);
  }
  return chain;
}
