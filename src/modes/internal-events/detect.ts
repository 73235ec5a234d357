/**
 * Mode 5 detection: in-process event, command and query handlers that run without a span.
 *
 * Registrations are collected while ESLint walks the file and judged at `Program:exit`, when the
 * file's listener removals (`off(evt, handler)`) are known too.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { calleeName } from '../../core/ast';
import { CallbackAnalyzer, type SpanPolicy } from '../../core/callbacks';
import {
  enclosingClass,
  getOrigins,
  importedLocalNames,
  memberName,
  originKey,
  propertyKeyName,
  staticString,
  unwrapExpression,
  type OriginResolver,
} from '../../core/origins';
import { decoratorName, isHelperCallee, isWrapperCallee } from '../../core/wrappers';
import type { TraceContextSettings } from '../../settings';
import {
  DECORATOR_NAMES,
  DOMAIN_EVENT_NAME,
  EMITTER_LIBRARIES,
  IO_EVENTS,
  MODULES,
  REGISTER_NAMES,
  REMOVER_NAMES,
  SHARED_BUS_NAME,
  findEmitterLibrary,
  findHandlerDecorator,
  type RegisterMethod,
} from './catalog';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The span's name: a string, or an expression used as written. */
export type HandlerName =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly node: TSESTree.Node };

export type HandlerFix =
  | { readonly type: 'wrapHandler'; readonly handler: TSESTree.Node; readonly unbind?: TSESTree.Node }
  | { readonly type: 'wrapBody'; readonly fn: TSESTree.FunctionExpression };

export interface InternalEventFinding {
  readonly messageId: 'unspannedHandler' | 'unspannedCqrsHandler';
  readonly loc: TSESTree.SourceLocation;
  readonly name: HandlerName;
  /** `removable`: the handler is also removed in this file, so it is reported without a fix. */
  readonly fix?: HandlerFix;
  readonly removable?: boolean;
}

interface Registration {
  readonly call: TSESTree.CallExpression;
  readonly method: RegisterMethod;
  readonly arrayName?: 'parts' | 'list';
}

const SPAN_STARTERS = new Set(['startActiveSpan', 'startSpan']);
const NODE_EMITTER_KEYS = new Set(EMITTER_LIBRARIES[0]!.instances);

/** Mode 5's "already handled": the handler runs inside a span (`traceHandler`, `startActiveSpan`, `helpers.span`). */
function childSpanPolicy(origins: OriginResolver, settings: TraceContextSettings): SpanPolicy {
  return {
    isHandlingWrapper: (callee) =>
      isWrapperCallee(callee, 'traceHandler', origins) ||
      isWrapperCallee(callee, 'traceJob', origins) ||
      isHelperCallee(callee, settings.helpers.span) ||
      isHelperCallee(callee, settings.helpers.rootSpan),
    classifyCall(_call, callee) {
      const name = calleeName(callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined && SPAN_STARTERS.has(name)
        ? 'handled'
        : undefined;
    },
  };
}

/** Listeners that find mode-5 problems and hand each finding to `report` at the end of the file. */
export function createInternalEventDetector(
  context: Context,
  settings: TraceContextSettings,
  report: (finding: InternalEventFinding) => void,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const origins = getOrigins(sourceCode);
  const analyzer = new CallbackAnalyzer(sourceCode, origins, settings, childSpanPolicy(origins, settings));
  const registrations: Registration[] = [];
  const decorated: {
    method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition;
    decorator: TSESTree.Decorator;
    cqrs: boolean;
    arrayName?: 'parts' | 'list';
  }[] = [];
  const removed = new Set<string>();

  return {
    CallExpression(node) {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = memberName(callee);
      if (name === undefined) return;
      if (REMOVER_NAMES.has(name)) {
        for (const arg of node.arguments) removed.add(sourceCode.getText(arg));
        return;
      }
      if (!REGISTER_NAMES.has(name)) return;
      const found = registerMethod(callee, name, node);
      if (found) registrations.push({ call: node, method: found.method, arrayName: found.arrayName });
    },
    Decorator(node) {
      const name = decoratorName(node);
      if (name === undefined || (!DECORATOR_NAMES.has(name) && !importedLocalNames(sourceCode, origins, MODULES).has(name))) return;
      const expression = node.expression.type === AST_NODE_TYPES.CallExpression ? node.expression.callee : node.expression;
      const decorator = findHandlerDecorator(origins.key(expression));
      if (!decorator) return;
      const parent = node.parent;
      if (decorator.target === 'method') {
        if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'method') {
          decorated.push({ method: parent, decorator: node, cqrs: false, arrayName: decorator.arrayName });
        }
        return;
      }
      if (parent.type !== AST_NODE_TYPES.ClassDeclaration && parent.type !== AST_NODE_TYPES.ClassExpression) return;
      for (const element of parent.body.body) {
        if (
          (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
          !element.static &&
          propertyKeyName(element.key, element.computed) === decorator.handlerMethod
        ) {
          decorated.push({ method: element, decorator: node, cqrs: true });
        }
      }
    },
    'Program:exit'() {
      for (const registration of registrations) {
        const finding = judgeRegistration(registration);
        if (finding) report(finding);
      }
      for (const item of decorated) {
        const finding = judgeDecorated(item.method, item.decorator, item.cqrs, item.arrayName);
        if (finding) report(finding);
      }
    },
  };

  /** The registering method when the receiver is a known bus (or, failing an origin, a bus by name). */
  function registerMethod(
    callee: TSESTree.MemberExpression,
    name: string,
    call: TSESTree.CallExpression,
  ): { method: RegisterMethod; arrayName?: 'parts' | 'list' } | undefined {
    const receiver = unwrapExpression(callee.object);
    if (receiver.type === AST_NODE_TYPES.Super) return undefined;
    const origin = receiver.type === AST_NODE_TYPES.ThisExpression ? origins.thisOrigin(callee) : origins.resolve(receiver);
    const library = findEmitterLibrary(origin ? originKey(origin) : undefined);
    if (library) {
      const method = library.methods[name];
      if (!method) return undefined;
      const event = method.event === null ? undefined : staticString(call.arguments[method.event]);
      if (event !== undefined && (event === 'error' || event === 'newListener' || event === 'removeListener')) return undefined;
      if (event !== undefined && IO_EVENTS.has(event) && NODE_EMITTER_KEYS.has(originKey(origin!))) return undefined;
      // A project class that overrides the registering method owns what happens to handlers.
      if (overridesMethod(receiver, callee, name)) return undefined;
      return { method, arrayName: library.arrayName };
    }
    if (origin && origin.module !== null && !origin.module.startsWith('.')) return undefined;
    if (receiver.type === AST_NODE_TYPES.Identifier) {
      // Only a bus that comes from elsewhere (an import, a parameter); a same-file value is judged by what it is.
      const defType = origins.variableOf(receiver)?.defs[0]?.type;
      if (defType !== 'ImportBinding' && defType !== 'Parameter' && !(defType === 'Variable' && origin)) return undefined;
    }
    // A bus handed across files: the receiver's name and a domain-looking event name must both say so.
    const receiverName =
      receiver.type === AST_NODE_TYPES.Identifier
        ? receiver.name
        : receiver.type === AST_NODE_TYPES.MemberExpression
          ? memberName(receiver)
          : undefined;
    if (receiverName === undefined || !SHARED_BUS_NAME.test(receiverName)) return undefined;
    if (name !== 'on' && name !== 'once' && name !== 'addListener') return undefined;
    const event = staticString(call.arguments[0]);
    if (event === undefined || !DOMAIN_EVENT_NAME.test(event) || IO_EVENTS.has(event)) return undefined;
    return { method: { event: 0, handler: 1 } };
  }

  /** Whether the receiver is an instance of a same-file class (or `this` in one) that declares `name` itself. */
  function overridesMethod(receiver: TSESTree.Node, callee: TSESTree.MemberExpression, name: string): boolean {
    let classNode: TSESTree.Node | undefined;
    if (receiver.type === AST_NODE_TYPES.ThisExpression) classNode = enclosingClass(callee);
    else if (receiver.type === AST_NODE_TYPES.Identifier) {
      const def = origins.variableOf(receiver)?.defs[0];
      const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
      const created = init ? unwrapExpression(init) : undefined;
      if (created?.type === AST_NODE_TYPES.NewExpression) classNode = localClass(created.callee);
    }
    for (let depth = 0; classNode && depth < 4; depth++) {
      if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return false;
      if (classNode.body.body.some((element) => element.type === AST_NODE_TYPES.MethodDefinition && !element.static && propertyKeyName(element.key, element.computed) === name)) {
        return true;
      }
      classNode = classNode.superClass ? localClass(classNode.superClass) : undefined;
    }
    return false;
  }

  function localClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
    const target = unwrapExpression(node);
    if (target.type === AST_NODE_TYPES.ClassExpression) return target;
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = origins.variableOf(target)?.defs[0];
    if (def?.type === 'ClassName') return def.node as TSESTree.ClassDeclaration;
    if (def?.type === 'Variable') {
      const init = (def.node as TSESTree.VariableDeclarator).init;
      return init && unwrapExpression(init).type === AST_NODE_TYPES.ClassExpression ? (unwrapExpression(init) as TSESTree.ClassExpression) : undefined;
    }
    return undefined;
  }

  function judgeRegistration({ call, method, arrayName }: Registration): InternalEventFinding | undefined {
    const handler = call.arguments[method.handler];
    if (!handler || handler.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const eventArg = method.event === null ? undefined : call.arguments[method.event];
    if (eventArg && isPlumbing(call, eventArg, handler)) return undefined;
    const analysis = analyzer.callback(handler, 0);
    if (analysis.status === 'handled' || analysis.status === 'notFunction') return undefined;
    if (!analyzer.isFunctionLike(handler) && !isOpaqueFunction(handler)) return undefined;
    const name = eventName(eventArg, method.event === null, arrayName);
    const removable = removed.has(sourceCode.getText(handler));
    return {
      messageId: 'unspannedHandler',
      loc: call.callee.loc,
      name,
      fix: removable ? undefined : wrapFix(handler),
      removable,
    };
  }

  /**
   * Event plumbing rather than a domain handler: a forwarding wrapper (`on(event, fn) {
   * this.emitter.on(event, fn) }`), or a class wiring itself to computed event names
   * (`this.on('option:' + name, …)`).
   */
  function isPlumbing(call: TSESTree.CallExpression, eventArg: TSESTree.Node, handler: TSESTree.Node): boolean {
    const event = unwrapExpression(eventArg);
    const isParameter = (node: TSESTree.Node) =>
      node.type === AST_NODE_TYPES.Identifier && origins.variableOf(node)?.defs[0]?.type === 'Parameter';
    if (isParameter(event) && isParameter(unwrapExpression(handler))) return true;
    const computed =
      event.type === AST_NODE_TYPES.BinaryExpression ||
      event.type === AST_NODE_TYPES.CallExpression ||
      (event.type === AST_NODE_TYPES.TemplateLiteral && event.expressions.length > 0) ||
      isParameter(event);
    const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(call.callee.object) : undefined;
    return computed && receiver?.type === AST_NODE_TYPES.ThisExpression;
  }

  /** `traceHandler(name, handler)`; a context binder (`bindContext(fn)`) is replaced, it would pin the registration context. */
  function wrapFix(handler: TSESTree.Node): HandlerFix {
    const target = unwrapExpression(handler);
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const inner = analyzer.contextBoundFunction(target);
      if (inner) return { type: 'wrapHandler', handler: inner, unbind: target };
    }
    return { type: 'wrapHandler', handler };
  }

  function judgeDecorated(
    member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
    decorator: TSESTree.Decorator,
    cqrs: boolean,
    arrayName?: 'parts' | 'list',
  ): InternalEventFinding | undefined {
    if (member.decorators.some((d) => isSpanDecorator(d))) return undefined;
    const classNode = member.parent.parent;
    if (cqrs && classNode && 'decorators' in classNode && classNode.decorators.some((d) => isSpanDecorator(d))) return undefined;
    const value = member.value;
    if (!value) return undefined;
    const analysis = analyzer.callback(value, 0);
    if (analysis.status === 'handled' || analysis.status === 'notFunction') return undefined;
    const args = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.arguments : [];
    const name = cqrs ? messageClassName(args) : eventName(args[0], false, arrayName);
    const loc = member.key.loc;
    const messageId = cqrs ? 'unspannedCqrsHandler' : 'unspannedHandler';
    if (member.type === AST_NODE_TYPES.PropertyDefinition) {
      const fn = unwrapExpression(value);
      return { messageId, loc, name, fix: fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression ? { type: 'wrapHandler', handler: value } : undefined };
    }
    const fn = member.value as TSESTree.FunctionExpression;
    if (!fn.body || fn.body.body.length === 0) return undefined; // nothing runs, nothing to trace
    const canWrap = !fn.generator;
    return { messageId, loc, name, fix: canWrap ? { type: 'wrapBody', fn } : undefined };
  }

  function isSpanDecorator(decorator: TSESTree.Decorator): boolean {
    const name = decoratorName(decorator);
    return name !== undefined && (settings.helpers.span.includes(name) || settings.helpers.rootSpan.includes(name));
  }

  /** A handler we cannot see into (imported, a parameter): still a function the bus will call. */
  function isOpaqueFunction(handler: TSESTree.Node): boolean {
    const target = unwrapExpression(handler);
    return (
      target.type === AST_NODE_TYPES.Identifier ||
      target.type === AST_NODE_TYPES.MemberExpression ||
      target.type === AST_NODE_TYPES.CallExpression
    );
  }
}

/** `'order.created'`, `'order.*'` as written; `['a', 'b']` → `'a, b'`; an identifier or member as written. */
function eventName(node: TSESTree.Node | undefined, catchAll: boolean, arrayName: 'parts' | 'list' = 'list'): HandlerName {
  if (catchAll || !node) return { kind: 'literal', value: '*' };
  const text = staticString(node);
  if (text !== undefined) return { kind: 'literal', value: text };
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    const names = target.elements.map((element) => (element ? staticString(element) : undefined));
    if (names.every((value) => value !== undefined)) return { kind: 'literal', value: names.join(arrayName === 'parts' ? '.' : ', ') };
  }
  if (
    target.type === AST_NODE_TYPES.Identifier ||
    target.type === AST_NODE_TYPES.MemberExpression ||
    target.type === AST_NODE_TYPES.TemplateLiteral
  ) {
    return { kind: 'expression', node };
  }
  return { kind: 'literal', value: 'event' };
}

/** `@CommandHandler(CreateOrderCommand)` → `'CreateOrderCommand'`; several events are joined. */
function messageClassName(args: readonly TSESTree.Node[]): HandlerName {
  const names: string[] = [];
  for (const arg of args) {
    const target = unwrapExpression(arg);
    if (target.type === AST_NODE_TYPES.Identifier) names.push(target.name);
    else if (target.type === AST_NODE_TYPES.MemberExpression && memberName(target)) names.push(memberName(target)!);
  }
  return { kind: 'literal', value: names.length > 0 ? names.join(', ') : 'handler' };
}
