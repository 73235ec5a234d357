// Parity: for every codemod fixture, taking the rule's suggestions the way an editor user would
// (the first suggestion of the first report, re-lint, repeat) gives exactly the codemod's output;
// that output lints clean for the rule; and the codemod applied twice equals once.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, listFixtureCases, repoRoot, type FixtureCase } from '../codemods/support';

type Transform = (file: { path: string; source: string }, api: object, options: object) => string | undefined;

const requireFromRoot = createRequire(join(repoRoot, 'package.json'));
const cases = listFixtureCases();
const MAX_STEPS = 100;

let plugin: { rules: Record<string, unknown> };
const transforms = new Map<string, Transform>();
// One Linter for every absolute path (its cwd is the file-system root), as the engine does.
const linter = new Linter({ configType: 'flat', cwd: '/' });

beforeAll(() => {
  ensureBuilt();
  plugin = requireFromRoot(join(repoRoot, 'dist/src/index.js')) as typeof plugin;
  for (const rule of new Set(cases.map((c) => c.rule))) {
    transforms.set(rule, requireFromRoot(join(repoRoot, `dist/codemods/${rule}.js`)) as Transform);
  }
});

/** An editor-like flat config: typescript-eslint's parser for TypeScript, espree for JavaScript, the one rule. */
function editorConfig(rule: string): Linter.Config[] {
  const parser = tsParser as unknown as Linter.Parser;
  return [
    { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser } },
    { files: ['**/*.tsx'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.js', '**/*.jsx', '**/*.mjs'], languageOptions: { sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      plugins: { 'trace-context': plugin as never },
      rules: { [`trace-context/${rule}`]: 'error' },
    },
  ];
}

function lint(c: FixtureCase, text: string): Linter.LintMessage[] {
  const messages = linter.verify(text, editorConfig(c.rule), { filename: c.inputPath });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${c.name} does not parse: ${fatal.message} (${fatal.line}:${fatal.column})\n${text}`);
  return messages.filter((message) => message.ruleId === `trace-context/${c.rule}`);
}

/** What an editor user gets by accepting the first suggestion of the first report until none is left. */
function acceptSuggestionsOneByOne(c: FixtureCase): string {
  // Editors hand ESLint the text without the BOM; ranges are offsets into that text.
  const bom = c.input.startsWith('\uFEFF') ? '\uFEFF' : '';
  let text = c.input.slice(bom.length);
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = lint(c, text).find((message) => message.suggestions?.length);
    if (!next) return bom + text;
    const { range, text: replacement } = next.suggestions![0]!.fix;
    text = text.slice(0, range[0]) + replacement + text.slice(range[1]);
  }
  throw new Error(`${c.name}: still suggesting after ${MAX_STEPS} steps`);
}

function runCodemod(c: FixtureCase, source: string): string {
  const transform = transforms.get(c.rule)!;
  return transform({ path: c.inputPath, source }, {}, {}) ?? source;
}

describe.each(cases.map((c) => [`${c.rule}/${c.name}`, c] as const))('%s', (_title, c) => {
  it('suggestions accepted one at a time give the codemod output', () => {
    expect(acceptSuggestionsOneByOne(c)).toBe(runCodemod(c, c.input));
  });

  it('the codemod output lints clean for the rule (but for findings offered without a suggestion)', () => {
    const output = runCodemod(c, c.input);
    const bom = output.startsWith('\uFEFF') ? 1 : 0;
    const where = (message: Linter.LintMessage) => `${message.line}:${message.column} ${message.message}`;
    // A finding reported without a suggestion (a handler also removed with `off`) is left for manual work.
    const manual = lint(c, c.input.slice(c.input.startsWith('\uFEFF') ? 1 : 0)).filter((message) => !message.suggestions?.length);
    const left = lint(c, output.slice(bom));
    expect(left.filter((message) => message.suggestions?.length).map(where)).toEqual([]);
    expect(left.map((message) => message.message).sort()).toEqual(manual.map((message) => message.message).sort());
  });

  it('the codemod applied twice equals once', () => {
    const once = runCodemod(c, c.input);
    expect(runCodemod(c, once)).toBe(once);
  });
});
