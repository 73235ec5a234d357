/** Small, allocation-light AST helpers shared by the modes. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isFunctionNode, type FunctionNode } from './origins';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Visits `root` and its descendants depth-first. Return `false` from `visit` to skip a node's
 * children. Type annotations are skipped: they never run.
 */
export function walk(sourceCode: SourceCode, root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const childKeys = keys[node.type];
    if (!childKeys) continue;
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const key = childKeys[k]!;
      if (key === 'typeAnnotation' || key === 'returnType' || key === 'typeParameters' || key === 'typeArguments' || key === 'decorators') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as TSESTree.Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/** The name a callee is called by: `f` for `f()`, `b` for `a.b()`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  return undefined;
}

/** Whether a function body contains `await`, `for await`, a `.then/.catch/.finally` chain or `new Promise` (own body only). */
export function hasOwnAsyncWork(sourceCode: SourceCode, fn: FunctionNode | TSESTree.Node): boolean {
  let found = false;
  const root = isFunctionNode(fn) ? fn.body : fn;
  walk(sourceCode, root, (node) => {
    if (found) return false;
    if (node !== root && isFunctionNode(node)) return false;
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        found = true;
        return false;
      case AST_NODE_TYPES.ForOfStatement:
        if (node.await) found = true;
        return !found;
      case AST_NODE_TYPES.CallExpression:
        if (['then', 'catch', 'finally'].includes(calleeName(node.callee) ?? '') && node.callee.type === AST_NODE_TYPES.MemberExpression) {
          found = true;
          return false;
        }
        return true;
      case AST_NODE_TYPES.NewExpression:
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise') found = true;
        return !found;
      default:
        return true;
    }
  });
  return found;
}

/** Source range of a report on `new X(...)`: from `new` to the end of the callee. */
export function newHeadLoc(node: TSESTree.NewExpression): TSESTree.SourceLocation {
  return { start: node.loc.start, end: node.callee.loc.end };
}
