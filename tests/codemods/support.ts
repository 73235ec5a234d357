// Shared by the codemod, parity and CLI tests: the built CLI and transforms, temporary folders
// under tests/.tmp (git-ignored, inside the repo so they resolve its node_modules), fixture cases.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');
export const cliPath = join(repoRoot, 'dist/codemods/cli.js');
export const fixturesRoot = join(repoRoot, 'tests/codemods/fixtures');

/** Builds the package when the built CLI is missing (`npm test` builds first anyway). */
export function ensureBuilt(): void {
  if (existsSync(cliPath) && existsSync(join(repoRoot, 'dist/src/index.js'))) return;
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { cwd: repoRoot, stdio: 'pipe' });
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertion messages. */
  output: string;
}

/** Runs the built `trace-context-codemod` in a child process. */
export function runCli(args: readonly string[], cwd: string = repoRoot): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}\n${result.stderr}` };
}

/** A fresh folder `tests/.tmp/<prefix>XXXXXX`; `remove()` deletes it. */
export function makeTmpDir(prefix: string): { dir: string; remove: () => void } {
  const base = join(repoRoot, 'tests/.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An ESLint config for a temporary project, so the repository's own config (which ignores tests/.tmp) is not used. */
export function eslintConfigSource(settings: unknown = {}, extra = ''): string {
  return `export default [${extra}{ settings: { 'trace-context': ${JSON.stringify(settings)} } }];\n`;
}

export interface FixtureCase {
  rule: string;
  /** `<case>.<ext>`, for test titles. */
  name: string;
  /** The input file's name (`<case>.input.<ext>`). */
  inputName: string;
  inputPath: string;
  outputPath: string;
  input: string;
  output: string;
}

/** Every `tests/codemods/fixtures/<rule>/<case>.input.<ext>` with its `<case>.output.<ext>`. */
export function listFixtureCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const rule of readdirSync(fixturesRoot).sort()) {
    const ruleDir = join(fixturesRoot, rule);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const inputName of readdirSync(ruleDir).sort()) {
      const match = /^(.+)\.input\.([a-z]+)$/.exec(inputName);
      if (!match) continue;
      const [, base, ext] = match;
      const inputPath = join(ruleDir, inputName);
      const outputPath = join(ruleDir, `${base}.output.${ext}`);
      cases.push({
        rule,
        name: `${base}.${ext}`,
        inputName,
        inputPath,
        outputPath,
        input: readFileSync(inputPath, 'utf8'),
        output: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : '<missing output file>',
      });
    }
  }
  return cases;
}
