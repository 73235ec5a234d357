/**
 * Whether code already puts the trace context into a carrier (inject) or continues it from one
 * (extract): our wrappers, the plain OpenTelemetry API, and the team's `helpers.inject` /
 * `helpers.extract` names. Shared by the modes that cross a boundary (1 and 3).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { TraceContextSettings } from '../settings';
import { calleeName, walk } from './ast';
import { isFunctionNode, memberName, propertyKeyName, staticString, unwrapExpression, type OriginResolver } from './origins';
import { isHelperCallee, isWrapperCallee, type WrapperName } from './wrappers';

/** Wrappers that write the context into a carrier (HTTP headers, message headers/attributes/fields, payloads). */
const INJECT_WRAPPERS: readonly WrapperName[] = ['injectContext', 'injectMessageAttributes', 'injectContextFields', 'injectPayloadContext'];
/** Wrappers that read the context from a carrier and continue it (as parent, or as a link for batches). */
const EXTRACT_WRAPPERS: readonly WrapperName[] = ['withExtractedContext', 'withLinkedContext', 'extractContext'];
const INJECT_NAMES: ReadonlySet<string> = new Set(INJECT_WRAPPERS);
/** Array methods whose callback sees each element: `messages.forEach((m) => inject(…, m.headers))`. */
const ELEMENT_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap']);
const EXTRACT_NAMES: ReadonlySet<string> = new Set(EXTRACT_WRAPPERS);

export class PropagationJudge {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly origins: OriginResolver,
    private readonly settings: TraceContextSettings,
  ) {}

  isInjectCall(call: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(call.callee);
    const name = calleeName(callee);
    if (name !== undefined && INJECT_NAMES.has(name)) return true; // ours, an ejected copy, or a same-named helper
    if (INJECT_WRAPPERS.some((wrapper) => isWrapperCallee(callee, wrapper, this.origins))) return true;
    if (isHelperCallee(callee, this.settings.helpers.inject)) return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'inject') {
      const key = this.origins.key(callee.object);
      return key === '@opentelemetry/api:propagation' || (key === undefined && calleeName(callee.object) === 'propagation');
    }
    return false;
  }

  /** Whether a node (or a same-file function it calls) contains an inject call. */
  injectsSomewhere(root: TSESTree.Node, depth = 0): boolean {
    let found = false;
    walk(this.sourceCode, root, (node) => {
      if (found) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return true;
      if (this.isInjectCall(node)) {
        found = true;
        return false;
      }
      if (depth < 2) {
        const local = this.origins.localFunction(node.callee);
        if (local && this.injectsSomewhere(local.body, depth + 1)) found = true;
      }
      return !found;
    });
    return found;
  }

  /** The call's arguments inject, or the variables they name were injected into in the enclosing function. */
  alreadyInjects(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    for (const arg of call.arguments) if (this.injectsSomewhere(arg) || this.writesTraceparent(arg)) return true;
    if (call.type === AST_NODE_TYPES.CallExpression && call.parent?.type === AST_NODE_TYPES.MemberExpression) {
      // superagent: `.set(injectContext())` further down the chain
      let chain: TSESTree.Node = call.parent;
      while (chain.type === AST_NODE_TYPES.MemberExpression && chain.parent?.type === AST_NODE_TYPES.CallExpression) {
        if (chain.parent.arguments.some((arg) => this.injectsSomewhere(arg))) return true;
        if (!chain.parent.parent || chain.parent.parent.type !== AST_NODE_TYPES.MemberExpression) break;
        chain = chain.parent.parent;
      }
    }
    // A carrier variable injected into (`propagation.inject(context.active(), headers)`) or
    // initialised with an injected carrier (`const headers = injectContext(…)`) in the same function.
    const variables = new Set<unknown>();
    for (const arg of call.arguments) {
      walk(this.sourceCode, arg, (node) => {
        if (isFunctionNode(node)) return false;
        if (node.type === AST_NODE_TYPES.Property && !node.computed) {
          walk(this.sourceCode, node.value, (inner) => {
            if (inner.type === AST_NODE_TYPES.Identifier && !isPropertyKey(inner)) this.addVariable(variables, inner);
            return !isFunctionNode(inner) && inner.type !== AST_NODE_TYPES.MemberExpression;
          });
          return false;
        }
        if (node.type === AST_NODE_TYPES.MemberExpression) {
          const object = unwrapExpression(node.object);
          if (object.type === AST_NODE_TYPES.Identifier) this.addVariable(variables, object);
          return false;
        }
        if (node.type === AST_NODE_TYPES.Identifier) this.addVariable(variables, node);
        return true;
      });
    }
    if (variables.size === 0) return false;
    const scopeRoot = enclosingFunction(call) ?? this.sourceCode.ast;
    let found = false;
    walk(this.sourceCode, scopeRoot, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && this.isInjectCall(node)) {
        for (const arg of node.arguments) {
          let value = unwrapExpression(arg);
          if (value.type === AST_NODE_TYPES.AssignmentExpression) value = unwrapExpression(value.left); // `(m.headers ??= {})`
          while (value.type === AST_NODE_TYPES.MemberExpression) value = unwrapExpression(value.object); // `options.headers`
          if (value.type === AST_NODE_TYPES.Identifier && (variables.has(this.origins.variableOf(value)) || this.isElementOf(value, variables))) {
            found = true;
          }
        }
      }
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) {
        if (variables.has(this.origins.variableOf(node.id)) && (this.injectsSomewhere(node.init) || setsTraceparent(node.init))) found = true;
      }
      // By hand: `headers.set('traceparent', …)`, `headers['traceparent'] = …`, `headers.traceparent = …`.
      const carrier = handWrittenTraceparentCarrier(node);
      if (carrier && variables.has(this.origins.variableOf(carrier))) found = true;
      return !found;
    });
    return found;
  }

  /**
   * Whether `id` names each element of one of `variables` in turn: the parameter of a callback
   * given to `messages.forEach(…)` / `map(…)`, or the variable of `for (const m of messages)`.
   * (Injecting into every message's headers that way injects into the messages sent.)
   */
  private isElementOf(id: TSESTree.Identifier, variables: ReadonlySet<unknown>): boolean {
    const def = this.origins.variableOf(id)?.defs[0];
    if (!def) return false;
    let source: TSESTree.Node | undefined;
    if (def.type === 'Parameter' && isFunctionNode(def.node) && def.node.params[0] === def.name) {
      const fn: TSESTree.Node = def.node;
      const call = fn.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn && call.callee.type === AST_NODE_TYPES.MemberExpression) {
        if (ELEMENT_METHODS.has(memberName(call.callee) ?? '')) source = call.callee.object;
      }
    } else if (def.type === 'Variable' && def.parent?.parent?.type === AST_NODE_TYPES.ForOfStatement) {
      source = def.parent.parent.right;
    }
    const value = source ? unwrapExpression(source) : undefined;
    return value?.type === AST_NODE_TYPES.Identifier && variables.has(this.origins.variableOf(value));
  }

  /** An argument that carries a hand-written `traceparent` (`{ headers: { traceparent: id } }`). */
  private writesTraceparent(arg: TSESTree.Node): boolean {
    let found = false;
    walk(this.sourceCode, arg, (node) => {
      if (found || isFunctionNode(node)) return false;
      if (setsTraceparent(node)) found = true;
      return !found;
    });
    return found;
  }

  private addVariable(set: Set<unknown>, id: TSESTree.Identifier): void {
    const variable = this.origins.variableOf(id);
    if (variable && variable.defs.length > 0) set.add(variable);
  }

  /** `withExtractedContext(…)`, `propagation.extract(…)`, a `helpers.extract` name. */
  isExtractCall(call: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(call.callee);
    const name = calleeName(callee);
    if (name !== undefined && EXTRACT_NAMES.has(name)) return true; // ours, an ejected copy, or a same-named helper
    if (EXTRACT_WRAPPERS.some((wrapper) => isWrapperCallee(callee, wrapper, this.origins))) return true;
    if (isHelperCallee(callee, this.settings.helpers.extract)) return true;
    if (name === 'extract' && callee.type === AST_NODE_TYPES.MemberExpression) {
      const key = this.origins.key(callee.object);
      return key === '@opentelemetry/api:propagation' || calleeName(callee.object) === 'propagation';
    }
    return false;
  }

  /** Whether a node (or a same-file function it calls) contains an extract call. */
  extractsSomewhere(root: TSESTree.Node, depth = 0): boolean {
    let found = false;
    walk(this.sourceCode, root, (node) => {
      if (found) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return true;
      if (this.isExtractCall(node)) {
        found = true;
        return false;
      }
      if (depth < 2) {
        const local = this.origins.localFunction(node.callee);
        if (local && this.extractsSomewhere(local.body, depth + 1)) found = true;
      }
      return !found;
    });
    return found;
  }
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** The key of a non-computed, non-shorthand property (`{ data: x }`'s `data`): a name, not a variable. */
function isPropertyKey(id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  return parent?.type === AST_NODE_TYPES.Property && parent.key === id && !parent.computed && !parent.shorthand;
}

/** An object literal that writes a `traceparent` key itself (`{ traceparent: … }`). */
function setsTraceparent(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (
    value.type === AST_NODE_TYPES.ObjectExpression &&
    value.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed)?.toLowerCase() === 'traceparent')
  );
}

/**
 * The carrier variable a statement writes a `traceparent` into by hand: `h.set('traceparent', v)`
 * (NATS/gRPC headers, `Headers`), `h['traceparent'] = v`, `h.traceparent = v`.
 */
function handWrittenTraceparentCarrier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let target: TSESTree.Node | undefined;
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(node.callee);
    if ((method === 'set' || method === 'append') && node.arguments[0] && staticString(node.arguments[0])?.toLowerCase() === 'traceparent') {
      target = node.callee.object;
    }
  } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
    if (memberName(node.left)?.toLowerCase() === 'traceparent') target = node.left.object;
  }
  let value = target ? unwrapExpression(target) : undefined;
  while (value?.type === AST_NODE_TYPES.MemberExpression) value = unwrapExpression(value.object);
  return value?.type === AST_NODE_TYPES.Identifier ? value : undefined;
}
