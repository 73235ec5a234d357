/**
 * Mode 3, AWS SDK v3 SQS / SNS and the Lambda functions their messages trigger.
 *
 * - Producers: `client.send(new XCommand(input))` whose messages carry no context. The carrier is
 *   each message's `MessageAttributes`, and SQS takes at most 10 of them, so the fix writes the
 *   context with `injectMessageAttributes` (a copy that never goes over the limit).
 * - Receives: `ReceiveMessageCommand` only returns the attributes it names. The aws-sdk
 *   instrumentation adds the propagator's fields by itself; without it the input must name them.
 * - Processing: each received message is handled in a loop over `Messages` (or over a Lambda
 *   event's `Records`). The instrumentation gives the receive span links only, and no Lambda
 *   instrumentation continues an SQS/SNS record's context, so every such loop must extract.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { newHeadLoc, walk } from '../../core/ast';
import { fileStyle, indentLines, lineIndent, planAddProperty, quoteString, wrapBlock, type FileStyle, type TextEdit } from '../../core/fix-plan';
import { isFunctionNode, memberName, propertyKeyName, staticString, unwrapExpression, type FunctionNode } from '../../core/origins';
import type { AwsCommand } from './catalog';
import type { ConsumerFinding, CustomFix, DetectorScope, MessageQueueFinding } from './detect';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Batch commands: the property listing the messages, each with its own `MessageAttributes`. */
const BATCH_ENTRIES: Readonly<Record<string, string>> = {
  '@aws-sdk/client-sqs:SendMessageBatchCommand.#new': 'Entries',
  '@aws-sdk/client-sns:PublishBatchCommand.#new': 'PublishBatchRequestEntries',
};

const ATTRIBUTES = 'MessageAttributes';
/** SQS (and SNS, towards SQS) take at most 10 message attributes. */
const MAX_ATTRIBUTES = 10;
/** What the W3C trace-context and baggage propagators write, in the order a receive asks for them. */
const CONTEXT_FIELDS = ['traceparent', 'tracestate', 'baggage'];
/** `MessageAttributeNames` entries that already bring `traceparent` back. */
const NAMES_WITH_CONTEXT: ReadonlySet<string> = new Set(['All', '.*', 'traceparent']);

/** Where a batch of messages comes from, and where each message keeps its context. */
interface MessageSource {
  readonly library: string;
  /** `messaging.system` of the CONSUMER span. */
  readonly system: string;
  /** Path from one message to its attributes: `MessageAttributes`, `messageAttributes`, `Sns.MessageAttributes`. */
  readonly carrier: readonly string[];
  /** The queue's name, when the code states it. */
  readonly destination?: string;
}

type LambdaKind = 'sqs' | 'sns';

const LAMBDA_SOURCES: Readonly<Record<LambdaKind, MessageSource>> = {
  sqs: { library: 'Lambda SQS', system: 'aws_sqs', carrier: ['messageAttributes'] },
  sns: { library: 'Lambda SNS', system: 'aws_sns', carrier: ['Sns', 'MessageAttributes'] },
};
/** `aws-lambda` types of the event, and of the whole handler. */
const LAMBDA_EVENTS: Readonly<Record<string, LambdaKind>> = { SQSEvent: 'sqs', SNSEvent: 'sns' };
const LAMBDA_HANDLERS: Readonly<Record<string, LambdaKind>> = { SQSHandler: 'sqs', SNSHandler: 'sns' };
/** JavaScript handlers say their type in JSDoc: `@type {import('aws-lambda').SQSHandler}`. */
const LAMBDA_JSDOC = /import\(\s*['"]aws-lambda['"]\s*\)\.(SQS|SNS)(?:Event|Handler)\b/;

/** A loop that handles received messages one by one. */
type MessageLoop =
  | { readonly type: 'for-of'; readonly node: TSESTree.ForOfStatement; readonly loc: TSESTree.SourceLocation }
  | { readonly type: 'callback'; readonly node: TSESTree.CallExpression; readonly loc: TSESTree.SourceLocation; readonly callback: TSESTree.Node };

/**
 * Listeners for the per-message loops: over the `Messages` of a `ReceiveMessageCommand`, and over
 * the `Records` of a Lambda handler typed with the `aws-lambda` SQS/SNS types. (The detector routes
 * the `client.send(new XCommand(…))` calls themselves to `judgeAwsSend`.)
 */
export function createAwsDetector(scope: DetectorScope): TSESLint.RuleListener {
  const judged = new WeakSet<TSESTree.Node>();
  const judgeLoops = (loops: readonly MessageLoop[], source: MessageSource) => {
    for (const loop of loops) {
      if (judged.has(loop.node)) continue;
      judged.add(loop.node);
      scope.defer(() => judgeLoop(scope, loop, source));
    }
  };
  const listeners: TSESLint.RuleListener = {};
  if (!scope.sourceCode.text.includes('aws-lambda')) return listeners;
  const onFunction = (node: FunctionNode) => {
    const event = node.params[0];
    const kind = event ? lambdaKind(scope, node) : undefined;
    if (event && kind) judgeLoops(loopsOver(scope, arrayReads(scope, event, 'Records')), LAMBDA_SOURCES[kind]);
  };
  return { ...listeners, FunctionDeclaration: onFunction, FunctionExpression: onFunction, ArrowFunctionExpression: onFunction };
}

/** `client.send(new XCommand(input))`: a producer that sends no context, or a receive whose messages lose it. */
export function judgeAwsSend(
  scope: DetectorScope,
  call: TSESTree.CallExpression,
  command: TSESTree.NewExpression,
  aws: AwsCommand,
): MessageQueueFinding | undefined {
  if (aws.role === 'receive') return judgeReceive(scope, call, command, aws);
  if (scope.judge.alreadyInjects(call)) return undefined;
  const input = command.arguments[0] ? unwrapExpression(command.arguments[0]) : undefined;
  // SNS `Publish` to a phone number is an SMS: no service consumes it.
  if (input?.type === AST_NODE_TYPES.ObjectExpression && findProperty(input, 'PhoneNumber')) return undefined;
  const attributes = input?.type === AST_NODE_TYPES.ObjectExpression ? countAttributes(input, aws.attributesProperty) : undefined;
  if (aws.covered && scope.covered(['aws-sdk'])) {
    if (aws.attributeCap === undefined || attributes === undefined || attributes <= aws.attributeCap) return undefined;
    return { kind: 'producer', messageId: 'sqsAttributeLimit', loc: call.callee.loc, library: aws.library, call };
  }
  const entries = aws.keys.map((key) => BATCH_ENTRIES[key]).find((name) => name !== undefined);
  // With 10 attributes of its own, a message has no room left for even `traceparent`.
  const customFix: CustomFix | undefined =
    attributes !== undefined && attributes >= MAX_ATTRIBUTES
      ? undefined
      : {
          wrappers: ['injectMessageAttributes'],
          suggestion: 'injectIntoMessage',
          plan: (locals) => planInjection(scope, call, command, entries, locals.injectMessageAttributes ?? 'injectMessageAttributes'),
        };
  return { kind: 'producer', messageId: 'producerWithoutContext', loc: call.callee.loc, library: aws.library, call, customFix };
}

// ── producers ──────────────────────────────────────────────────────────────────────────────────

/** The most user attributes one entry carries (`MessageAttributes: { a, b }`, per batch entry too). */
function countAttributes(input: TSESTree.ObjectExpression, property: string): number | undefined {
  let max: number | undefined;
  const visit = (object: TSESTree.ObjectExpression) => {
    for (const entry of object.properties) {
      if (entry.type !== AST_NODE_TYPES.Property) continue;
      const name = propertyKeyName(entry.key, entry.computed);
      const value = unwrapExpression(entry.value);
      if (name === property && value.type === AST_NODE_TYPES.ObjectExpression) {
        if (value.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) continue;
        max = Math.max(max ?? 0, value.properties.length);
      } else if (value.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of value.elements) if (element?.type === AST_NODE_TYPES.ObjectExpression) visit(element);
      }
    }
  };
  visit(input);
  return max;
}

/**
 * `MessageAttributes: X` → `MessageAttributes: inject(X)` (added when absent) on the message, or on
 * every entry of a batch; an input held in a variable is spread into a new object. No edits when
 * some message of the command is not written out where it can be seen.
 */
function planInjection(
  scope: DetectorScope,
  call: TSESTree.CallExpression,
  command: TSESTree.NewExpression,
  entries: string | undefined,
  inject: string,
): TextEdit[] | undefined {
  const { sourceCode } = scope;
  const arg = command.arguments[0];
  if (!arg || command.arguments.length !== 1) return undefined;
  const input = unwrapExpression(arg);
  if (input.type === AST_NODE_TYPES.ObjectExpression) {
    if (entries === undefined) return attributesEdit(scope, input, inject);
    const list = findProperty(input, entries);
    return list ? entriesEdits(scope, call, list.value, inject) : undefined;
  }
  if (input.type !== AST_NODE_TYPES.Identifier && input.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const text = sourceCode.getText(input);
  const value =
    entries === undefined
      ? `${inject}(${text}.${ATTRIBUTES})`
      : `${text}.${entries}?.map((entry) => ({ ...entry, ${ATTRIBUTES}: ${inject}(entry.${ATTRIBUTES}) }))`;
  return [{ range: arg.range, text: `{ ...${text}, ${entries ?? ATTRIBUTES}: ${value} }` }];
}

/** One message literal: wraps its `MessageAttributes`, or adds them (from the last spread, if any). */
function attributesEdit(scope: DetectorScope, message: TSESTree.ObjectExpression, inject: string): TextEdit[] | undefined {
  const existing = findProperty(message, ATTRIBUTES);
  if (existing) {
    const value = unwrapExpression(existing.value);
    if (value.type === AST_NODE_TYPES.ObjectExpression && value.properties.length >= MAX_ATTRIBUTES) return undefined;
    if (existing.shorthand) return [{ range: existing.range, text: `${ATTRIBUTES}: ${inject}(${ATTRIBUTES})` }];
    return [
      { range: [existing.value.range[0], existing.value.range[0]], text: `${inject}(` },
      { range: [existing.value.range[1], existing.value.range[1]], text: ')' },
    ];
  }
  const spread = [...message.properties].reverse().find((p): p is TSESTree.SpreadElement => p.type === AST_NODE_TYPES.SpreadElement);
  const carried = spread ? spreadAttributes(scope, spread) : '';
  if (carried === undefined) return undefined;
  return [planAddProperty(scope.sourceCode, message, `${ATTRIBUTES}: ${inject}(${carried})`)];
}

/**
 * The attributes a spread may bring: `defaults?.MessageAttributes` for a variable or member, none
 * for a `const` object literal without them (its type would not have the property), `undefined`
 * (no fix) for anything else.
 */
function spreadAttributes(scope: DetectorScope, spread: TSESTree.SpreadElement): string | undefined {
  const from = unwrapExpression(spread.argument);
  if (from.type !== AST_NODE_TYPES.Identifier && from.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const text = scope.sourceCode.getText(from);
  const init = from.type === AST_NODE_TYPES.Identifier ? scope.origins.variableInit(from, true) : undefined;
  const literal = init && unwrapExpression(init);
  if (literal?.type === AST_NODE_TYPES.ObjectExpression && literal.properties.every((p) => p.type === AST_NODE_TYPES.Property)) {
    return findProperty(literal, ATTRIBUTES) ? `${text}.${ATTRIBUTES}` : '';
  }
  return `${text}?.${ATTRIBUTES}`;
}

/**
 * The entries of a batch: an array of message literals, `items.map((item) => ({ … }))`, or a
 * variable declared as one of those in the same function.
 */
function entriesEdits(scope: DetectorScope, call: TSESTree.CallExpression, node: TSESTree.Node, inject: string, depth = 0): TextEdit[] | undefined {
  const { sourceCode } = scope;
  const value = unwrapExpression(node);
  const messages: TSESTree.ObjectExpression[] = [];
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of value.elements) {
      const message = element && unwrapExpression(element);
      if (message?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      messages.push(message);
    }
  } else if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && memberName(value.callee) === 'map') {
    const mapper = value.arguments[0] ? unwrapExpression(value.arguments[0]) : undefined;
    const returned = isFunctionNode(mapper) ? onlyReturnedExpression(sourceCode, mapper) : undefined;
    const message = returned && unwrapExpression(returned);
    if (message?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    messages.push(message);
  } else if (value.type === AST_NODE_TYPES.Identifier && depth === 0) {
    const init = scope.origins.variableInit(value, true);
    if (!init || enclosingFunctionOf(init) !== enclosingFunctionOf(call)) return undefined;
    return entriesEdits(scope, call, init, inject, depth + 1);
  }
  if (messages.length === 0) return undefined;
  const edits: TextEdit[] = [];
  for (const message of messages) {
    const edit = attributesEdit(scope, message, inject);
    if (!edit) return undefined;
    edits.push(...edit);
  }
  return edits;
}

/** The value a function returns when it has exactly one `return` (or an expression body). */
function onlyReturnedExpression(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Node | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const returns: TSESTree.ReturnStatement[] = [];
  walk(sourceCode, fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) returns.push(node);
    return true;
  });
  return returns.length === 1 ? returns[0]!.argument ?? undefined : undefined;
}

// ── receives ───────────────────────────────────────────────────────────────────────────────────

/**
 * A `ReceiveMessageCommand`, reported once on its `new` head: when a loop over its messages does
 * work without extracting (`consumerWithoutContext`, even with the aws-sdk instrumentation, whose
 * receive span only links them), or else when its visible input does not ask for `traceparent`
 * where nothing adds it (`receiveWithoutAttributes`): its messages arrive without their context.
 */
function judgeReceive(
  scope: DetectorScope,
  call: TSESTree.CallExpression,
  command: TSESTree.NewExpression,
  aws: AwsCommand,
): ConsumerFinding | undefined {
  const input = inputObject(scope, command);
  const names = !scope.covered(['aws-sdk']) && input && !extractsFromBody(scope, command) ? planAttributeNames(scope.sourceCode, input) : undefined;
  const source: MessageSource = { library: aws.library, system: 'aws_sqs', carrier: [ATTRIBUTES], destination: queueName(scope, command) };
  const loops = loopsOver(scope, receivedMessages(scope, call)).flatMap((loop) => judgeLoopBody(scope, loop, source) ?? []);
  if (loops.length > 0) {
    // One report per receive: its messages are processed without their context (and, where nothing
    // adds them, never asked for). The fix asks for the fields and wraps every loop, or is not offered.
    const plans = loops.map((loop) => loop.plan);
    const complete = plans.every((plan) => plan !== undefined);
    return {
      kind: 'consumer',
      messageId: 'consumerWithoutContext',
      loc: newHeadLoc(command),
      library: aws.library,
      customFix: complete
        ? {
            wrappers: ['withExtractedContext'],
            suggestion: 'continueMessageContext',
            plan: (locals) => {
              const edits: TextEdit[] = names ? names() : [];
              for (const plan of plans) {
                const loopEdits = plan!(locals.withExtractedContext ?? 'withExtractedContext');
                if (!loopEdits) return undefined;
                edits.push(...loopEdits);
              }
              return edits;
            },
          }
        : undefined,
    };
  }
  if (!names) return undefined;
  return {
    kind: 'consumer',
    messageId: 'receiveWithoutAttributes',
    loc: newHeadLoc(command),
    library: aws.library,
    customFix: { wrappers: [], suggestion: 'requestContextAttributes', plan: names },
  };
}

/** Edits that make `MessageAttributeNames` name the context fields; `undefined` when it already does or cannot be seen. */
function planAttributeNames(sourceCode: SourceCode, input: TSESTree.ObjectExpression): (() => TextEdit[]) | undefined {
  const style = fileStyle(sourceCode);
  const quoted = (names: readonly string[]) => names.map((name) => quoteString(name, style)).join(', ');
  const property = findProperty(input, 'MessageAttributeNames');
  if (!property) {
    if (input.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    return () => [planAddProperty(sourceCode, input, `MessageAttributeNames: [${quoted(CONTEXT_FIELDS)}]`)];
  }
  const list = unwrapExpression(property.value);
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const names = list.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? staticString(element) : undefined));
  if (names.some((name) => name === undefined || NAMES_WITH_CONTEXT.has(name))) return undefined;
  const missing = CONTEXT_FIELDS.filter((field) => !names.includes(field));
  const last = list.elements[list.elements.length - 1];
  if (!last) return () => [{ range: [list.range[0] + 1, list.range[1] - 1], text: quoted(missing) }];
  return () => [{ range: [last.range[1], last.range[1]], text: `, ${quoted(missing)}` }];
}

/**
 * Whether the code around the receive continues the context from the message body (an SNS
 * envelope without raw delivery, a `_traceContext` field): then the attributes are not needed.
 */
function extractsFromBody(scope: DetectorScope, command: TSESTree.NewExpression): boolean {
  let found = false;
  walk(scope.sourceCode, enclosingFunctionOf(command) ?? scope.sourceCode.ast, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments[0] && scope.judge.isExtractCall(node)) {
      found = /\bBody\b/.test(scope.sourceCode.getText(node.arguments[0]));
    }
    return !found;
  });
  return found;
}

/** The queue's name from a static `QueueUrl` (its last path segment), for the CONSUMER span. */
function queueName(scope: DetectorScope, command: TSESTree.NewExpression): string | undefined {
  const input = inputObject(scope, command);
  const url = input ? findProperty(input, 'QueueUrl') : undefined;
  if (!url) return undefined;
  let value = unwrapExpression(url.value);
  if (value.type === AST_NODE_TYPES.Identifier) value = scope.origins.variableInit(value, true) ?? value;
  const name = staticString(value)?.split('/').filter((segment) => segment !== '').pop();
  return name !== undefined && /^[\w.-]+$/.test(name) ? name : undefined;
}

/**
 * The messages a receive returns, as read by the code: `const { Messages } = await …`,
 * `const result = await …; result.Messages`, `(await …).Messages`, `.then(({ Messages }) => …)`.
 */
function receivedMessages(scope: DetectorScope, call: TSESTree.CallExpression): TSESTree.Node[] {
  let node: TSESTree.Node = call;
  while (node.parent && (isTransparent(node.parent) || node.parent.type === AST_NODE_TYPES.AwaitExpression)) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) return arrayReads(scope, parent.id, 'Messages');
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) return arrayReads(scope, parent.left, 'Messages');
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return [];
  const name = memberName(parent);
  if (name === 'Messages') return [parent];
  const then = parent.parent;
  if (name !== 'then' || then?.type !== AST_NODE_TYPES.CallExpression || then.callee !== parent || !then.arguments[0]) return [];
  const callback = unwrapExpression(then.arguments[0]);
  return isFunctionNode(callback) && callback.params[0] ? arrayReads(scope, callback.params[0], 'Messages') : [];
}

// ── per-message loops ──────────────────────────────────────────────────────────────────────────

/**
 * Where `<container>.<property>` is read, `pattern` binding the container (a receive's result, a
 * Lambda event): `x.Messages`, a destructured `{ Messages }`, through `const { Records } = event`.
 */
function arrayReads(scope: DetectorScope, pattern: TSESTree.Node, property: string, depth = 0): TSESTree.Node[] {
  if (depth > 2) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return arrayReads(scope, pattern.left, property, depth);
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    const entry = pattern.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === property,
    );
    return entry ? variableReads(scope, entry.value) : [];
  }
  const reads: TSESTree.Node[] = [];
  for (const id of variableReads(scope, pattern)) {
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id && memberName(parent) === property) reads.push(parent);
    else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === id) reads.push(...arrayReads(scope, parent.id, property, depth + 1));
  }
  return reads;
}

/** The identifiers that read the variable a pattern binds (`x`, or `x` of `x = []`). */
function variableReads(scope: DetectorScope, pattern: TSESTree.Node): TSESTree.Identifier[] {
  const id = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
  if (id.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = scope.origins.variableOf(id);
  if (!variable) return [];
  return variable.references.filter((ref) => ref.isRead() && ref.identifier !== id).map((ref) => ref.identifier as TSESTree.Identifier);
}

/**
 * The loops over the arrays these expressions read: `for (const m of xs ?? [])`, `xs.forEach(cb)`,
 * `xs.map(async cb)` or `Promise.all(xs.map(cb))`, also through `const list = xs ?? []`.
 */
function loopsOver(scope: DetectorScope, reads: readonly TSESTree.Node[], depth = 0): MessageLoop[] {
  const loops: MessageLoop[] = [];
  for (const read of reads) {
    let node: TSESTree.Node = read;
    for (let parent = node.parent; parent; parent = node.parent) {
      const defaulted = parent.type === AST_NODE_TYPES.LogicalExpression && parent.left === node && parent.operator !== '&&';
      if (!defaulted && !isTransparent(parent)) break;
      node = parent;
    }
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === node) {
      loops.push({ type: 'for-of', node: parent, loc: node.loc });
    } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const call = parent.parent;
      const callback = call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent ? call.arguments[0] : undefined;
      if (!call || !callback || callback.type === AST_NODE_TYPES.SpreadElement) continue;
      const method = memberName(parent);
      const perMessage = method === 'forEach' || (method === 'map' && (isAsyncFunction(callback) || isPromiseCombinatorArgument(call)));
      if (perMessage) loops.push({ type: 'callback', node: call as TSESTree.CallExpression, loc: parent.loc, callback });
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && depth < 2) {
      loops.push(...loopsOver(scope, variableReads(scope, parent.id), depth + 1));
    }
  }
  return loops;
}

/** A loop that does work per message and never extracts: one report, with the wrap when it can move. */
function judgeLoop(scope: DetectorScope, loop: MessageLoop, source: MessageSource): ConsumerFinding | undefined {
  const judged = judgeLoopBody(scope, loop, source);
  if (!judged) return undefined;
  const { plan } = judged;
  return {
    kind: 'consumer',
    messageId: 'consumerWithoutContext',
    loc: loop.loc,
    library: source.library,
    customFix: plan && {
      wrappers: ['withExtractedContext'],
      suggestion: 'continueMessageContext',
      plan: (locals) => plan(locals.withExtractedContext ?? 'withExtractedContext'),
    },
  };
}

/**
 * A loop over received messages that does work without continuing each message's context:
 * `undefined` when it extracts or only collects values; otherwise the edits that wrap its body,
 * when the body can move into a callback.
 */
function judgeLoopBody(
  scope: DetectorScope,
  loop: MessageLoop,
  source: MessageSource,
): { plan: ((extract: string) => TextEdit[] | undefined) | undefined } | undefined {
  const { judge, sourceCode } = scope;
  if (loop.type === 'for-of') {
    if (judge.extractsSomewhere(loop.node.body) || !doesWork(scope, loop.node.body)) return undefined;
    return { plan: (extract) => planForOf(sourceCode, loop.node, source, extract) };
  }
  const handler = scope.handlerFunction(loop.callback);
  if (handler && (judge.extractsSomewhere(handler.body) || !doesWork(scope, handler.body))) return undefined;
  if (!handler && (!scope.isOpaque(loop.callback) || isPlainBuiltin(loop.callback))) return undefined;
  const inline = unwrapExpression(loop.callback);
  return { plan: isFunctionNode(inline) ? (extract) => planCallback(sourceCode, inline, source, extract) : undefined };
}

/**
 * `for (const m of Messages) { … }` → the body runs inside `await withExtractedContext(…, async
 * () => { … }, span);` (a body that does not await stays synchronous). A body that leaves the loop
 * early (`break`, `continue`, `return`, `yield`, labels) or declares a `var` cannot move into a
 * callback without changing what it does: no edits then.
 */
function planForOf(sourceCode: SourceCode, loop: TSESTree.ForOfStatement, source: MessageSource, extract: string): TextEdit[] | undefined {
  const item = loop.left.type === AST_NODE_TYPES.VariableDeclaration ? loop.left.declarations[0]?.id : loop.left;
  const carrier = item ? carrierOf(item, source.carrier) : undefined;
  if (carrier === undefined || !movableIntoCallback(sourceCode, loop.body)) return undefined;
  const style = fileStyle(sourceCode);
  const awaits = awaitsInside(sourceCode, loop.body);
  const open = `${awaits ? 'await ' : ''}${extract}(${carrier}, ${awaits ? 'async ' : ''}() => {`;
  const close = `}, ${spanOptions(style, source)})${style.semi ? ';' : ''}`;
  const body = loop.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) return body.body.length > 0 ? [wrapBlock(sourceCode, body, open, close)] : undefined;
  // `for (…) statement;` becomes a block holding the wrapped statement.
  const paren = sourceCode.getTokenBefore(body);
  if (paren?.value !== ')' || sourceCode.text.slice(paren.range[1], body.range[0]).trim() !== '') return undefined;
  const indent = lineIndent(sourceCode.text, loop.range[0]);
  const inner = indent + style.indentUnit;
  const statement = indentLines(sourceCode, body.range[0], body.range[1], style.indentUnit);
  const { eol } = style;
  const text = ` {${eol}${inner}${open}${eol}${inner}${style.indentUnit}${statement}${eol}${inner}${close}${eol}${indent}}`;
  return [{ range: [paren.range[1], body.range[1]], text }];
}

/** `xs.forEach((m) => { … })` → `return withExtractedContext(…, () => { … }, span);` inside the callback. */
function planCallback(sourceCode: SourceCode, fn: FunctionNode, source: MessageSource, extract: string): TextEdit[] | undefined {
  const item = fn.params[0];
  const carrier = item ? carrierOf(item, source.carrier) : undefined;
  if (carrier === undefined || fn.generator) return undefined;
  const style = fileStyle(sourceCode);
  const arrow = `${fn.async ? 'async ' : ''}() =>`;
  const span = spanOptions(style, source);
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    // Keep the parentheses of `(m) => ({ … })` inside the new arrow.
    let [start, end] = fn.body.range;
    for (;;) {
      const before = sourceCode.getTokenBefore({ range: [start, end] } as TSESTree.Node);
      const after = sourceCode.getTokenAfter({ range: [start, end] } as TSESTree.Node);
      if (before?.value !== '(' || after?.value !== ')') break;
      [start, end] = [before.range[0], after.range[1]];
    }
    return [
      { range: [start, start], text: `${extract}(${carrier}, ${arrow} ` },
      { range: [end, end], text: `, ${span})` },
    ];
  }
  if (fn.body.body.length === 0) return undefined;
  return [wrapBlock(sourceCode, fn.body, `return ${extract}(${carrier}, ${arrow} {`, `}, ${span})${style.semi ? ';' : ''}`)];
}

/** `{ name: 'process orders', kind: 'consumer', attributes: { … } }` in the file's quotes. */
function spanOptions(style: FileStyle, source: MessageSource): string {
  const q = (text: string) => quoteString(text, style);
  const name = source.destination === undefined ? 'process' : `process ${source.destination}`;
  const destination = source.destination === undefined ? '' : `, ${q('messaging.destination.name')}: ${q(source.destination)}`;
  return `{ name: ${q(name)}, kind: ${q('consumer')}, attributes: { ${q('messaging.system')}: ${q(source.system)}${destination} } }`;
}

/** `m` → `m.MessageAttributes`; `{ MessageAttributes }` → `MessageAttributes`; `{ Sns }` → `Sns.MessageAttributes`. */
function carrierOf(pattern: TSESTree.Node, path: readonly string[]): string | undefined {
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return carrierOf(pattern.left, path);
  if (pattern.type === AST_NODE_TYPES.Identifier) return [pattern.name, ...path].join('.');
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern || path.length === 0) return undefined;
  const [head, ...rest] = path;
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property.key, property.computed) === head) return carrierOf(property.value, rest);
  }
  return undefined;
}

/** Whether a loop body keeps its meaning inside a callback (see `planForOf`). */
function movableIntoCallback(sourceCode: SourceCode, body: TSESTree.Statement): boolean {
  let movable = true;
  walk(sourceCode, body, (node) => {
    if (!movable || isFunctionNode(node)) return false;
    switch (node.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.LabeledStatement:
        movable = false;
        break;
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
        movable = !node.label && targetsInside(node, body);
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        movable = node.kind !== 'var';
        break;
      default:
        break;
    }
    return movable;
  });
  return movable;
}

/** Whether an unlabeled `break` / `continue` belongs to a loop (or, for `break`, a `switch`) inside `body`. */
function targetsInside(node: TSESTree.BreakStatement | TSESTree.ContinueStatement, body: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      case AST_NODE_TYPES.SwitchStatement:
        if (node.type === AST_NODE_TYPES.BreakStatement) return true;
        break;
      default:
        break;
    }
    if (current === body) return false;
  }
  return false;
}

/** Whether code awaits (outside the functions it defines): its callback must then be `async` and awaited. */
function awaitsInside(sourceCode: SourceCode, body: TSESTree.Node): boolean {
  let found = false;
  walk(sourceCode, body, (node) => {
    if (found || isFunctionNode(node)) return false;
    found = node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await);
    return !found;
  });
  return found;
}

const PLAIN_GLOBALS: ReadonlySet<string> = new Set(['console', 'JSON', 'Math', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Buffer', 'Date']);
const PLAIN_METHODS: ReadonlySet<string> = new Set([
  'push',
  'unshift',
  'toString',
  'trim',
  'split',
  'slice',
  'includes',
  'startsWith',
  'endsWith',
  'join',
  'concat',
  'toLowerCase',
  'toUpperCase',
]);

/**
 * Whether per-message code does work: awaits, or calls something that is not a plain built-in. A
 * loop that only collects IDs or logs is not processing the messages.
 */
function doesWork(scope: DetectorScope, body: TSESTree.Node): boolean {
  let found = false;
  walk(scope.sourceCode, body, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression && isQueueHousekeeping(scope, node.argument)) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) found = true;
    else if (node.type === AST_NODE_TYPES.CallExpression && isQueueHousekeeping(scope, node)) return false;
    else if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && !isPlainBuiltin(node.callee)) found = true;
    return !found;
  });
  return found;
}

/** SQS commands that only settle a received message (delete it, hide it longer): not processing. */
const HOUSEKEEPING_COMMANDS: ReadonlySet<string> = new Set(
  ['DeleteMessageCommand', 'DeleteMessageBatchCommand', 'ChangeMessageVisibilityCommand', 'ChangeMessageVisibilityBatchCommand'].map(
    (name) => `@aws-sdk/client-sqs:${name}.#new`,
  ),
);

/** `client.send(new DeleteMessageCommand(…))` and the other settling commands. */
function isQueueHousekeeping(scope: DetectorScope, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'send') return false;
  const command = call.arguments[0];
  return command?.type === AST_NODE_TYPES.NewExpression && HOUSEKEEPING_COMMANDS.has(scope.origins.key(command) ?? '');
}

/** `console.log`, `JSON.parse`, `String(x)`, `ids.push(…)`, `body.trim()`. */
function isPlainBuiltin(callee: TSESTree.Node): boolean {
  let root = unwrapExpression(callee);
  if (root.type === AST_NODE_TYPES.MemberExpression && PLAIN_METHODS.has(memberName(root) ?? '')) return true;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  return root.type === AST_NODE_TYPES.Identifier && PLAIN_GLOBALS.has(root.name);
}

function isAsyncFunction(node: TSESTree.Node): boolean {
  const fn = unwrapExpression(node);
  return isFunctionNode(fn) && fn.async;
}

/** `Promise.all(xs.map(…))`, `Promise.allSettled(…)`. */
function isPromiseCombinatorArgument(call: TSESTree.Node): boolean {
  let node = call;
  while (node.parent && isTransparent(node.parent)) node = node.parent;
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(parent.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    (memberName(callee) === 'all' || memberName(callee) === 'allSettled')
  );
}

// ── Lambda handlers ────────────────────────────────────────────────────────────────────────────

/**
 * Whether a function is a Lambda handler for SQS or SNS events, by the `aws-lambda` types only
 * (untyped handlers are too ambiguous): `(event: SQSEvent)`, `const handler: SQSHandler = …`,
 * `Handler<SNSEvent>`, `satisfies SQSHandler`, or a JSDoc `import('aws-lambda').SQSHandler`.
 */
function lambdaKind(scope: DetectorScope, fn: FunctionNode): LambdaKind | undefined {
  const event = fn.params[0];
  const annotation = event && 'typeAnnotation' in event ? event.typeAnnotation?.typeAnnotation : undefined;
  const fromEvent = annotation ? LAMBDA_EVENTS[lambdaTypeName(scope, annotation) ?? ''] : undefined;
  return fromEvent ?? handlerTypeKind(scope, fn) ?? jsDocKind(scope.sourceCode, fn);
}

/** `SQSEvent` for a type reference resolved to the `aws-lambda` module (`SQSEvent`, `lambda.SQSEvent`). */
function lambdaTypeName(scope: DetectorScope, type: TSESTree.TypeNode): string | undefined {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  let name: TSESTree.EntityName = type.typeName;
  const path: string[] = [];
  if (name.type === AST_NODE_TYPES.TSQualifiedName) {
    path.push(name.right.name);
    name = name.left;
  }
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = scope.origins.variableOf(name);
  const origin = variable ? scope.origins.fromVariable(variable) : undefined;
  if (origin?.module !== 'aws-lambda') return undefined;
  const full = [...origin.path, ...path];
  return full.length === 1 ? full[0] : undefined;
}

/** The handler type a function is declared or checked as: `const h: SQSHandler = fn`, `fn satisfies Handler<SQSEvent>`. */
function handlerTypeKind(scope: DetectorScope, fn: FunctionNode): LambdaKind | undefined {
  const kindOf = (type: TSESTree.TypeNode | undefined): LambdaKind | undefined => {
    const name = type ? lambdaTypeName(scope, type) : undefined;
    if (name === undefined) return undefined;
    if (name !== 'Handler') return LAMBDA_HANDLERS[name];
    const event = (type as TSESTree.TSTypeReference).typeArguments?.params[0];
    return event ? LAMBDA_EVENTS[lambdaTypeName(scope, event) ?? ''] : undefined;
  };
  for (let node: TSESTree.Node = fn; node.parent; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSSatisfiesExpression) {
      const kind = kindOf(parent.typeAnnotation);
      if (kind) return kind;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
      return kindOf(parent.id.typeAnnotation?.typeAnnotation);
    }
    return undefined;
  }
  return undefined;
}

/** The JSDoc above the statement that defines the function (`exports.handler = …`, `const handler = …`, `function handler`). */
function jsDocKind(sourceCode: SourceCode, fn: FunctionNode): LambdaKind | undefined {
  let statement: TSESTree.Node = fn;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.parent) statement = parent.parent;
  else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.parent?.type === AST_NODE_TYPES.ExpressionStatement) statement = parent.parent;
  else if (fn.type !== AST_NODE_TYPES.FunctionDeclaration) return undefined;
  if (statement.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) statement = statement.parent;
  const comment = sourceCode.getCommentsBefore(statement).pop();
  if (comment?.type !== 'Block' || !comment.value.startsWith('*')) return undefined;
  const match = LAMBDA_JSDOC.exec(comment.value);
  return match ? (match[1]!.toLowerCase() as LambdaKind) : undefined;
}

// ── small helpers ──────────────────────────────────────────────────────────────────────────────

/** A command's input as an object literal: written in place, or a `const` initialised with one. */
function inputObject(scope: DetectorScope, command: TSESTree.NewExpression): TSESTree.ObjectExpression | undefined {
  let input = command.arguments[0] ? unwrapExpression(command.arguments[0]) : undefined;
  if (input?.type === AST_NODE_TYPES.Identifier) input = scope.origins.variableInit(input, true);
  input = input && unwrapExpression(input);
  return input?.type === AST_NODE_TYPES.ObjectExpression ? input : undefined;
}

function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  return object.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === name,
  );
}

/** Nodes that only wrap a value: `x!`, `x as T`, `x satisfies T`, `<T>x`, optional chains. */
function isTransparent(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.ChainExpression
  );
}

function enclosingFunctionOf(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}
