import type { TSESLint } from '@typescript-eslint/utils';

import type { TraceContextDocs } from './core/create-rule';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], TraceContextDocs>;

/** Flat configs computed from each rule's meta: `recommended` (rules marked recommended) and `all`. */
export function buildConfigs(plugin: TSESLint.FlatConfig.Plugin, rules: Record<string, AnyRule>) {
  const entries = Object.entries(rules);
  const pick = (keep: (rule: AnyRule) => boolean): TSESLint.FlatConfig.Rules =>
    Object.fromEntries(entries.filter(([, rule]) => keep(rule)).map(([name]) => [`trace-context/${name}`, 'error']));
  return {
    recommended: {
      name: 'trace-context/recommended',
      plugins: { 'trace-context': plugin },
      rules: pick((rule) => rule.meta.docs?.recommended === true),
    },
    all: {
      name: 'trace-context/all',
      plugins: { 'trace-context': plugin },
      rules: pick(() => true),
    },
  } satisfies Record<string, TSESLint.FlatConfig.Config>;
}
