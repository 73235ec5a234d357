import type { Rule } from 'eslint';

import tracePlugin from '../../src/index';

/** The plugin object, typed for ESLint's `Linter` (flat config). */
export const plugin = tracePlugin as unknown as { meta: { name: string; version: string }; rules: Record<string, Rule.RuleModule> };

/** Every rule name, alphabetical (the order of `src/rules/index.ts`). */
export const RULE_NAMES: readonly string[] = Object.keys(plugin.rules);

/** `eslint-plugin-trace-context`: what a package must list in `dependencies` to import the wrappers. */
export const PLUGIN_PACKAGE_NAME: string = plugin.meta.name;

export const RULE_PREFIX = 'trace-context/';
