// Shared by the plugin-wide meta tests: the built plugin (what users install) and a Linter set up
// the way users run it (typescript-eslint's parser for TypeScript, espree for JavaScript).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

export const ROOT = join(__dirname, '..', '..');

export interface BuiltRule {
  meta: TSESLint.RuleMetaData<string, { description: string; recommended?: boolean; url?: string }, readonly unknown[]> & {
    defaultOptions?: readonly unknown[];
  };
  create: unknown;
}

export interface BuiltPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, BuiltRule>;
  configs: Record<string, { name?: string; plugins?: Record<string, unknown>; rules?: Record<string, unknown> }>;
}

/** The plugin as published: `main` of package.json (dist/, built by `npm test` before vitest runs). */
export function loadBuiltPlugin(): BuiltPlugin {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
  const req = createRequire(join(ROOT, 'package.json'));
  return req(join(ROOT, pkg.main)) as BuiltPlugin;
}

export const NAMESPACE = 'trace-context';

/** A file name for lint runs: inside the working directory (flat config matching needs that),
 * outside every test folder (test code is a code kind rules skip). */
export function serverFileName(extension: string, stem = 'example'): string {
  return join(process.cwd(), 'virtual-service', 'src', 'jobs', `${stem}.${extension}`);
}

export interface LintRun {
  rule: string;
  options?: readonly unknown[];
  settings?: Record<string, unknown>;
  filename: string;
}

export function makeConfig(plugin: BuiltPlugin, run: LintRun): Linter.Config[] {
  return [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
    },
    {
      files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      plugins: { [NAMESPACE]: plugin as never },
      rules: { [`${NAMESPACE}/${run.rule}`]: ['error', ...(run.options ?? [])] as Linter.RuleEntry },
      settings: run.settings ? { [NAMESPACE]: run.settings } : {},
    },
  ];
}

export function lint(plugin: BuiltPlugin, code: string, run: LintRun): Linter.LintMessage[] {
  return new Linter().verify(code, makeConfig(plugin, run), run.filename);
}

/**
 * Applies the first suggestion of the first report that has one, re-lints, and repeats until no
 * report offers a suggestion (what a user clicking quick fixes one by one would get).
 */
export function applySuggestions(plugin: BuiltPlugin, code: string, run: LintRun, maxPasses = 20): string {
  let text = code;
  for (let pass = 0; pass < maxPasses; pass += 1) {
    const messages = lint(plugin, text, run);
    const fatal = messages.find((m) => m.fatal);
    if (fatal) throw new Error(`Suggestion output does not parse: ${fatal.message}\n${text}`);
    const suggestion = messages.find((m) => m.suggestions && m.suggestions.length > 0)?.suggestions?.[0];
    if (!suggestion) return text;
    const [start, end] = suggestion.fix.range;
    text = text.slice(0, start) + suggestion.fix.text + text.slice(end);
  }
  throw new Error(`Suggestions still offered after ${maxPasses} passes`);
}
