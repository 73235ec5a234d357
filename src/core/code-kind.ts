/**
 * Code kinds, decided once per file and reused by every mode:
 * - test code: `*.test.*` / `*.spec.*`, `__tests__/`, `test/` or `tests/` folders (relative to the
 *   nearest package root), or a file importing a test framework;
 * - browser code: `contextManager` `zone`/`stack`, or a file that uses `window`/`document`/React
 *   hooks (or says `'use client'`) and imports no Node built-in;
 * - server code: everything else.
 */
import { builtinModules } from 'node:module';
import { relative, sep } from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { TraceContextSettings } from '../settings';
import { findManifest } from './manifest';
import { staticString } from './origins';

export type CodeKind = 'test' | 'browser' | 'server';

const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
const TEST_DIRS = new Set(['__tests__', 'test', 'tests', '__mocks__']);
const TEST_MODULES = new Set(['vitest', 'jest', '@jest/globals', 'mocha', 'node:test', 'test', 'ava', 'tap', 'chai', 'sinon']);
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage'];
const REACT_MODULES = new Set(['react', 'preact/hooks', 'react-dom']);
const TEST_GLOBALS = new Set(['describe', 'it', 'test', 'suite']);

const cache = new WeakMap<object, CodeKind>();

function isTestPath(filename: string): boolean {
  if (TEST_FILE.test(filename)) return true;
  const manifest = findManifest(filename);
  const rel = manifest ? relative(manifest.dir, filename) : filename;
  const parts = rel.split(/[\\/]/).slice(0, -1);
  return parts.some((part) => TEST_DIRS.has(part)) || rel.split(sep).includes('__tests__');
}

function moduleOfStatement(statement: TSESTree.ProgramStatement): string[] {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) return [String(statement.source.value)];
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    const found: string[] = [];
    for (const declarator of statement.declarations) {
      let init = declarator.init;
      while (init && init.type === AST_NODE_TYPES.MemberExpression) init = init.object;
      if (
        init?.type === AST_NODE_TYPES.CallExpression &&
        init.callee.type === AST_NODE_TYPES.Identifier &&
        init.callee.name === 'require'
      ) {
        const source = staticString(init.arguments[0]);
        if (source !== undefined) found.push(source);
      }
    }
    return found;
  }
  if (
    statement.type === AST_NODE_TYPES.ExpressionStatement &&
    statement.expression.type === AST_NODE_TYPES.CallExpression &&
    statement.expression.callee.type === AST_NODE_TYPES.Identifier &&
    statement.expression.callee.name === 'require'
  ) {
    const source = staticString(statement.expression.arguments[0]);
    return source === undefined ? [] : [source];
  }
  return [];
}

function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  return NODE_BUILTINS.has(specifier.split('/')[0]!) || NODE_BUILTINS.has(specifier);
}

function decide(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, settings: TraceContextSettings): CodeKind {
  const sourceCode = context.sourceCode;
  const filename = context.physicalFilename ?? context.filename;
  if (isTestPath(filename)) return 'test';

  let usesNode = false;
  let usesReact = false;
  let useClient = false;
  for (const statement of sourceCode.ast.body) {
    if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      (statement as TSESTree.ExpressionStatement).directive === 'use client'
    ) {
      useClient = true;
    }
    for (const specifier of moduleOfStatement(statement)) {
      if (TEST_MODULES.has(specifier)) return 'test';
      if (isNodeBuiltin(specifier)) usesNode = true;
      if (REACT_MODULES.has(specifier)) usesReact = true;
    }
    if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.CallExpression &&
      statement.expression.callee.type === AST_NODE_TYPES.Identifier &&
      TEST_GLOBALS.has(statement.expression.callee.name) &&
      statement.expression.arguments.some(
        (arg) => arg.type === AST_NODE_TYPES.ArrowFunctionExpression || arg.type === AST_NODE_TYPES.FunctionExpression,
      ) &&
      staticString(statement.expression.arguments[0]) !== undefined
    ) {
      return 'test';
    }
  }

  if (settings.contextManager === 'zone' || settings.contextManager === 'stack') return 'browser';
  if (usesNode) return 'server';
  if (useClient || usesReact) return 'browser';
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (globalScope) {
    for (const reference of globalScope.through) {
      if (BROWSER_GLOBALS.includes(reference.identifier.name)) return 'browser';
    }
  }
  return 'server';
}

/** The code kind of the file being linted (cached per file). */
export function getCodeKind(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: TraceContextSettings,
): CodeKind {
  const key = context.sourceCode.ast;
  let kind = cache.get(key);
  if (!kind) {
    kind = decide(context, settings);
    cache.set(key, kind);
  }
  return kind;
}
