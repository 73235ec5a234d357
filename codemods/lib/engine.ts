/**
 * The codemod engine: runs the plugin's rules through ESLint's `Linter` and applies their
 * suggestions as plain text edits. Parser, scope analysis, `eslint-disable` comments and the
 * edits are exactly what an editor shows; no second detector, no reprinting.
 */
import { extname, parse as parsePath, resolve } from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import type { Rule } from 'eslint';

import type { TraceContextSettings } from '../../src/settings';
import { SUPPORTED_EXTENSIONS } from './extensions';
import { plugin as tracePlugin, RULE_PREFIX } from './plugin';
import { mayReport } from './tokens';

export { SUPPORTED_EXTENSIONS };

/** At most this many lint-and-apply passes per file; what is still reported is left for manual work. */
export const MAX_PASSES = 20;

export interface ManualFinding {
  line: number;
  column: number;
  ruleId: string;
  message: string;
  /** Why the codemod did not fix it. */
  reason: 'no suggestion' | 'suggestion not applied';
}

export interface EngineResult {
  /** The new text (BOM kept); equals the input when nothing changed. */
  output: string;
  changed: boolean;
  /** False when the cheap exit skipped the file (no token of any rule occurs). */
  linted: boolean;
  /** Suggestions applied in total. */
  applied: number;
  /** Lint passes that applied something. */
  passes: number;
  /** Reports the codemod could not fix, with positions in `output`. */
  manual: ManualFinding[];
}

/** Rule name (without the prefix) → the options the project's ESLint config gives it. */
export type RuleOptions = Readonly<Record<string, readonly unknown[]>>;

export interface EngineOptions {
  /** Options per rule, as the project's ESLint config sets them (defaults when absent). */
  ruleOptions?: RuleOptions;
  /** Rule names without the `trace-context/` prefix. */
  rules: readonly string[];
  settings: TraceContextSettings;
  maxPasses?: number;
  /** Another plugin under the `trace-context` namespace (tests of the engine with throwaway rules). */
  plugin?: { rules: Record<string, Rule.RuleModule> };
}

/** A file the parser rejects; the runner reports it and leaves the file untouched. */
export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseError';
    // jscodeshift's runner prints the stack under the message; for a parse error the message
    // (path, parser message, position) says it all.
    this.stack = '';
  }
}

type JsMode = 'module' | 'commonjs';

const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts'];
const TSX_FILES = ['**/*.tsx'];
const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs'];
const CJS_FILES = ['**/*.cjs'];
const ALL_FILES = [...TS_FILES, ...TSX_FILES, ...JS_FILES, ...CJS_FILES];

const parser = tsParser as unknown as Linter.Parser;

/** One `Linter` per file-system root (so every absolute path lies inside its `cwd`), per worker. */
const linters = new Map<string, Linter>();

function linterFor(filename: string): Linter {
  const { root } = parsePath(filename);
  let linter = linters.get(root);
  if (!linter) {
    linter = new Linter({ configType: 'flat', cwd: root });
    linters.set(root, linter);
  }
  return linter;
}

type PluginLike = NonNullable<EngineOptions['plugin']>;
const configs = new WeakMap<PluginLike, Map<string, Linter.Config[]>>();

function configFor(
  plugin: PluginLike,
  rules: readonly string[],
  settings: TraceContextSettings,
  jsMode: JsMode,
  ruleOptions: RuleOptions = {},
): Linter.Config[] {
  const key = `${jsMode}\0${rules.join(',')}\0${JSON.stringify(settings)}\0${JSON.stringify(ruleOptions)}`;
  let byKey = configs.get(plugin);
  if (!byKey) {
    byKey = new Map();
    configs.set(plugin, byKey);
  }
  let config = byKey.get(key);
  if (!config) {
    config = [
      // The codemod lints what the runner hands it, wherever it lives.
      { ignores: ['!**/node_modules/'] },
      {
        files: TS_FILES,
        languageOptions: { parser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: false } } },
      },
      {
        files: TSX_FILES,
        languageOptions: { parser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      {
        files: JS_FILES,
        languageOptions: { ecmaVersion: 'latest', sourceType: jsMode, parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      { files: CJS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
      {
        files: ALL_FILES,
        plugins: { 'trace-context': plugin },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        settings: { 'trace-context': settings },
        rules: Object.fromEntries(rules.map((name) => [`${RULE_PREFIX}${name}`, ['error', ...(ruleOptions[name] ?? [])]])),
      },
    ];
    byKey.set(key, config);
  }
  return config;
}

interface Fix {
  range: [number, number];
  text: string;
}

function firstFix(message: Linter.LintMessage): Fix | undefined {
  return message.suggestions?.[0]?.fix as Fix | undefined;
}

/**
 * ESLint 10 refuses to lint a file with a `/* eslint-env … *\/` comment (a fatal message), and older
 * code bases have many. The rules do not care about it, so the codemod lints a copy in which the
 * directive's name is changed to a same-length non-directive (offsets stay valid for the real text)
 * and changes it back in any fix text copied from that copy. The file keeps its comment.
 */
const ESLINT_ENV = /(\/\*\s*)eslint-env\b/g;
const MASKED_ESLINT_ENV = /(\/\*\s*)eslint=env\b/g;
const maskEslintEnv = (text: string): string => (text.includes('eslint-env') ? text.replace(ESLINT_ENV, '$1eslint=env') : text);
const unmaskEslintEnv = (text: string): string => (text.includes('eslint=env') ? text.replace(MASKED_ESLINT_ENV, '$1eslint-env') : text);

const position = (message: Linter.LintMessage): string => `(${message.line}:${message.column})`;

/**
 * Lints `source` (the file's text, BOM included) with the given rules and applies their first
 * suggestions: the non-overlapping ones of a pass together, then re-lints, until none are left
 * or `maxPasses` is reached. Throws `ParseError` when the file does not parse.
 */
export function applyRuleSuggestions(source: string, filePath: string, options: EngineOptions): EngineResult {
  const ext = extname(filePath).slice(1);
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new Error(`${filePath}: unsupported extension '.${ext}' (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  const plugin = options.plugin ?? tracePlugin;
  const rules = options.rules.filter((name) => mayReport(name, source, plugin));
  if (rules.length === 0) {
    return { output: source, changed: false, linted: false, applied: 0, passes: 0, manual: [] };
  }

  // ESLint's ranges are offsets into the text without the BOM.
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const original = bom ? source.slice(1) : source;
  const filename = resolve(filePath);
  const linter = linterFor(filename);
  const ruleIds = new Set(rules.map((name) => `${RULE_PREFIX}${name}`));
  const maxPasses = options.maxPasses ?? MAX_PASSES;

  let jsMode: JsMode = 'module';
  const lint = (text: string): Linter.LintMessage[] =>
    linter.verify(maskEslintEnv(text), configFor(plugin, rules, options.settings, jsMode, options.ruleOptions), { filename });

  let messages = lint(original);
  let fatal = messages.find((message) => message.fatal);
  if (fatal && (ext === 'js' || ext === 'jsx')) {
    // A `.js` file may be a CommonJS script (top-level `return`, legacy syntax): try that too.
    jsMode = 'commonjs';
    const retried = lint(original);
    if (retried.some((message) => message.fatal)) jsMode = 'module';
    else {
      messages = retried;
      fatal = undefined;
    }
  }
  if (fatal) throw new ParseError(`${filePath}: ${fatal.message} ${position(fatal)}`);
  checkConfigured(messages, filePath);

  let text = original;
  let applied = 0;
  let passes = 0;
  let findings = messages.filter((message) => message.ruleId !== null && ruleIds.has(message.ruleId));

  while (passes < maxPasses) {
    const fixes = findings
      .map(firstFix)
      .filter((fix): fix is Fix => fix !== undefined)
      .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    if (fixes.length === 0) break;

    // Non-overlapping fixes of this pass, applied from the end so earlier offsets stay valid.
    const chosen: Fix[] = [];
    let lastEnd = -1;
    for (const fix of fixes) {
      if (fix.range[0] <= lastEnd) continue;
      chosen.push(fix);
      lastEnd = fix.range[1];
    }
    let next = text;
    for (const fix of chosen.reverse()) {
      next = next.slice(0, fix.range[0]) + unmaskEslintEnv(fix.text) + next.slice(fix.range[1]);
    }
    if (next === text) break;
    text = next;
    applied += chosen.length;
    passes += 1;

    messages = lint(text);
    const broken = messages.find((message) => message.fatal);
    if (broken) {
      throw new Error(
        `${filePath}: applying the suggestions of ${[...ruleIds].join(', ')} produced code that does not parse ` +
          `(pass ${passes}: ${broken.message} ${position(broken)}); the file was left unchanged`,
      );
    }
    findings = messages.filter((message) => message.ruleId !== null && ruleIds.has(message.ruleId));
  }

  const manual: ManualFinding[] = findings.map((message) => ({
    line: message.line,
    column: message.column,
    ruleId: message.ruleId as string,
    message: message.message,
    reason: firstFix(message) ? 'suggestion not applied' : 'no suggestion',
  }));
  const output = bom + text;
  return { output, changed: text !== original, linted: true, applied, passes, manual };
}

/** The Linter answers a file no config object matches with a warning, not an error: make it one. */
function checkConfigured(messages: Linter.LintMessage[], filePath: string): void {
  const unmatched = messages.find((message) => message.ruleId === null && /no matching configuration/i.test(message.message));
  if (unmatched) throw new Error(`${filePath}: ${unmatched.message}`);
}
