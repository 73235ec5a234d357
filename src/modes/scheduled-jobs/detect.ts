/**
 * Mode 4 detection: scheduled callbacks that run without a new root span.
 *
 * Candidates are collected while ESLint walks the file and judged at `Program:exit`, when the
 * registry calls that name them (`SchedulerRegistry.addCronJob(name, job)`) are known too.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { calleeName, newHeadLoc, walk } from '../../core/ast';
import { CallbackAnalyzer, type SpanPolicy } from '../../core/callbacks';
import { findManifest } from '../../core/manifest';
import { decoratorName, isHelperCallee, isWrapperCallee } from '../../core/wrappers';
import {
  enclosingClass,
  getOrigins,
  importedLocalNames,
  isFunctionNode,
  memberName,
  propertyKeyName,
  staticString,
  unwrapExpression,
  type OriginResolver,
} from '../../core/origins';
import type { TraceContextSettings } from '../../settings';
import {
  CALL_NAMES,
  DECORATOR_NAMES,
  JOB_REGISTRIES,
  MODULES,
  NEW_NAMES,
  SHARED_INSTANCE_APIS,
  findScheduleApi,
  type ArgumentSlot,
  type ScheduleApi,
} from './catalog';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface DetectOptions {
  readonly checkIntervals: boolean;
}

/** The job's name: a string, an expression used as written, or `every <expression>ms`. */
export type JobName =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly node: TSESTree.Node }
  | { readonly kind: 'interval'; readonly node: TSESTree.Node };

export type JobFix =
  | { readonly type: 'wrapCallback'; readonly callback: TSESTree.Node; readonly unbind?: TSESTree.Node }
  | { readonly type: 'wrapBody'; readonly fn: TSESTree.FunctionExpression }
  | { readonly type: 'wrapLoopBody'; readonly loop: TSESTree.ForOfStatement }
  | { readonly type: 'makeRoot'; readonly call: TSESTree.CallExpression };

export interface ScheduledJobFinding {
  readonly messageId: 'missingRootSpan' | 'nonRootSpan';
  readonly loc: TSESTree.SourceLocation;
  readonly name: JobName;
  readonly fix?: JobFix;
}


interface Candidate {
  readonly api: ScheduleApi;
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.MethodDefinition | TSESTree.ForOfStatement;
  readonly decorator?: TSESTree.Decorator;
}

const SPAN_STARTERS = new Set(['startActiveSpan', 'startSpan']);

/** Mode 4's "already handled": a new root span per run (`traceJob`, `{ root: true }`, `ROOT_CONTEXT`, `helpers.rootSpan`). */
function rootSpanPolicy(origins: OriginResolver, settings: TraceContextSettings): SpanPolicy {
  return {
    isHandlingWrapper: (callee) =>
      isWrapperCallee(callee, 'traceJob', origins) || isHelperCallee(callee, settings.helpers.rootSpan),
    classifyCall(call, callee) {
      const name = calleeName(callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined) return undefined;
      if (name === 'with' && isRootContext(call.arguments[0])) return 'handled';
      if (SPAN_STARTERS.has(name)) return isRootSpanCall(call, name) ? 'handled' : 'partial';
      return undefined;
    },
  };
}

/** Listeners that find mode-4 problems and hand each finding to `report` at the end of the file. */
export function createScheduledJobDetector(
  context: Context,
  settings: TraceContextSettings,
  options: DetectOptions,
  report: (finding: ScheduledJobFinding) => void,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const origins = getOrigins(sourceCode);
  const candidates: Candidate[] = [];
  const registered = new Map<TSESTree.Node, TSESTree.Node>(); // job/handle expression → registry name argument
  let importsRegistryModule: boolean | undefined;

  const fileImportsRegistry = (): boolean => {
    importsRegistryModule ??= sourceCode.text.includes(JOB_REGISTRIES.module);
    return importsRegistryModule;
  };

  const judge = new CallbackAnalyzer(sourceCode, origins, settings, rootSpanPolicy(origins, settings));

  return {
    CallExpression(node) {
      const callee = unwrapExpression(node.callee);
      const name = calleeName(callee);
      if (name === undefined) return;
      if ((JOB_REGISTRIES.methods as readonly string[]).includes(name) && callee.type === AST_NODE_TYPES.MemberExpression) {
        const key = origins.key(callee.object);
        const isRegistry = key !== undefined ? (JOB_REGISTRIES.keys as readonly string[]).includes(key) : fileImportsRegistry();
        const job = node.arguments[1];
        if (isRegistry && job && node.arguments[0]) {
          for (const target of registeredTargets(origins, job)) registered.set(target, node.arguments[0]);
        }
        return;
      }
      if (!CALL_NAMES.has(name) && !(callee.type === AST_NODE_TYPES.Identifier && importedAliases().has(name))) return;
      const api = findScheduleApi(origins.key(callee), 'call') ?? sharedInstanceApi(callee, name, node);
      if (api) candidates.push({ api, node });
    },
    NewExpression(node) {
      const callee = unwrapExpression(node.callee);
      const name = calleeName(callee);
      if (name === undefined) return;
      if (!NEW_NAMES.has(name) && !(callee.type === AST_NODE_TYPES.Identifier && importedAliases().has(name))) return;
      const api = findScheduleApi(origins.key(node), 'new');
      if (api) candidates.push({ api, node });
    },
    'ForOfStatement[await=true]'(node: TSESTree.ForOfStatement) {
      const right = unwrapExpression(node.right);
      if (right.type !== AST_NODE_TYPES.CallExpression) return;
      const name = calleeName(right.callee);
      if (name !== 'setInterval' && !(name !== undefined && right.callee.type === AST_NODE_TYPES.Identifier && importedAliases().has(name))) return;
      const api = findScheduleApi(origins.key(right.callee), 'iterate');
      if (api) candidates.push({ api, node });
    },
    Decorator(node) {
      const name = decoratorName(node);
      if (name === undefined || (!DECORATOR_NAMES.has(name) && !importedAliases().has(name))) return;
      const method = node.parent;
      if (method.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'method') return;
      const expression = node.expression.type === AST_NODE_TYPES.CallExpression ? node.expression.callee : node.expression;
      const api = findScheduleApi(origins.key(expression), 'decorator');
      if (api) candidates.push({ api, node: method, decorator: node });
    },
    'Program:exit'() {
      for (const candidate of candidates) {
        const finding = judgeCandidate(candidate);
        if (finding) report(finding);
      }
    },
  };

  function sharedInstanceApi(callee: TSESTree.Node, name: string, node: TSESTree.CallExpression): ScheduleApi | undefined {
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticString(node.arguments[0]) === undefined) return undefined;
    for (const api of SHARED_INSTANCE_APIS) {
      if (api.sharedInstance!.method !== name) continue;
      const origin = origins.resolve(callee.object);
      if (origin && origin.module !== null && !origin.module.startsWith('.') && !origin.module.startsWith('@/') && !origin.module.startsWith('~')) continue;
      if (origin && origin.module === null) continue;
      if (findManifest(context.filename)?.allDependencies.has(api.sharedInstance!.dependency)) return api;
    }
    return undefined;
  }

  function judgeCandidate(candidate: Candidate): ScheduledJobFinding | undefined {
    const { api, node } = candidate;
    if (node.type === AST_NODE_TYPES.MethodDefinition) return judgeDecorated(candidate, node);
    if (node.type === AST_NODE_TYPES.ForOfStatement) return judgeLoop(api, node);

    const registryName = registered.get(node);
    if (api.registryOnly && !registryName) return undefined;
    if (api.asyncWorkOnly && !registryName && !options.checkIntervals) return undefined;

    const args = node.arguments;
    const shift = hasLeadingName(api, args) ? 1 : 0;
    let callback: TSESTree.Node | undefined;
    let explicitName: TSESTree.Node | undefined;
    let schedule: TSESTree.Node | undefined;
    let reportNode: TSESTree.Node | TSESTree.SourceLocation =
      node.type === AST_NODE_TYPES.NewExpression ? newHeadLoc(node) : node.callee;

    const objectArg = api.objectForm ? args[api.objectForm.index] : undefined;
    if (api.objectForm && objectArg?.type === AST_NODE_TYPES.ObjectExpression && (!api.callback || args.length === 1)) {
      const callbackProperty = findProperty(objectArg, api.objectForm.callback);
      if (!callbackProperty) return undefined;
      callback = callbackProperty.value;
      explicitName = api.objectForm.name ? findProperty(objectArg, api.objectForm.name)?.value : undefined;
      schedule = api.objectForm.schedule ? findProperty(objectArg, api.objectForm.schedule)?.value : undefined;
      if (node.type === AST_NODE_TYPES.CallExpression) reportNode = callbackProperty.key;
    } else if (api.callback) {
      let index = api.callback.index + shift;
      if (api.optionsBeforeCallback && args[index]?.type === AST_NODE_TYPES.ObjectExpression) index += 1;
      callback = args[index];
      explicitName = shift ? args[0] : slotValue(args, api.name, shift);
      schedule = slotValue(args, api.schedule, shift);
    }
    if (!callback || callback.type === AST_NODE_TYPES.SpreadElement) return undefined;

    const analysis = judge.callback(callback, 0);
    if (analysis.status === 'handled' || analysis.status === 'notFunction') return undefined;
    if (api.asyncWorkOnly && !registryName && !judge.isAsyncWork(callback)) return undefined;

    const fix = wrapFix(callback);
    const name = pickName(registryName ?? explicitName, undefined, fix.type === 'wrapCallback' ? fix.callback : callback, schedule, api);
    const loc = 'type' in reportNode ? reportNode.loc : reportNode;
    if (analysis.status === 'partial') {
      return { messageId: 'nonRootSpan', loc, name, fix: { type: 'makeRoot', call: analysis.call } };
    }
    return { messageId: 'missingRootSpan', loc, name, fix };
  }

  function judgeDecorated(candidate: Candidate, method: TSESTree.MethodDefinition): ScheduledJobFinding | undefined {
    const { api, decorator } = candidate;
    if (method.decorators.some((d) => settings.helpers.rootSpan.includes(decoratorName(d) ?? ''))) return undefined;
    const fn = method.value;
    if (fn.type !== AST_NODE_TYPES.FunctionExpression || !fn.body) return undefined;
    const analysis = judge.fn(fn, 0);
    if (analysis.status === 'handled') return undefined;
    const args = decorator?.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.arguments : [];
    const shift = hasLeadingName(api, args) ? 1 : 0;
    const explicitName = shift ? args[0] : slotValue(args, api.name, 0);
    const classNode = enclosingClass(fn);
    const methodName = propertyKeyName(method.key, method.computed);
    const qualified = methodName === undefined ? undefined : classNode?.id ? `${classNode.id.name}.${methodName}` : methodName;
    const name = pickName(explicitName, qualified, undefined, slotValue(args, api.schedule, shift), api);
    if (analysis.status === 'partial') {
      return { messageId: 'nonRootSpan', loc: method.key.loc, name, fix: { type: 'makeRoot', call: analysis.call } };
    }
    const canWrap = !fn.generator && fn.body.body.length > 0;
    return { messageId: 'missingRootSpan', loc: method.key.loc, name, fix: canWrap ? { type: 'wrapBody', fn } : undefined };
  }

  function judgeLoop(api: ScheduleApi, loop: TSESTree.ForOfStatement): ScheduledJobFinding | undefined {
    if (!options.checkIntervals) return undefined;
    const analysis = judge.body(loop.body, 0);
    if (analysis.status === 'handled') return undefined;
    if (!judge.isAsyncWork(loop.body)) return undefined;
    const call = unwrapExpression(loop.right) as TSESTree.CallExpression;
    const name = pickName(undefined, undefined, undefined, call.arguments[api.schedule?.index ?? 0], api);
    if (analysis.status === 'partial') {
      return { messageId: 'nonRootSpan', loc: call.callee.loc, name, fix: { type: 'makeRoot', call: analysis.call } };
    }
    const canWrap = loop.body.type === AST_NODE_TYPES.BlockStatement && loop.body.body.length > 0 && !hasEscapingJump(sourceCode, loop.body);
    return { messageId: 'missingRootSpan', loc: call.callee.loc, name, fix: canWrap ? { type: 'wrapLoopBody', loop } : undefined };
  }

  function wrapFix(callback: TSESTree.Node): JobFix {
    const target = unwrapExpression(callback);
    // `bindContext(fn)` / `context.bind(ctx, fn)` pin the registration context: replace the bind.
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const inner = judge.contextBoundFunction(target);
      if (inner) return { type: 'wrapCallback', callback: inner, unbind: target };
    }
    return { type: 'wrapCallback', callback };
  }

/** The expressions a registry call registers: the argument itself, or the value of the variable it names. */
function registeredTargets(origins: OriginResolver, job: TSESTree.Node): TSESTree.Node[] {
  const target = unwrapExpression(job);
  if (target.type !== AST_NODE_TYPES.Identifier) return [target];
  const def = origins.variableOf(target)?.defs[0];
  if (def?.type === 'Variable') {
    const init = (def.node as TSESTree.VariableDeclarator).init;
    if (init) return [unwrapExpression(init)];
  }
  return [];
}

  function hasLeadingName(api: ScheduleApi, args: readonly TSESTree.Node[]): boolean {
    const rule = api.leadingName;
    if (!rule || args.length < rule.minArgs) return false;
    if (isNameLike(args[0])) return true;
    if (judge.isFunctionLike(args[0]!)) return false;
    return rule.unlessFunction === true || !judge.isFunctionLike(args[1]!);
  }

  function importedAliases(): ReadonlySet<string> {
    return importedLocalNames(sourceCode, origins, MODULES);
  }
}

function isNameLike(node: TSESTree.Node | undefined): boolean {
  return !!node && (staticString(node) !== undefined || (node.type === AST_NODE_TYPES.TemplateLiteral));
}

function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property.key, property.computed) === name) return property;
  }
  return undefined;
}

function slotValue(args: readonly TSESTree.Node[], slot: ArgumentSlot | undefined, shift: number): TSESTree.Node | undefined {
  if (!slot) return undefined;
  const value = args[slot.index + shift];
  if (!value || value.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (slot.property === undefined) return value;
  return value.type === AST_NODE_TYPES.ObjectExpression ? findProperty(value, slot.property)?.value : undefined;
}

/** Explicit name → `Class.method` → the callback's own name → the schedule. */
function pickName(
  explicit: TSESTree.Node | undefined,
  qualified: string | undefined,
  callback: TSESTree.Node | undefined,
  schedule: TSESTree.Node | undefined,
  api: ScheduleApi,
): JobName {
  if (explicit) {
    const text = staticString(explicit);
    if (text !== undefined) return { kind: 'literal', value: text };
    const target = unwrapExpression(explicit);
    if (
      target.type === AST_NODE_TYPES.Identifier ||
      target.type === AST_NODE_TYPES.MemberExpression ||
      target.type === AST_NODE_TYPES.TemplateLiteral
    ) {
      return { kind: 'expression', node: explicit };
    }
  }
  if (qualified) return { kind: 'literal', value: qualified };
  const own = callback ? callbackName(callback) : undefined;
  if (own) return { kind: 'literal', value: own };
  if (schedule) {
    const target = unwrapExpression(schedule);
    if (api.schedule?.kind === 'interval') {
      if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'number') return { kind: 'literal', value: `every ${target.value}ms` };
      if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) return { kind: 'interval', node: target };
    } else {
      const text = staticString(target);
      if (text !== undefined) return { kind: 'literal', value: text };
      if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) return { kind: 'expression', node: target };
    }
  }
  return { kind: 'literal', value: 'scheduled-job' };
}

function callbackName(callback: TSESTree.Node): string | undefined {
  const target = unwrapExpression(callback);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.FunctionExpression && target.id) return target.id.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return memberName(target);
  if (target.type === AST_NODE_TYPES.CallExpression && calleeName(target.callee) === 'bind' && target.callee.type === AST_NODE_TYPES.MemberExpression) {
    return callbackName(target.callee.object);
  }
  return undefined;
}

/** `ROOT_CONTEXT`, `api.ROOT_CONTEXT`, `trace.deleteSpan(ctx)`, `trace.setSpan(ROOT_CONTEXT, span)`. */
export function isRootContext(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name === 'ROOT_CONTEXT';
  if (target.type === AST_NODE_TYPES.MemberExpression) return memberName(target) === 'ROOT_CONTEXT';
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const name = calleeName(target.callee);
    if (name === 'deleteSpan') return true;
    if (name === 'setSpan' || name === 'setSpanContext') return isRootContext(target.arguments[0]);
  }
  return false;
}

/** `startActiveSpan(name, { root: true }, fn)`, `startActiveSpan(name, opts, ROOT_CONTEXT, fn)`, `startSpan(name, opts, ROOT_CONTEXT)`. */
export function isRootSpanCall(call: TSESTree.CallExpression, name: string): boolean {
  const args = call.arguments;
  const options = name === 'startActiveSpan' ? (args.length >= 3 ? args[1] : undefined) : args[1];
  const ctx = name === 'startActiveSpan' ? (args.length >= 4 ? args[2] : undefined) : args[2];
  if (options?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of options.properties) {
      if (
        property.type === AST_NODE_TYPES.Property &&
        propertyKeyName(property.key, property.computed) === 'root' &&
        property.value.type === AST_NODE_TYPES.Literal &&
        property.value.value === true
      ) {
        return true;
      }
    }
  }
  return isRootContext(ctx);
}

/** `return`, `break`, `continue` or `yield` that would change meaning inside a wrapped arrow. */
function hasEscapingJump(sourceCode: Readonly<TSESLint.SourceCode>, body: TSESTree.Node): boolean {
  let found = false;
  walk(sourceCode, body, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (
      node.type === AST_NODE_TYPES.ReturnStatement ||
      node.type === AST_NODE_TYPES.BreakStatement ||
      node.type === AST_NODE_TYPES.ContinueStatement ||
      node.type === AST_NODE_TYPES.YieldExpression
    ) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

