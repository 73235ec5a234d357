/**
 * Recognising code that already carries context: our wrappers (wherever they were imported from,
 * aliases included), the team's own helpers (`settings.helpers`, matched by name) and decorators.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { calleeName } from './ast';
import type { OriginResolver } from './origins';

/** The export names of `eslint-plugin-trace-context/wrappers`. */
export type WrapperName =
  | 'traceJob'
  | 'traceHandler'
  | 'bindContext'
  | 'injectContext'
  | 'injectMessageAttributes'
  | 'injectContextFields'
  | 'injectPayloadContext'
  | 'payloadContext'
  | 'withExtractedContext'
  | 'withLinkedContext'
  | 'extractContext'
  | 'traceScript'
  | 'injectContextEnv';

/**
 * Whether a call's callee is one of our wrappers: an imported or required binding whose exported
 * name is `name` (from the default wrapper module, an ejected copy, or a re-export), or a member of
 * a namespace of such a module.
 */
export function isWrapperCallee(callee: TSESTree.Node, name: WrapperName, origins: OriginResolver): boolean {
  if (calleeName(callee) !== name && callee.type !== AST_NODE_TYPES.Identifier) return false;
  const origin = origins.resolve(callee);
  if (!origin || origin.module === null) return false;
  return origin.path[origin.path.length - 1] === name;
}

/** `helpers` entries are names: `runAsJob(...)` or `tracing.runAsJob(...)` match `runAsJob`. */
export function isHelperCallee(callee: TSESTree.Node, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const name = calleeName(callee);
  return name !== undefined && names.includes(name);
}

/** The name a decorator is applied by: `@Traced()`, `@Traced`, `@tracing.Traced()`. */
export function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
  return calleeName(expression);
}
