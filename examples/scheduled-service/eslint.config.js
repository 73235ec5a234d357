import tsParser from '@typescript-eslint/parser';
import traceContext from 'eslint-plugin-trace-context';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  traceContext.configs.recommended,
];
