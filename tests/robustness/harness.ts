// Shared set-up for the robustness tests: the corpus, the built plugin and the Linter configs.
// Everything runs on built JavaScript (dist/), which `npm test` builds first.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

/** How many corpus files the robustness tests run over. */
export const CORPUS_SIZE = 3000;

/** How a file was parsed: its own parser's default, or the CommonJS retry for a `.js` file. */
export type ParseMode = 'default' | 'commonjs';

export interface CorpusFile {
  path: string;
  /** Path relative to the repository root, for messages. */
  name: string;
  source: string;
}

export interface Harness {
  root: string;
  files: CorpusFile[];
  /** `require` relative to the repository root. */
  requireFromRoot: NodeJS.Require;
  /** The built plugin object (dist/src/index.js). */
  plugin: { rules: Record<string, unknown> };
}

export async function loadHarness(): Promise<Harness> {
  const corpus = await import('../../scripts/corpus.mjs');
  const root = corpus.REPO_ROOT;
  const requireFromRoot = createRequire(join(root, 'package.json'));
  const built = join(root, 'dist/src/index.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does).`);
  const plugin = requireFromRoot(built) as Harness['plugin'];
  const files = corpus.pickCorpus({ count: CORPUS_SIZE }).map((path) => ({
    path,
    name: relative(root, path),
    source: readFileSync(path, 'utf8'),
  }));
  return { root, files, requireFromRoot, plugin };
}

const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
const ESM_FILES = ['**/*.js', '**/*.mjs', '**/*.jsx'];
const CJS_FILES = ['**/*.cjs'];

export const TRACE_CONTEXT_SETTINGS = {
  'trace-context': {
    instrumented: [] as string[],
    wrapperModule: 'eslint-plugin-trace-context/wrappers',
  },
};

/**
 * A flat config, the codemod engine's parser set-up: typescript-eslint's parser for TypeScript, espree
 * for JavaScript (`.js`/`.mjs` as modules with JSX, or as CommonJS for the retry; `.cjs` always
 * CommonJS), and the given rules. The default
 * `node_modules` ignore is lifted, since that is where the corpus lives.
 */
export function buildConfig(
  jsSourceType: 'module' | 'commonjs',
  plugin?: Harness['plugin'],
  rules: Linter.RulesRecord = {},
): Linter.Config[] {
  const configs: Linter.Config[] = [
    { ignores: ['!**/node_modules/'] },
    {
      files: TS_FILES,
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      },
    },
    {
      files: ESM_FILES,
      languageOptions: { ecmaVersion: 'latest', sourceType: jsSourceType, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: CJS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
  ];
  if (plugin) {
    configs.push({
      files: [...TS_FILES, ...ESM_FILES, ...CJS_FILES],
      plugins: { 'trace-context': plugin as never },
      settings: TRACE_CONTEXT_SETTINGS,
      rules,
    });
  }
  return configs;
}

/** Every rule of the plugin at `error` with its default options. */
export function allRules(plugin: Harness['plugin']): Linter.RulesRecord {
  return Object.fromEntries(Object.keys(plugin.rules).map((name) => [`trace-context/${name}`, 'error' as const]));
}

/** The parse modes worth trying for a file, in order. */
export function parseModesFor(file: string): ParseMode[] {
  return extname(file) === '.js' ? ['default', 'commonjs'] : ['default'];
}

export const fatalMessage = (messages: Linter.LintMessage[]): Linter.LintMessage | undefined =>
  messages.find((m) => m.fatal === true);

/** A `ruleId: null` warning such as "No matching configuration": the harness itself is wrong. */
export const configProblem = (messages: Linter.LintMessage[]): Linter.LintMessage | undefined =>
  messages.find((m) => m.ruleId === null && !m.fatal && m.line === 0);

/** The first parse mode in which `source` parses (no rules run), or `undefined`. */
export function workingParseMode(linter: Linter, file: string, source: string): ParseMode | undefined {
  for (const mode of parseModesFor(file)) {
    const messages = linter.verify(source, buildConfig(mode === 'commonjs' ? 'commonjs' : 'module'), { filename: file });
    if (!fatalMessage(messages)) return mode;
  }
  return undefined;
}

export const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
