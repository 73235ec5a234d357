// Every fixture input goes through the real CLI (jscodeshift's runner, built transforms) on a copy
// under tests/.tmp; the result must equal the fixture's output exactly, and running the codemod on
// the expected output must change nothing.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, eslintConfigSource, fixturesRoot, listFixtureCases, makeTmpDir, runCli, type CliResult } from './support';

const cases = listFixtureCases();
const rules = [...new Set(cases.map((c) => c.rule))];
const tmp = makeTmpDir('codemod-fixtures-');

interface RuleRun {
  first: CliResult;
  second: CliResult;
}
const runs = new Map<string, RuleRun>();

/** `<tmp>/<stage>/<rule>/` holding the given files under the inputs' names; the CLI runs on that folder. */
function stage(stageName: string, rule: string, pick: 'input' | 'output'): string {
  const dir = join(tmp.dir, stageName, rule);
  mkdirSync(dir, { recursive: true });
  for (const c of cases.filter((item) => item.rule === rule)) {
    copyFileSync(pick === 'input' ? c.inputPath : c.outputPath, join(dir, c.inputName));
  }
  return dir;
}

beforeAll(() => {
  ensureBuilt();
  // The copy is a package of its own: its package.json lists the plugin in `dependencies`, and
  // its ESLint config (default settings) stands in for the repository's, which ignores tests/.tmp.
  copyFileSync(join(fixturesRoot, 'package.json'), join(tmp.dir, 'package.json'));
  writeFileSync(join(tmp.dir, 'eslint.config.mjs'), eslintConfigSource());
  for (const rule of rules) {
    const first = runCli([rule, stage('first', rule, 'input')]);
    const second = runCli([rule, stage('second', rule, 'output')]);
    runs.set(rule, { first, second });
  }
});

afterAll(() => tmp.remove());

it('finds fixtures for every rule folder', () => {
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) expect(c.output, `${c.outputPath} is missing`).not.toBe('<missing output file>');
});

describe.each(rules)('%s', (rule) => {
  const ruleCases = cases.filter((c) => c.rule === rule);

  it('the CLI run succeeds and counts every file', () => {
    const { first } = runs.get(rule)!;
    expect(first.status, first.output).toBe(0);
    const expectedChanged = ruleCases.filter((c) => c.input !== c.output).length;
    expect(first.stdout, first.output).toMatch(new RegExp(`changed: ${expectedChanged}\\b`));
    expect(first.stdout, first.output).toMatch(/failed: 0\b/);
  });

  it.each(ruleCases.map((c) => [c.name, c] as const))('%s: the codemod output equals the fixture output', (_name, c) => {
    const actual = readFileSync(join(tmp.dir, 'first', rule, c.inputName), 'utf8');
    expect(actual).toBe(c.output);
  });

  it.each(ruleCases.map((c) => [c.name, c] as const))('%s: the codemod leaves the fixture output unchanged', (_name, c) => {
    const actual = readFileSync(join(tmp.dir, 'second', rule, c.inputName), 'utf8');
    expect(actual).toBe(c.output);
  });

  it('the second run reports no change', () => {
    const { second } = runs.get(rule)!;
    expect(second.status, second.output).toBe(0);
    expect(second.stdout, second.output).toMatch(/changed: 0\b/);
  });
});
