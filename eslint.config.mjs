// The repository lints itself: typescript-eslint's recommended rules everywhere,
// eslint-plugin-eslint-plugin on the rules and their tests, and this plugin's own
// `recommended` config, loaded from the build (run `npm run build` first; `npm run lint` does).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const builtPlugin = fileURLToPath(new URL('./dist/src/index.js', import.meta.url));
if (!existsSync(builtPlugin)) {
  throw new Error('eslint.config.mjs loads the plugin from dist/src/index.js: run `npm run build` first.');
}
const traceContext = require(builtPlugin);

export default defineConfig(
  {
    name: 'repo/ignores',
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/.tmp/**', 'tests/**/fixtures/**', 'examples/**'],
  },
  tseslint.configs.recommended,
  {
    name: 'repo/typescript',
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    name: 'repo/commonjs',
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    ...eslintPlugin.configs.recommended,
    name: 'repo/eslint-plugin-rules',
    files: ['src/rules/**/*.ts'],
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Require|Disallow) ' }],
      'eslint-plugin/require-meta-docs-recommended': 'error',
      'eslint-plugin/prefer-placeholders': 'error',
    },
  },
  {
    ...eslintPlugin.configs['tests-recommended'],
    name: 'repo/eslint-plugin-tests',
    files: ['tests/rules/**/*.ts'],
  },
  traceContext.configs.recommended,
);
