// eslint-doc-generator (v3) settings: `npm run docs` rewrites the generated header of each
// docs/rules/<rule>.md and the rules table in README.md; `npm run docs:check` fails on a diff.
// The plugin is loaded from package.json `main` (dist/), so both scripts build first.

/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  ignoreConfig: ['all'],
  configEmoji: [['recommended', '✅']],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocNotices: ['description', 'deprecated', 'configs', 'hasSuggestions', 'options'],
  ruleDocSectionInclude: ['Why', 'Examples', 'Codemod', 'Libraries covered', 'When not to use it'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options', 'deprecated'],
  urlConfigs: 'https://github.com/trace-context/eslint-plugin-trace-context#configuration',
  urlRuleDoc: 'https://github.com/trace-context/eslint-plugin-trace-context/blob/main/docs/rules/{name}.md',
};
