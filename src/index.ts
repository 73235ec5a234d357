import type { TSESLint } from '@typescript-eslint/utils';

import { buildConfigs } from './configs';
import { PACKAGE_NAME, PACKAGE_VERSION } from './meta';
import { rules } from './rules';

type Plugin = TSESLint.FlatConfig.Plugin & {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: ReturnType<typeof buildConfigs>;
};

const plugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: 'trace-context' },
  rules,
} as unknown as Plugin;

// The configs refer to the plugin object itself, so they are added after it exists.
plugin.configs = buildConfigs(plugin, rules as never);

// `require('eslint-plugin-trace-context')` and `import traceContext from 'eslint-plugin-trace-context'`
// both get the plugin object.
export = plugin;
