// The rule tests (and the plugin-wide meta tests) once more, against ESLint 9
// (`eslint9` = `npm:eslint@^9`), for the `^9.0.0 || ^10.0.0` peer range.
//
// @typescript-eslint/rule-tester is CommonJS and externalised, so its `require('eslint')` never
// meets a vite alias: the forked workers preload scripts/eslint9/register.cjs, which sends every
// `eslint` / `eslint/<subpath>` request (require and import) to `eslint9`. The alias below does
// the same for imports that vite itself resolves in test files. tests/meta/eslint-version.test.ts
// fails unless the rule tester really loads ESLint 9.
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

import base from './vitest.config.mjs';

const register = fileURLToPath(new URL('./scripts/eslint9/register.cjs', import.meta.url));

export default defineConfig({
  ...base,
  resolve: {
    alias: [{ find: /^eslint(\/.*)?$/, replacement: 'eslint9$1' }],
  },
  test: {
    ...base.test,
    include: ['tests/rules/**/*.test.ts', 'tests/meta/**/*.test.ts'],
    execArgv: ['--require', register],
    env: { TRACE_CONTEXT_EXPECT_ESLINT_MAJOR: '9' },
  },
});
