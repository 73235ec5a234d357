/** What a callback handed to a library does about spans (shared by the modes). */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { TraceContextSettings } from '../settings';
import { calleeName, hasOwnAsyncWork, walk } from './ast';
import { isFunctionNode, memberName, unwrapExpression, type FunctionNode, type OriginResolver } from './origins';

export type CallbackAnalysis =
  | { readonly status: 'handled' }
  | { readonly status: 'partial'; readonly call: TSESTree.CallExpression }
  | { readonly status: 'none' }
  | { readonly status: 'notFunction' };

/** A mode's notion of "this callback already runs in the span it needs". */
export interface SpanPolicy {
  /** A call that returns a handled function (`traceJob('n', fn)`, a team helper). */
  isHandlingWrapper(callee: TSESTree.Node): boolean;
  /** A call inside the callback's body: `handled` (e.g. a root span starts), `partial` (a span, but the wrong kind), or neither. */
  classifyCall(call: TSESTree.CallExpression, callee: TSESTree.Node): 'handled' | 'partial' | undefined;
}

const MAX_FOLLOW = 2;

/**
 * Judges what a callback does about spans, following it to its declaration in the same file:
 * same-file functions, same-class methods and fields, bound functions (`fn.bind(this)`,
 * `bindContext(fn)`), one or two calls deep. What counts as "handled" is the mode's `SpanPolicy`.
 */
export class CallbackAnalyzer {
  private readonly fnCache = new WeakMap<TSESTree.Node, CallbackAnalysis>();
  private readonly asyncCache = new WeakMap<TSESTree.Node, boolean>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly origins: OriginResolver,
    private readonly settings: TraceContextSettings,
    private readonly policy: SpanPolicy,
  ) {}

  /** A callback expression given to a scheduler or an emitter. */
  callback(node: TSESTree.Node, depth: number): CallbackAnalysis {
    const target = unwrapExpression(node);
    switch (target.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        return this.fn(target, depth);
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ClassExpression:
        return { status: 'notFunction' };
      case AST_NODE_TYPES.CallExpression: {
        if (this.policy.isHandlingWrapper(target.callee)) return { status: 'handled' };
        if (this.isPathValue(target)) return { status: 'notFunction' };
        {
          const bound = this.boundFunction(target);
          if (bound && bound !== target) return this.callback(bound, depth);
        }
        return { status: 'none' };
      }
      case AST_NODE_TYPES.Identifier: {
        if (target.name === 'undefined') return { status: 'notFunction' };
        const local = this.origins.localFunction(target);
        if (local) return this.fn(local, depth);
        const def = this.origins.variableOf(target)?.defs[0];
        if (def?.type === 'Variable') {
          const declarator = def.node as TSESTree.VariableDeclarator;
          if (declarator.init && declarator.id.type === AST_NODE_TYPES.Identifier && depth < MAX_FOLLOW) {
            return this.callback(declarator.init, depth + 1);
          }
        }
        return { status: 'none' };
      }
      case AST_NODE_TYPES.MemberExpression: {
        const local = this.origins.localFunction(target);
        if (local) return this.fn(local, depth);
        if (target.object.type === AST_NODE_TYPES.ThisExpression) {
          // a same-class field holding a wrapped function: `run = traceJob(...)`
          const name = memberName(target);
          for (const member of name ? this.origins.membersOf(target, name) : []) {
            if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value) return this.callback(member.value, depth + 1);
          }
        }
        return { status: 'none' };
      }
      default:
        return { status: 'none' };
    }
  }

  /** The function a bind-like call binds: `fn.bind(this)`, `bindContext(fn)`, `context.bind(ctx, fn)`. */
  boundFunction(call: TSESTree.CallExpression): TSESTree.Node | undefined {
    const contextBound = this.contextBoundFunction(call);
    if (contextBound) return contextBound;
    if (calleeName(call.callee) === 'bind' && call.callee.type === AST_NODE_TYPES.MemberExpression) return call.callee.object;
    return undefined;
  }

  /**
   * The function a context binder pins to the registration context (`bindContext(fn)`,
   * `context.bind(ctx, fn)`, `AsyncResource.bind(fn)`, `helpers.bind` names); not `Function.prototype.bind`.
   */
  contextBoundFunction(call: TSESTree.CallExpression): TSESTree.Node | undefined {
    const name = calleeName(call.callee);
    if (name === 'bind' && call.callee.type === AST_NODE_TYPES.MemberExpression) {
      const objectKey = this.origins.key(call.callee.object);
      if (objectKey === '@opentelemetry/api:context' && call.arguments.length >= 2) return call.arguments[1];
      if (objectKey === 'async_hooks:AsyncResource') return call.arguments[0];
      return undefined;
    }
    if (name === 'bindContext' || this.settings.helpers.bind.includes(name ?? '')) return call.arguments[0];
    return undefined;
  }

  /** A block (a loop body) analysed like a function body. */
  body(node: TSESTree.Node, depth: number): CallbackAnalysis {
    return this.scan(node, depth);
  }

  fn(fn: FunctionNode, depth: number): CallbackAnalysis {
    const cached = this.fnCache.get(fn);
    if (cached) return cached;
    this.fnCache.set(fn, { status: 'none' }); // recursion guard
    const result = this.scan(fn.body, depth);
    this.fnCache.set(fn, result);
    return result;
  }

  private scan(root: TSESTree.Node, depth: number): CallbackAnalysis {
    let partial: TSESTree.CallExpression | undefined;
    let handled = false;
    walk(this.sourceCode, root, (node) => {
      if (handled) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return true;
      const callee = unwrapExpression(node.callee);
      if (this.policy.isHandlingWrapper(callee)) {
        handled = true;
        return false;
      }
      const verdict = this.policy.classifyCall(node, callee);
      if (verdict === 'handled') {
        handled = true;
        return false;
      }
      if (verdict === 'partial') {
        partial ??= node;
        return true;
      }
      if (depth < MAX_FOLLOW) {
        const local = this.origins.localFunction(callee);
        // A same-file function or method, or a same-class field / const holding a wrapped function.
        const inner = local
          ? this.fn(local, depth + 1)
          : callee.type === AST_NODE_TYPES.Identifier ||
              (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression)
            ? this.callback(callee, depth + 1)
            : undefined;
        if (inner?.status === 'handled') {
          handled = true;
          return false;
        }
        if (inner?.status === 'partial') partial ??= inner.call;
      }
      return true;
    });
    if (handled) return { status: 'handled' };
    return partial ? { status: 'partial', call: partial } : { status: 'none' };
  }

  /** `path.join(…)`, `require.resolve(…)`, `fileURLToPath(…)`: a task file, not a function. */
  isPathValue(call: TSESTree.CallExpression): boolean {
    const origin = this.origins.resolve(call.callee);
    if (origin?.module === 'path' || origin?.module === 'url') return true;
    const callee = unwrapExpression(call.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(callee) === 'resolve' &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'require'
    );
  }

  /** A function, a same-file function's name, a bound function or a wrapped one. */
  isFunctionLike(node: TSESTree.Node): boolean {
    const target = unwrapExpression(node);
    if (isFunctionNode(target)) return true;
    if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) {
      return this.origins.localFunction(target) !== undefined;
    }
    if (target.type === AST_NODE_TYPES.CallExpression) {
      return this.policy.isHandlingWrapper(target.callee) || this.boundFunction(target) !== undefined;
    }
    return false;
  }

  isAsyncWork(node: TSESTree.Node, depth = 0): boolean {
    const target = unwrapExpression(node);
    const cached = this.asyncCache.get(target);
    if (cached !== undefined) return cached;
    this.asyncCache.set(target, false);
    let result = false;
    let fn: FunctionNode | undefined;
    if (isFunctionNode(target)) fn = target;
    else if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) {
      fn = this.origins.localFunction(target);
    } else if (target.type === AST_NODE_TYPES.CallExpression) {
      const bound = this.boundFunction(target);
      result = bound !== undefined && bound !== target && depth < MAX_FOLLOW && this.isAsyncWork(bound, depth + 1);
      this.asyncCache.set(target, result);
      return result;
    }
    const body = fn ? fn.body : target.type === AST_NODE_TYPES.BlockStatement || target.type === AST_NODE_TYPES.ExpressionStatement ? target : undefined;
    if (fn?.async) result = true;
    else if (body) {
      result = hasOwnAsyncWork(this.sourceCode, fn ?? body);
      if (!result && depth < MAX_FOLLOW) {
        walk(this.sourceCode, body, (child) => {
          if (result) return false;
          if (child !== body && isFunctionNode(child)) return false;
          if (child.type === AST_NODE_TYPES.CallExpression) {
            const callee = this.origins.localFunction(child.callee);
            if (callee && this.isAsyncWork(callee, depth + 1)) result = true;
          }
          return !result;
        });
      }
    }
    this.asyncCache.set(target, result);
    return result;
  }
}
