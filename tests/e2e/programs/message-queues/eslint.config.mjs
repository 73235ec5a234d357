// The codemod reads settings['trace-context'] from the target's ESLint config. Having one here also
// keeps the repository's own config (which ignores tests/.tmp) from applying to these programs.
export default [
  {
    settings: {
      'trace-context': { wrapperModule: 'eslint-plugin-trace-context/wrappers' },
    },
  },
];
