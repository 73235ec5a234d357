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
import { afterAll, describe, expect, it } from 'vitest';

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

/** What `describeSuggestionRelint` needs of an invalid case. */
export interface RelintCase extends LintCase {
  readonly name?: string;
  readonly skip?: boolean;
  readonly errors: readonly { readonly suggestions?: readonly { readonly output: string }[] | null }[];
}

/**
 * Lints every suggestion output of every active invalid case again: it must parse, the finding
 * the suggestion fixed must be quiet, the file's other findings stay, and nothing new appears.
 * Shared by every rule's test file.
 */
export function describeSuggestionRelint(
  name: string,
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  invalid: readonly RelintCase[],
  defaultFilename: string,
  /** `'most'`: more suggestions than cases (most findings have a fix); `'some'`: a rule whose findings are often manual. */
  expectedSuggestions: 'most' | 'some' = 'most',
): void {
  describe(`${name}: every suggestion output lints clean for the finding it fixed`, () => {
    const active = invalid.filter((item) => !item.skip);
    const cases = active.flatMap((item) =>
      item.errors.flatMap((error, errorIndex) =>
        (error.suggestions ?? []).map((suggestion, suggestionIndex) => ({
          title: `${item.name ?? item.code.slice(0, 40)} › error ${errorIndex + 1}, suggestion ${suggestionIndex + 1}`,
          item,
          output: suggestion.output,
        })),
      ),
    );

    it.each(cases)('$title', ({ item, output }) => {
      const before = lintWithRule(name, rule, item, defaultFilename);
      const after = lintWithRule(name, rule, { ...item, code: output }, defaultFilename);
      expect(after.filter((message) => message.fatal)).toEqual([]);
      expect(before).toHaveLength(item.errors.length);
      expect(after).toHaveLength(item.errors.length - 1);
    });

    it('re-lints every suggestion of every active invalid case', () => {
      const suggestionCount = active.reduce(
        (sum, item) => sum + item.errors.reduce((inner, error) => inner + (error.suggestions?.length ?? 0), 0),
        0,
      );
      expect(cases).toHaveLength(suggestionCount);
      expect(suggestionCount).toBeGreaterThan(expectedSuggestions === 'most' ? active.length : 0);
    });
  });
}
