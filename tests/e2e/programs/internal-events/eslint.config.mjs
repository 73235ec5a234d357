// The codemod reads settings['trace-context'] from the target's ESLint config. Having one here also
// keeps the repository's own config (which ignores tests/.tmp) from applying to the e2e copy.
import tsParser from '@typescript-eslint/parser';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  { ignores: ['dist/**'] },
  {
    settings: {
      'trace-context': { wrapperModule: 'eslint-plugin-trace-context/wrappers' },
    },
  },
];
