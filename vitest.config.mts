import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/.tmp/**', 'tests/**/fixtures/**'],
    setupFiles: ['tests/setup/rule-tester.ts'],
    // End-to-end tests build, run the codemod on a copy and start real schedulers.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
