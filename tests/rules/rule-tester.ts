// Rule-test support: @typescript-eslint/rule-tester hooked to vitest, the parsers users run with,
// and the fixture packages that decide a test file's code kind.
//
// The hooks are also set by tests/setup/rule-tester.ts (vitest setupFiles); setting them here
// again keeps a rule test runnable on its own (`npx vitest run tests/rules --setupFiles ''`).
import { createRequire } from 'node:module';
import { join } from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.describeSkip = describe.skip;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.itSkip = it.skip;

export { RuleTester };

/**
 * espree, ESLint's default parser for JavaScript, taken from the ESLint that is running (so the
 * ESLint 9 run, which redirects `eslint` to `eslint9`, gets ESLint 9's own espree).
 */
export const espree = createRequire(require.resolve('eslint'))('espree') as Linter.Parser;

/** Fixture packages: each folder has its own package.json, the root the rule measures paths from. */
export const FIXTURES = join(__dirname, 'fixtures');

/** An absolute file name inside a fixture package: `fixture('service', 'src', 'jobs.ts')`. */
export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** `languageOptions` for JavaScript cases: espree, as an ES module or as a CommonJS script. */
export const ESM = { parser: espree, sourceType: 'module', parserOptions: { sourceType: 'module' } } as const;
export const COMMONJS = { parser: espree, sourceType: 'commonjs', parserOptions: { sourceType: 'commonjs' } } as const;

export interface LintCase {
  readonly code: string;
  readonly filename?: string;
  readonly options?: readonly unknown[];
  readonly settings?: Record<string, unknown>;
  readonly languageOptions?: { readonly parser?: unknown; readonly sourceType?: string; readonly parserOptions?: object };
}

const EXTENSIONS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

/**
 * Lints one piece of code with one rule through ESLint's own `Linter`, set up the way the rule
 * tester sets it up (typescript-eslint's parser unless the case names another one).
 */
export function lintWithRule(
  name: string,
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  item: LintCase,
  defaultFilename: string,
): Linter.LintMessage[] {
  const languageOptions = item.languageOptions ?? { parser: tsParser };
  const config: Linter.Config[] = [
    {
      files: EXTENSIONS,
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        ...(languageOptions as Linter.LanguageOptions),
      },
      plugins: { test: { rules: { [name]: rule as unknown as Rule.RuleModule } } },
      rules: { [`test/${name}`]: ['error', ...(item.options ?? [])] as Linter.RuleEntry },
      settings: item.settings ?? {},
    },
  ];
  return new Linter({ configType: 'flat' }).verify(item.code, config, item.filename ?? defaultFilename);
}
