// Preloaded (`node --require`) into the ESLint 9 test workers: every request for `eslint`
// or `eslint/<subpath>`, from CommonJS (`require`, e.g. @typescript-eslint/rule-tester) or
// from ESM (`import`), resolves to the `eslint9` package (`npm:eslint@^9`) instead of the
// ESLint 10 install. tests/meta/eslint-version.test.ts proves it from the rule tester's side.
'use strict';

const Module = require('node:module');
const { pathToFileURL } = require('node:url');

const ALIAS = 'eslint9';
const redirect = (request) =>
  request === 'eslint' || request.startsWith('eslint/') ? ALIAS + request.slice('eslint'.length) : request;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveEslint9(request, ...rest) {
  return resolveFilename.call(this, redirect(request), ...rest);
};

if (typeof Module.register === 'function') {
  Module.register(pathToFileURL(require.resolve('./hooks.mjs')));
}
