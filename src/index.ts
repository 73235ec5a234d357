import type { TSESLint } from '@typescript-eslint/utils';

import { buildConfigs } from './configs';
import { rules } from './rules';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../../package.json') as { name: string; version: string };

const plugin = {
  meta: { name, version, namespace: 'trace-context' },
  rules,
} as unknown as TSESLint.FlatConfig.Plugin & { rules: typeof rules };

const configs = buildConfigs(plugin, rules as never);
(plugin as { configs?: unknown }).configs = configs;

export { rules, configs };
export default plugin as typeof plugin & { configs: typeof configs };
// CommonJS consumers (`require('eslint-plugin-trace-context')`) get the plugin object itself.
module.exports = Object.assign(plugin, { default: plugin, rules, configs });
