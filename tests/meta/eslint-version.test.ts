// Which ESLint the rule tests really run on. The default run expects the ESLint of
// devDependencies; `npm run test:eslint9` sets TRACE_CONTEXT_EXPECT_ESLINT_MAJOR=9 and
// this file then proves that the rule tester itself loads ESLint 9.
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';
import type { Rule } from 'eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const rootRequire = createRequire(__filename);
const devRange = (rootRequire('../../package.json') as { devDependencies: Record<string, string> }).devDependencies.eslint;
const expectedMajor = process.env.TRACE_CONTEXT_EXPECT_ESLINT_MAJOR ?? /\d+/.exec(devRange)![0];

// The same `require` @typescript-eslint/rule-tester's own code uses for `require("eslint")`.
const ruleTesterRequire = createRequire(rootRequire.resolve('@typescript-eslint/rule-tester'));

describe(`ESLint seen by the rule tests (expected major ${expectedMajor})`, () => {
  it('@typescript-eslint/rule-tester requires that ESLint', () => {
    const pkg = ruleTesterRequire('eslint/package.json') as { version: string };
    expect(pkg.version.split('.')[0]).toBe(expectedMajor);
    const { Linter: TesterLinter } = ruleTesterRequire('eslint') as typeof import('eslint');
    expect(TesterLinter.version).toBe(pkg.version);
  });

  it('test files importing `eslint` get the same ESLint module as the rule tester', () => {
    const { Linter: TesterLinter } = ruleTesterRequire('eslint') as typeof import('eslint');
    expect(Linter).toBe(TesterLinter);
    expect(Linter.version.split('.')[0]).toBe(expectedMajor);
  });

  it('the ESLint 9 run loads ESLint from the eslint9 alias package', () => {
    const file = ruleTesterRequire.resolve('eslint');
    const folder = `${sep}node_modules${sep}${expectedMajor === '9' ? 'eslint9' : 'eslint'}${sep}`;
    expect(dirname(file) + sep).toContain(folder);
  });

  // A rule run by RuleTester looks at its own context: ESLint 10 removed
  // `context.getFilename()`, ESLint 9 still has it.
  const seen: string[] = [];
  const probe: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      seen.push(typeof (context as { getFilename?: unknown }).getFilename);
      return {};
    },
  };
  new RuleTester().run('eslint-version-probe', probe as never, {
    valid: [{ code: 'const a = 1;', name: 'records the rule context' }],
    invalid: [],
  });

  it('RuleTester ran the rule inside that ESLint', () => {
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toBe(Number(expectedMajor) >= 10 ? 'undefined' : 'function');
  });
});
