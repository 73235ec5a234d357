/**
 * Mode 3 detection: producers that send no context in the message's carrier, and consumers that
 * process a message without continuing its context, where no instrumentation does it (or in the
 * holes an instrumentation leaves).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { calleeName } from '../../core/ast';
import { getInstrumented } from '../../core/instrumentation';
import {
  getOrigins,
  isFunctionNode,
  memberName,
  originKey,
  propertyKeyName,
  staticString,
  unwrapExpression,
  type FunctionNode,
  type OriginResolver,
} from '../../core/origins';
import { PropagationJudge } from '../../core/propagation';
import type { TextEdit } from '../../core/fix-plan';
import type { WrapperName } from '../../core/wrappers';
import type { TraceContextSettings } from '../../settings';
import { createAwsDetector, judgeAwsSend } from './aws';
import { createJobsDetector, isJobQueue, judgeJobConsumer, judgeJobProducer } from './jobs';
import {
  AWS_COMMANDS,
  CONSUMERS,
  ITERATIONS,
  PRODUCERS,
  PULLS,
  type Consumer,
  type Iteration,
  type Producer,
  type Pull,
} from './catalog';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * A fix planned by the code that found the problem (used where the generic producer/consumer fixes
 * do not fit, e.g. AWS commands): the wrappers it needs, and its edits given their local names.
 */
export interface CustomFix {
  readonly wrappers: readonly WrapperName[];
  readonly suggestion: SuggestionId;
  plan(locals: Readonly<Partial<Record<WrapperName, string>>>): TextEdit[] | undefined;
}

export type SuggestionId =
  | 'injectIntoMessage'
  | 'injectIntoPayload'
  | 'useBullMQTelemetry'
  | 'continueMessageContext'
  | 'linkMessageContext'
  | 'requestContextAttributes';

export interface ProducerFinding {
  readonly kind: 'producer';
  readonly messageId: 'producerWithoutContext' | 'sqsAttributeLimit';
  readonly customFix?: CustomFix;
  readonly loc: TSESTree.SourceLocation;
  readonly library: string;
  readonly call?: TSESTree.CallExpression;
  readonly producer?: Producer;
}

export interface ConsumerFinding {
  readonly kind: 'consumer';
  readonly messageId: 'consumerWithoutContext' | 'receiveWithoutAttributes';
  readonly customFix?: CustomFix;
  readonly loc: TSESTree.SourceLocation;
  readonly library: string;
  /** The handler, when it is written in place (a suggestion can wrap its body). */
  readonly handler?: FunctionNode;
  readonly consumer?: Consumer;
  /** The handler's property in an options object (`eachMessage`, `eachBatch`). */
  readonly property?: string;
  /** The registering call (`channel.consume(…)`), the pulling call (`channel.get(…)`) or the call that made an iterated subscription. */
  readonly call?: TSESTree.CallExpression;
  readonly pull?: Pull;
  /** `for await (const msg of subscription)`: the loop and its catalog row. */
  readonly iteration?: { readonly row: Iteration; readonly loop: TSESTree.ForOfStatement };
}

export type MessageQueueFinding = ProducerFinding | ConsumerFinding;

/** The rule's options, as the detector sees them. */
export interface MessageQueueOptions {
  /** Offer fixes that change the payload (a `_traceContext` field in job data or a JSON pub/sub message). */
  readonly allowPayloadChanges: boolean;
}

/** What the per-library detectors (aws.ts, jobs.ts) share with this one. */
export interface DetectorScope {
  readonly options: MessageQueueOptions;
  /** The file being linted (its nearest package.json says what is installed). */
  readonly filename: string;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly origins: OriginResolver;
  readonly judge: PropagationJudge;
  readonly settings: TraceContextSettings;
  /** Whether one of these `instrumented` values is installed/configured for the file. */
  covered(values: readonly string[] | undefined): boolean;
  /** Queues a finding to be judged at `Program:exit` (after the whole file was seen). */
  defer(make: () => MessageQueueFinding | undefined): void;
  /** The function a handler argument names: inline, a same-file function, a bound method. */
  handlerFunction(node: TSESTree.Node): FunctionNode | undefined;
  /** A handler given as an identifier, member or call result (defined elsewhere). */
  isOpaque(node: TSESTree.Node): boolean;
  /** `path.join(__dirname, 'x.js')`, `new URL('./x.js', import.meta.url)`, `require.resolve(…)`. */
  isFilePath(node: TSESTree.Node): boolean;
  /** Whether the client instance behind a call was constructed with an option (`new Queue(n, { telemetry })`). */
  hasConstructorOption(callee: TSESTree.Node, option: string): boolean;
}

/** Only calls of these methods are worth resolving (the receiver's origin is the costly part). */
const METHOD_NAMES: ReadonlySet<string> = new Set([
  'send',
  ...PRODUCERS.flatMap((row) => row.methods),
  ...CONSUMERS.flatMap((row) => row.methods),
  ...PULLS.flatMap((row) => row.methods),
]);

/** The methods whose result a `for await` loop may iterate as messages (`subscribe`, `consume`…). */
const ITERATED_METHODS: ReadonlySet<string> = new Set(
  ITERATIONS.flatMap((row) => row.keys.map((key) => key.split('.').filter((part) => part !== '#call').pop()!)),
);

/** Listeners that find mode-3 problems and hand each finding to `report` at the end of the file. */
export function createMessageQueueDetector(
  context: Context,
  settings: TraceContextSettings,
  options: MessageQueueOptions,
  report: (finding: MessageQueueFinding) => void,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const origins = getOrigins(sourceCode);
  const judge = new PropagationJudge(sourceCode, origins, settings);
  const filename = context.physicalFilename ?? context.filename;
  const found: (() => MessageQueueFinding | undefined)[] = [];
  let instrumented: ReadonlySet<string> | undefined;
  const covered = (values: readonly string[] | undefined): boolean => {
    instrumented ??= getInstrumented(filename, settings);
    return !!values && values.some((value) => instrumented!.has(value));
  };
  const scope: DetectorScope = {
    filename,
    sourceCode,
    origins,
    judge,
    settings,
    options,
    covered,
    defer: (make) => found.push(make),
    handlerFunction,
    isOpaque,
    isFilePath,
    hasConstructorOption,
  };

  return mergeListeners(mergeListeners(createAwsDetector(scope), createJobsDetector(scope)), {
    CallExpression(node) {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = memberName(callee);
      if (method === undefined || !METHOD_NAMES.has(method)) return;
      const command = method === 'send' ? awsCommandOf(node.arguments[0]) : undefined;
      if (command) {
        const aws = AWS_COMMANDS.find((row) => row.keys.includes(origins.key(command) ?? ''));
        if (aws) found.push(() => judgeAwsSend(scope, node, command, aws));
        return;
      }
      const receiverKey = keyOf(callee.object);
      if (receiverKey === undefined) return;
      const producer = PRODUCERS.find((row) => row.methods.includes(method) && row.receivers.includes(receiverKey));
      if (producer) {
        found.push(() => (isJobQueue(producer) ? judgeJobProducer(scope, node, producer) : judgeProducer(node, producer)));
        return;
      }
      const event = staticString(node.arguments[0]);
      const consumer = CONSUMERS.find(
        (row) => row.methods.includes(method) && row.receivers.includes(receiverKey) && (!row.events || row.events.includes(event ?? '')),
      );
      if (consumer) {
        found.push(() => (isJobQueue(consumer) ? judgeJobConsumer(scope, node, consumer) : judgeConsumer(node, consumer)));
        return;
      }
      const pull = PULLS.find((row) => row.methods.includes(method) && row.receivers.includes(receiverKey));
      if (pull) {
        found.push(() =>
          afterPull(node).some((statement) => judge.extractsSomewhere(statement))
            ? undefined
            : { kind: 'consumer', messageId: 'consumerWithoutContext', loc: callee.loc, library: pull.library, pull, call: node },
        );
      }
    },
    'ForOfStatement[await=true]'(node: TSESTree.ForOfStatement) {
      // `for await (const msg of nc.subscribe(subject))`, directly or through a variable
      const source = iteratedCall(node.right);
      if (!source || source.callee.type !== AST_NODE_TYPES.MemberExpression) return;
      if (!ITERATED_METHODS.has(memberName(source.callee) ?? '')) return;
      const key = origins.key(source);
      const row = ITERATIONS.find((candidate) => candidate.keys.includes(key ?? ''));
      if (!row) return;
      if (isReplyInbox(source)) return;
      const callee = source.callee;
      found.push(() =>
        judge.extractsSomewhere(node.body)
          ? undefined
          : { kind: 'consumer', messageId: 'consumerWithoutContext', loc: callee.loc, library: row.library, call: source, iteration: { row, loop: node } },
      );
    },
    'Program:exit'() {
      for (const make of found) {
        const finding = make();
        if (finding) report(finding);
      }
    },
  });

  function keyOf(node: TSESTree.Node): string | undefined {
    const origin = origins.resolve(node);
    return origin ? originKey(origin) : undefined;
  }

  /** `client.send(new XCommand(…))`, or `client.send(command)` with `const command = new XCommand(…)`. */
  function awsCommandOf(arg: TSESTree.Node | undefined): TSESTree.NewExpression | undefined {
    if (!arg) return undefined;
    let value = unwrapExpression(arg);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const init = origins.variableInit(value, true);
      if (!init) return undefined;
      value = unwrapExpression(init);
    }
    return value.type === AST_NODE_TYPES.NewExpression ? value : undefined;
  }

  /**
   * A NATS subscription that waits for the reply to the caller's own request (`subscribe(inbox, {
   * max: 1 })`, a subject from `createInbox()`): the reply is read inside the caller's trace, it is
   * not a message that starts work of its own.
   */
  function isReplyInbox(call: TSESTree.CallExpression): boolean {
    const options = call.arguments[1] ? unwrapExpression(call.arguments[1]) : undefined;
    if (options?.type === AST_NODE_TYPES.ObjectExpression) {
      const max = options.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === 'max');
      if (max && max.value.type === AST_NODE_TYPES.Literal && max.value.value === 1) return true;
    }
    let subject = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
    if (subject?.type === AST_NODE_TYPES.Identifier) {
      const init = origins.variableInit(subject);
      subject = init ? unwrapExpression(init) : undefined;
    }
    return subject?.type === AST_NODE_TYPES.CallExpression && calleeName(subject.callee) === 'createInbox';
  }

  /** The call a `for await` loop iterates: `nc.subscribe(…)`, or the one a variable was initialised with (awaits skipped). */
  function iteratedCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
    let source = unwrapAwait(node);
    if (source.type === AST_NODE_TYPES.Identifier) {
      const init = origins.variableInit(source);
      if (!init) return undefined;
      source = unwrapAwait(init);
    }
    return source.type === AST_NODE_TYPES.CallExpression ? source : undefined;
  }

  function judgeProducer(call: TSESTree.CallExpression, producer: Producer): ProducerFinding | undefined {
    if (covered(producer.coveredBy)) return undefined;
    if (judge.alreadyInjects(call)) return undefined;
    // `sender.sendMessages(batch)`: the batch's messages are judged where `batch.tryAddMessage(…)` adds them.
    const batch = call.arguments[0] ? keyOf(call.arguments[0]) : undefined;
    if (batch?.endsWith('.createMessageBatch.#call') || batch === '@azure/service-bus:ServiceBusMessageBatch.#new') return undefined;
    if (producer.library === '@google-cloud/pubsub' && hasConstructorOption(call.callee, 'enableOpenTelemetryTracing')) return undefined;
    return { kind: 'producer', messageId: 'producerWithoutContext', loc: call.callee.loc, library: producer.library, call, producer };
  }

  function judgeConsumer(call: TSESTree.CallExpression, consumer: Consumer): ConsumerFinding | undefined {
    const arg = call.arguments[consumer.handler.index < 0 ? call.arguments.length + consumer.handler.index : consumer.handler.index];
    if (!arg) return undefined;
    const value = unwrapExpression(arg);
    if (consumer.library === '@google-cloud/pubsub' && hasConstructorOption(call.callee, 'enableOpenTelemetryTracing')) return undefined;
    if (consumer.library.startsWith('nats') && isReplyInbox(call)) return undefined;
    if (consumer.handler.properties) {
      if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const names = value.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? propertyKeyName(p.key, p.computed) : undefined));
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = propertyKeyName(property.key, property.computed);
        if (name === undefined || !consumer.handler.properties.includes(name)) continue;
        // kafkajs never calls `eachBatch` when `eachMessage` is given (its runner prefers eachMessage).
        if (name === 'eachBatch' && names.includes('eachMessage')) continue;
        if (covered(consumer.coveredBy) && !consumer.uncoveredProperties?.includes(name)) continue;
        const handler = handlerFunction(property.value);
        if (handler && judge.extractsSomewhere(handler.body)) continue;
        if (!handler && !isOpaque(property.value)) continue;
        return {
          kind: 'consumer',
          messageId: 'consumerWithoutContext',
          loc: property.key.loc,
          library: consumer.library,
          handler: handler && isFunctionNode(unwrapExpression(property.value)) ? handler : undefined,
          consumer,
          property: name,
          call,
        };
      }
      return undefined;
    }
    if (covered(consumer.coveredBy)) return undefined;
    const handler = handlerFunction(arg);
    if (handler && judge.extractsSomewhere(handler.body)) return undefined;
    if (!handler && !isOpaque(arg)) return undefined;
    return {
      kind: 'consumer',
      messageId: 'consumerWithoutContext',
      loc: call.callee.loc,
      library: consumer.library,
      handler: handler && isFunctionNode(value) ? handler : undefined,
      consumer,
      call,
    };
  }

  /** A function the handler argument names: inline, a same-file function, a bound method. */
  function handlerFunction(node: TSESTree.Node): FunctionNode | undefined {
    const value = unwrapExpression(node);
    if (isFunctionNode(value)) return value;
    if (value.type === AST_NODE_TYPES.CallExpression && calleeName(value.callee) === 'bind' && value.callee.type === AST_NODE_TYPES.MemberExpression) {
      return origins.localFunction(value.callee.object);
    }
    return origins.localFunction(value);
  }

  /** `path.join(__dirname, 'x.js')`, `new URL('./x.js', import.meta.url)`, `require.resolve(…)`. */
  function isFilePath(node: TSESTree.Node): boolean {
    const value = unwrapExpression(node);
    if (value.type === AST_NODE_TYPES.NewExpression) return calleeName(value.callee) === 'URL';
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    const origin = origins.resolve(value.callee);
    return origin?.module === 'path' || origin?.module === 'url' || calleeName(value.callee) === 'resolve';
  }

  function isOpaque(node: TSESTree.Node): boolean {
    const value = unwrapExpression(node);
    return value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.CallExpression;
  }

  /** Whether the client instance behind a call was constructed with an option (`new Queue(n, { telemetry })`). */
  function hasConstructorOption(callee: TSESTree.Node, option: string): boolean {
    let current: TSESTree.Node | undefined = unwrapExpression(callee);
    for (let depth = 0; current && depth < 6; depth++) {
      if (current.type === AST_NODE_TYPES.MemberExpression) {
        if (current.object.type === AST_NODE_TYPES.ThisExpression) {
          const name = memberName(current);
          // A typed field without a value (`private queue: Queue;`) says nothing: take the member that assigns it.
          const member: TSESTree.Node | undefined = name
            ? origins
                .membersOf(current, name)
                .find((m) => (m.type === AST_NODE_TYPES.PropertyDefinition && m.value) || m.type === AST_NODE_TYPES.AssignmentExpression)
            : undefined;
          current = member?.type === AST_NODE_TYPES.PropertyDefinition ? member.value ?? undefined : member?.type === AST_NODE_TYPES.AssignmentExpression ? member.right : undefined;
        } else current = current.object;
      } else if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
      else if (current.type === AST_NODE_TYPES.AwaitExpression) current = current.argument;
      else if (current.type === AST_NODE_TYPES.Identifier) current = origins.variableInit(current); else if (current.type === AST_NODE_TYPES.NewExpression) {
        return current.arguments.some((arg) => {
          let value = unwrapExpression(arg);
          if (value.type === AST_NODE_TYPES.Identifier) {
            // `new Queue('email', options)` with `const options = { telemetry: … }`
            const init = origins.variableInit(value);
            if (init) value = unwrapExpression(init);
          }
          return value.type === AST_NODE_TYPES.ObjectExpression && hasProperty(value, option);
        });
      } else return false;
      if (current) current = unwrapExpression(current);
    }
    return false;
  }
}

function hasProperty(object: TSESTree.ObjectExpression, name: string): boolean {
  return object.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === name);
}

function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrapExpression(current.argument);
  return current;
}

/**
 * Where what a pull returns is processed: the statement holding the call and the ones after it in
 * its block (a later, unrelated consumer in the same function does not count); the whole function
 * when the call is not in a statement list (an arrow's expression body).
 */
function afterPull(call: TSESTree.Node): readonly TSESTree.Node[] {
  for (let current: TSESTree.Node = call; current.parent; current = current.parent) {
    if (isFunctionNode(current)) break;
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      const statements = parent.body as readonly TSESTree.Node[];
      return statements.slice(statements.indexOf(current));
    }
  }
  return [enclosingFunctionOf(call) ?? call];
}

function enclosingFunctionOf(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}


/** Runs the listeners of both objects; a selector in both runs `a`'s first. */
function mergeListeners(a: TSESLint.RuleListener, b: TSESLint.RuleListener): TSESLint.RuleListener {
  const merged: Record<string, (node: never) => void> = { ...(b as Record<string, (node: never) => void>) };
  for (const [selector, listener] of Object.entries(a as Record<string, ((node: never) => void) | undefined>)) {
    if (!listener) continue;
    const other = merged[selector];
    merged[selector] = other
      ? (node: never) => {
          listener(node);
          other(node);
        }
      : listener;
  }
  return merged as TSESLint.RuleListener;
}
