/** Where fixes import wrappers from, as seen from one file. */
import { dirname, relative, resolve, sep } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { findManifest } from './manifest';

/**
 * `wrapperModule` as an import specifier for `filename`. A package name or alias is used as
 * written; a relative path (`./src/tracing/wrappers`, what `eject-wrappers` prints) is taken from
 * the package root (the nearest `package.json`) and made relative to the file.
 */
export function wrapperSpecifier(filename: string, wrapperModule: string): string {
  if (!wrapperModule.startsWith('./') && !wrapperModule.startsWith('../')) return wrapperModule;
  if (!filename || filename.startsWith('<')) return wrapperModule;
  const root = findManifest(filename)?.dir ?? process.cwd();
  const target = resolve(root, wrapperModule);
  let specifier = relative(dirname(resolve(filename)), target).split(sep).join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return specifier;
}

/** The local name under which the file already imports `name` from `module` (aliases included). */
export function importedLocalName(sourceCode: Readonly<TSESLint.SourceCode>, module: string, name: string): string | undefined {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === module && statement.importKind !== 'type') {
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return `${specifier.local.name}.${name}`;
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        if (imported === name) return specifier.local.name;
      }
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (
          declarator.id.type === AST_NODE_TYPES.Identifier &&
          init?.type === AST_NODE_TYPES.CallExpression &&
          init.callee.type === AST_NODE_TYPES.Identifier &&
          init.callee.name === 'require' &&
          init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          init.arguments[0].value === module
        ) {
          return `${declarator.id.name}.${name}`;
        }
        if (
          declarator.id.type === AST_NODE_TYPES.ObjectPattern &&
          init?.type === AST_NODE_TYPES.CallExpression &&
          init.callee.type === AST_NODE_TYPES.Identifier &&
          init.callee.name === 'require' &&
          init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          init.arguments[0].value === module
        ) {
          for (const property of declarator.id.properties) {
            if (
              property.type === AST_NODE_TYPES.Property &&
              property.key.type === AST_NODE_TYPES.Identifier &&
              property.key.name === name &&
              property.value.type === AST_NODE_TYPES.Identifier
            ) {
              return property.value.name;
            }
          }
        }
      }
    }
  }
  return undefined;
}
