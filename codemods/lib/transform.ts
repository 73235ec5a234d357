/**
 * Builds the jscodeshift transform modules (`codemods/<rule>.ts`, `codemods/all.ts`).
 *
 * Options (from the CLI, or `jscodeshift -t ... --name=value`):
 * - `settingsJson`: `settings['trace-context']` as JSON (jscodeshift may already have parsed it);
 * - `ruleOptionsJson`: rule name → its options in the project's ESLint config, as JSON;
 * - `wrapperModule`, `instrumented` (`detect` or a comma list): override the settings;
 * - `reportFile`: a JSON-lines file the transform appends changed files, failures and findings
 *   left for manual work to (the CLI's summary reads it).
 */
import { resolve } from 'node:path';

import type { API, FileInfo, Options } from 'jscodeshift';

import { resolveSettings, type TraceContextSettings } from '../../src/settings';
import { applyRuleSuggestions, type RuleOptions } from './engine';
import { RULE_NAMES } from './plugin';
import { appendRecords, type RunRecord } from './records';

export type TraceContextTransform = ((file: FileInfo, api: API, options: Options) => string | undefined) & {
  /** The rules this transform runs (without the `trace-context/` prefix). */
  rules: readonly string[];
};

const settingsCache = new Map<string, TraceContextSettings>();

function parseJsonOption(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new Error(`option ${name} is not valid JSON: ${(error as Error).message}`);
  }
}

function parseListOption(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value === 'detect') return value;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Settings from the transform's options: `settingsJson`, then the flag overrides; validated once. */
export function settingsFromOptions(options: Options): TraceContextSettings {
  const key = JSON.stringify([options.settingsJson, options.wrapperModule, options.instrumented]);
  let settings = settingsCache.get(key);
  if (!settings) {
    const raw = parseJsonOption(options.settingsJson, 'settingsJson') ?? {};
    const merged: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...raw } : (raw as never);
    if (options.wrapperModule !== undefined) merged.wrapperModule = options.wrapperModule;
    if (options.instrumented !== undefined) merged.instrumented = parseListOption(options.instrumented);
    settings = resolveSettings(merged);
    settingsCache.set(key, settings);
  }
  return settings;
}

function mentionsModule(text: string, moduleName: string): boolean {
  return text.includes(`'${moduleName}'`) || text.includes(`"${moduleName}"`);
}

export function createTransform(rules: readonly string[] | 'all'): TraceContextTransform {
  const ruleNames = rules === 'all' ? RULE_NAMES : rules;
  const unknown = ruleNames.filter((name) => !RULE_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`Unknown rule(s) ${unknown.join(', ')}; known: ${RULE_NAMES.join(', ')}`);

  const transform = (file: FileInfo, _api: API, options: Options): string | undefined => {
    const reportFile = typeof options.reportFile === 'string' ? options.reportFile : undefined;
    const absolute = resolve(file.path);
    try {
      const settings = settingsFromOptions(options);
      const ruleOptions = (parseJsonOption(options.ruleOptionsJson, 'ruleOptionsJson') ?? {}) as RuleOptions;
      const result = applyRuleSuggestions(file.source, file.path, { rules: ruleNames, settings, ruleOptions });
      if (reportFile) {
        const records: RunRecord[] = result.manual.map((finding) => ({ type: 'manual', file: absolute, ...finding }));
        if (result.changed) {
          records.unshift({
            type: 'changed',
            file: absolute,
            importsWrapper: mentionsModule(result.output, settings.wrapperModule),
          });
        }
        appendRecords(reportFile, records);
      }
      // undefined: not linted (cheap exit, "skipped"); the source itself: linted, nothing to change.
      if (!result.linted) return undefined;
      return result.output;
    } catch (error) {
      if (reportFile) {
        appendRecords(reportFile, [{ type: 'failed', file: absolute, reason: (error as Error).message }]);
      }
      throw error;
    }
  };
  return Object.assign(transform, { rules: ruleNames });
}
