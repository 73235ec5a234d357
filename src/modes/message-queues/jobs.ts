/**
 * Mode 3, job queues and NestJS transports: Bull / BullMQ producers and workers, `@nestjs/bull` /
 * `@nestjs/bullmq` processors and `@nestjs/microservices` clients and pattern handlers.
 *
 * Fixes, the first that applies:
 * - BullMQ's own propagation (`telemetry: new BullMQOtel()`), when `bullmq-otel` is a production
 *   dependency of the file's package and the Queue / Worker / FlowProducer (or the `@nestjs/bullmq`
 *   `@Processor`) is set up in the file: the job payload stays as it is;
 * - NestJS microservices over RabbitMQ, NATS or Kafka: the transport's own headers (record builders,
 *   Kafka message headers, `@Ctx()` contexts), when the transport is visible in the file;
 * - only with the rule option `allowPayloadChanges`: a `_traceContext` field in the job data or the
 *   message payload (`injectPayloadContext`), read back with `payloadContext`. Other services parse
 *   that payload, so the rule never offers it on its own.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { calleeName, newHeadLoc } from '../../core/ast';
import { fileStyle, planAddProperty, planImport, quoteString, wrapBlock, type FileStyle, type TextEdit } from '../../core/fix-plan';
import { findManifest } from '../../core/manifest';
import { findVariable, isFunctionNode, memberName, propertyKeyName, staticString, unwrapExpression, type FunctionNode } from '../../core/origins';
import { importedLocalName } from '../../core/wrapper-module';
import { decoratorName, type WrapperName } from '../../core/wrappers';
import { BULLMQ_WORKERS, DECORATED_CONSUMERS, type Consumer, type Producer } from './catalog';
import type { ConsumerFinding, CustomFix, DetectorScope, ProducerFinding, SuggestionId } from './detect';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Locals = Readonly<Partial<Record<WrapperName, string>>>;

/** `@Processor()` classes (`WorkerHost`) process jobs in this method. */
const NEST_HANDLER_METHOD = 'process';
const JOB_LIBRARIES: ReadonlySet<string> = new Set(['bullmq / bull', '@nestjs/microservices']);
const NEST = '@nestjs/microservices';

const PAYLOAD_CONTEXT: WrapperName = 'payloadContext';
const USE_BULLMQ_TELEMETRY: SuggestionId = 'useBullMQTelemetry';
const INJECT_INTO_PAYLOAD: SuggestionId = 'injectIntoPayload';

/** The clients a job-queue or NestJS producer call can be made on, by the receiver's origin. */
type JobClient = 'bullmq' | 'bullmq-flow' | 'bull' | 'nest';

const CLIENT_OF_KEY: Readonly<Record<string, JobClient>> = {
  'bullmq:Queue.#new': 'bullmq',
  'bullmq:FlowProducer.#new': 'bullmq-flow',
  'bull:#new': 'bull',
  'bull:Queue.#new': 'bull',
};

/** Where `new X(…)` takes its options, for the BullMQ classes that accept `telemetry`. */
const TELEMETRY_OPTIONS_INDEX: Readonly<Record<string, number>> = {
  'bullmq:Queue': 1,
  'bullmq:Worker': 2,
  'bullmq:FlowProducer': 0,
  '@nestjs/bullmq:Processor': 1,
};

/** NestJS transports whose messages have headers the fixes can use. */
type NestTransport = 'RMQ' | 'NATS' | 'KAFKA' | 'OTHER';

/** `ClientRMQ`, `ClientNats`… instances name their transport. */
const NEST_CLIENT_CLASSES: Readonly<Record<string, NestTransport>> = {
  ClientRMQ: 'RMQ',
  ClientNats: 'NATS',
  ClientKafka: 'KAFKA',
  ClientKafkaProxy: 'KAFKA',
  ClientRedis: 'OTHER',
  ClientMqtt: 'OTHER',
  ClientTCP: 'OTHER',
  ClientGrpcProxy: 'OTHER',
};

/** `@Ctx() ctx: RmqContext` and the like: where the transport keeps the message headers. */
interface NestContextCarrier {
  readonly system: string;
  carrier(ctx: string): string;
  /** The destination read at run time when the pattern is not a literal. */
  destination(ctx: string): string;
  /** Whether the pattern is the broker's destination (NATS subject, Kafka topic; not a RabbitMQ queue). */
  readonly patternIsDestination: boolean;
}

const NEST_CONTEXTS: Readonly<Record<string, NestContextCarrier>> = {
  [`${NEST}:RmqContext`]: {
    system: 'rabbitmq',
    carrier: (ctx) => `${ctx}.getMessage().properties.headers`,
    destination: (ctx) => `${ctx}.getPattern()`,
    patternIsDestination: false,
  },
  [`${NEST}:NatsContext`]: {
    system: 'nats',
    carrier: (ctx) => `${ctx}.getHeaders()`,
    destination: (ctx) => `${ctx}.getSubject()`,
    patternIsDestination: true,
  },
  [`${NEST}:KafkaContext`]: {
    system: 'kafka',
    carrier: (ctx) => `${ctx}.getMessage().headers`,
    destination: (ctx) => `${ctx}.getTopic()`,
    patternIsDestination: true,
  },
};

/** The queue or topic a CONSUMER span is named after: a literal, or code that reads it at run time. */
type Destination = { readonly literal: string } | { readonly code: string } | undefined;

/** Catalog rows (PRODUCERS / CONSUMERS) this module judges instead of the generic detector. */
export function isJobQueue(row: Producer | Consumer): boolean {
  return JOB_LIBRARIES.has(row.library);
}

/** Listeners for BullMQ workers (`new Worker(…)`) and the NestJS decorators. */
export function createJobsDetector(scope: DetectorScope): TSESLint.RuleListener {
  const { origins } = scope;
  return {
    NewExpression(node) {
      if (calleeName(unwrapExpression(node.callee)) !== 'Worker') return;
      if (!BULLMQ_WORKERS.includes(origins.key(node) ?? '')) return;
      scope.defer(() => judgeBullWorker(scope, node));
    },
    Decorator(node) {
      const name = decoratorName(node);
      if (name !== 'Process' && name !== 'Processor' && name !== 'EventPattern' && name !== 'MessagePattern') return;
      const key = origins.key(decoratorCallee(node));
      const decorated = DECORATED_CONSUMERS.find((row) => row.keys.includes(key ?? ''));
      if (!decorated) return;
      const parent = node.parent;
      if (decorated.target === 'method') {
        if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.value.type === AST_NODE_TYPES.FunctionExpression) {
          const fn = parent.value;
          scope.defer(() => judgeDecorated(scope, fn, parent.key, decorated.library, node));
        }
        return;
      }
      if (parent.type !== AST_NODE_TYPES.ClassDeclaration && parent.type !== AST_NODE_TYPES.ClassExpression) return;
      for (const element of parent.body.body) {
        if (
          element.type === AST_NODE_TYPES.MethodDefinition &&
          !element.static &&
          propertyKeyName(element.key, element.computed) === NEST_HANDLER_METHOD &&
          element.value.type === AST_NODE_TYPES.FunctionExpression
        ) {
          const fn = element.value;
          scope.defer(() => judgeDecorated(scope, fn, element.key, decorated.library, node));
        }
      }
    },
  };
}

/** `queue.add(…)`, `addBulk(…)`, `flowProducer.add(…)`, `client.emit/send(…)`. */
export function judgeJobProducer(scope: DetectorScope, call: TSESTree.CallExpression, producer: Producer): ProducerFinding | undefined {
  if (scope.covered(producer.coveredBy)) return undefined;
  if (scope.judge.alreadyInjects(call)) return undefined;
  if (producer.library === 'bullmq / bull' && (scope.hasConstructorOption(call.callee, 'telemetry') || hasTelemetry(scope, call))) return undefined;
  if (producer.library === 'bullmq / bull' && isRepeatable(scope, call)) return undefined;
  if (producer.library === NEST && nestTransportCovered(scope, clientTransport(scope, call))) return undefined;
  return {
    kind: 'producer',
    messageId: 'producerWithoutContext',
    loc: call.callee.loc,
    library: producer.library,
    call,
    producer,
    customFix: producerFix(scope, call),
  };
}

/**
 * `queue.add(name, data, { repeat: … })`: a repeatable job is a schedule (each run should start its
 * own trace, as a cron job does), not work handed on from the code that registers it.
 */
function isRepeatable(scope: DetectorScope, call: TSESTree.CallExpression): boolean {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(call.callee) !== 'add') return false;
  return call.arguments.slice(1).some((arg) => {
    let value = unwrapExpression(arg);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const init = scope.origins.variableInit(value);
      if (init) value = unwrapExpression(init);
    }
    return (
      value.type === AST_NODE_TYPES.ObjectExpression &&
      value.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === 'repeat')
    );
  });
}

/** Bull's `queue.process([name,] [concurrency,] processor)`. */
export function judgeJobConsumer(scope: DetectorScope, call: TSESTree.CallExpression, consumer: Consumer): ConsumerFinding | undefined {
  const index = consumer.handler.index < 0 ? call.arguments.length + consumer.handler.index : consumer.handler.index;
  const arg = call.arguments[index];
  if (!arg) return undefined;
  if (scope.covered(consumer.coveredBy)) return undefined;
  const handler = scope.handlerFunction(arg);
  if (handler && scope.judge.extractsSomewhere(handler.body)) return undefined;
  if (!handler && (!scope.isOpaque(arg) || scope.isFilePath(arg))) return undefined; // a processor file
  const fn = inlineFunction(arg);
  // `(job, done)`: the job ends when `done` is called, after the span would have ended.
  const promiseStyle = fn !== undefined && fn.params.length <= 1;
  const queue = call.callee.type === AST_NODE_TYPES.MemberExpression ? instanceSource(scope, call.callee.object) : undefined;
  const named = queue?.type === AST_NODE_TYPES.NewExpression ? literalDestination(queue.arguments[0]) : undefined;
  return {
    kind: 'consumer',
    messageId: 'consumerWithoutContext',
    loc: call.callee.loc,
    library: consumer.library,
    consumer,
    customFix: promiseStyle ? jobConsumerFix(scope, fn, 'bull', named ?? jobDestination(fn, 'queue.name')) : undefined,
  };
}

function judgeBullWorker(scope: DetectorScope, node: TSESTree.NewExpression): ConsumerFinding | undefined {
  const processor = node.arguments[1];
  if (!processor) return undefined;
  if (optionsHave(scope, node.arguments[2], 'telemetry')) return undefined;
  const handler = scope.handlerFunction(processor);
  if (handler && scope.judge.extractsSomewhere(handler.body)) return undefined;
  if (!handler && (!scope.isOpaque(processor) || scope.isFilePath(processor))) return undefined; // a sandboxed processor file
  const fn = inlineFunction(processor);
  const named = literalDestination(node.arguments[0]);
  return {
    kind: 'consumer',
    messageId: 'consumerWithoutContext',
    loc: newHeadLoc(node),
    library: 'bullmq',
    customFix: telemetryFix(scope, node) ?? jobConsumerFix(scope, fn, 'bullmq', named ?? jobDestination(fn, 'queueName')),
  };
}

function judgeDecorated(
  scope: DetectorScope,
  fn: TSESTree.FunctionExpression,
  key: TSESTree.Node,
  library: string,
  decorator: TSESTree.Decorator,
): ConsumerFinding | undefined {
  if (!fn.body || fn.body.body.length === 0) return undefined;
  if (scope.judge.extractsSomewhere(fn.body)) return undefined;
  let customFix: CustomFix | undefined;
  if (library === '@nestjs/bullmq') {
    const processor = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression : undefined;
    if (processor && optionsHave(scope, processor.arguments[1], 'telemetry')) return undefined;
    customFix = telemetryFix(scope, processor) ?? jobConsumerFix(scope, fn, 'bullmq', processorQueue(processor) ?? jobDestination(fn, 'queueName'));
  } else if (library === '@nestjs/bull') {
    const processor = classDecorators(fn).find((d) => scope.origins.key(decoratorCallee(d)) === '@nestjs/bull:Processor');
    const call = processor?.expression.type === AST_NODE_TYPES.CallExpression ? processor.expression : undefined;
    customFix = jobConsumerFix(scope, fn, 'bull', processorQueue(call) ?? jobDestination(fn, 'queue.name'));
  } else if (library === NEST) {
    if (nestTransportCovered(scope, ctxTransport(scope, fn))) return undefined;
    customFix = nestHandlerFix(scope, fn, decorator);
  }
  return { kind: 'consumer', messageId: 'consumerWithoutContext', loc: key.loc, library, customFix };
}

// ── producers ────────────────────────────────────────────────────────────────────────────────────

function producerFix(scope: DetectorScope, call: TSESTree.CallExpression): CustomFix | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const receiver = callee.object;
  const key = scope.origins.key(receiver) ?? '';
  const client: JobClient | undefined = CLIENT_OF_KEY[key] ?? (key.startsWith(`${NEST}:`) ? 'nest' : undefined);
  if (client === 'bullmq' || client === 'bullmq-flow') {
    const native = telemetryFix(scope, instanceSource(scope, receiver));
    if (native) return native;
  }
  if (client === 'nest') {
    const transport = nestTransport(scope, receiver);
    if (transport && transport !== 'OTHER') return nestHeadersFix(scope, call, transport);
  }
  if (!client || !scope.options.allowPayloadChanges) return undefined;
  const targets = payloadTargets(call, client, memberName(callee));
  if (!targets) return undefined;
  const { sourceCode } = scope;
  return {
    wrappers: ['injectPayloadContext'],
    suggestion: INJECT_INTO_PAYLOAD,
    plan: (locals) => {
      const inject = locals.injectPayloadContext ?? 'injectPayloadContext';
      return [
        ...targets.wrap.flatMap((node) => wrapValue(sourceCode, node, inject)),
        ...targets.add.map((object) => planAddProperty(sourceCode, object, `data: ${inject}()`)),
      ];
    },
  };
}

/** Job data to wrap (`Property` for shorthand `{ data }`) and BullMQ flow nodes without `data`. */
interface PayloadTargets {
  readonly wrap: readonly TSESTree.Node[];
  readonly add: readonly TSESTree.ObjectExpression[];
}

/**
 * The payload of a producer call, when every part of it is visible: `add(name, data)` (Bull's
 * `add(data)` too), `addBulk([{ name, data }…])`, each node of a BullMQ flow, NestJS `emit/send(pattern, data)`.
 */
function payloadTargets(call: TSESTree.CallExpression, client: JobClient, method: string | undefined): PayloadTargets | undefined {
  const args = call.arguments;
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const wrap: TSESTree.Node[] = [];
  const add: TSESTree.ObjectExpression[] = [];
  const list = (node: TSESTree.Node | undefined, each: (element: TSESTree.ObjectExpression) => boolean): boolean => {
    const value = node && unwrapExpression(node);
    if (value?.type !== AST_NODE_TYPES.ArrayExpression || value.elements.length === 0) return false;
    return value.elements.every((element) => element?.type === AST_NODE_TYPES.ObjectExpression && each(element));
  };
  const job = (object: TSESTree.ObjectExpression): boolean => {
    const data = plainProperty(object, 'data');
    if (!data || !isObjectPayload(data.value)) return false;
    wrap.push(data.shorthand ? data : data.value);
    return true;
  };
  const flow = (object: TSESTree.ObjectExpression): boolean => {
    const data = plainProperty(object, 'data');
    if (data === null || (data && !isObjectPayload(data.value))) return false;
    if (data) wrap.push(data.shorthand ? data : data.value);
    else add.push(object);
    const children = plainProperty(object, 'children');
    return children === undefined || (children !== null && list(children.value, flow));
  };
  let ok: boolean;
  if (client === 'bullmq-flow') {
    const root = args[0] && unwrapExpression(args[0]);
    ok = method === 'addBulk' ? list(args[0], flow) : root?.type === AST_NODE_TYPES.ObjectExpression && flow(root);
  } else if (method === 'addBulk') ok = list(args[0], job);
  else {
    const data = args[payloadIndex(args, client)];
    ok = data !== undefined && isObjectPayload(data);
    if (ok) wrap.push(data!);
  }
  return ok ? { wrap, add } : undefined;
}

/**
 * A payload `injectPayloadContext` can add a field to: not a string, number or array written in
 * place, not a NestJS record (its class would be lost).
 */
function isObjectPayload(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral || value.type === AST_NODE_TYPES.ArrayExpression) return false;
  return value.type !== AST_NODE_TYPES.SequenceExpression && !isNestRecord(value);
}

/** Which argument is the payload: Bull's `add(data, opts?)` or `add(name, data, opts?)`; the second elsewhere. */
function payloadIndex(args: readonly TSESTree.CallExpressionArgument[], client: JobClient): number {
  if (client !== 'bull' || args.length === 3) return 1;
  if (args.length === 1) return 0;
  const first = unwrapExpression(args[0]!);
  if (staticString(first) !== undefined || first.type === AST_NODE_TYPES.TemplateLiteral) return 1;
  return first.type === AST_NODE_TYPES.ObjectExpression ? 0 : -1; // an identifier: a name or the data?
}

/**
 * A property of an object literal by name: `undefined` when absent, `null` when the object has a
 * spread or a computed key (the property may hide there), so no edit can be sure of it.
 */
function plainProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null | undefined {
  let found: TSESTree.Property | undefined;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || (property.computed && propertyKeyName(property.key, true) === undefined)) return null;
    if (propertyKeyName(property.key, property.computed) === name) found = property;
  }
  return found;
}

/** `x` → `f(x)`; a shorthand property `{ data }` → `{ data: f(data) }`. */
function wrapValue(sourceCode: SourceCode, node: TSESTree.Node, fn: string): TextEdit[] {
  if (node.type === AST_NODE_TYPES.Property) {
    const name = sourceCode.getText(node.value);
    return [{ range: node.range, text: `${name}: ${fn}(${name})` }];
  }
  return [
    { range: [node.range[0], node.range[0]], text: `${fn}(` },
    { range: [node.range[1], node.range[1]], text: ')' },
  ];
}

// ── BullMQ telemetry (the native route) ─────────────────────────────────────────────────────────

/**
 * `telemetry: new BullMQOtel()` added to the options of a `new Queue/Worker/FlowProducer(…)` or a
 * `@nestjs/bullmq` `@Processor(…)`, when `bullmq-otel` is a production dependency. No arguments:
 * bullmq-otel ≥ 1.1 names the tracer 'bullmq' by default, and 2.x takes an options object only.
 */
function telemetryFix(scope: DetectorScope, construction: TSESTree.Node | undefined): CustomFix | undefined {
  if (construction?.type !== AST_NODE_TYPES.NewExpression && construction?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const index = TELEMETRY_OPTIONS_INDEX[scope.origins.key(construction.callee) ?? ''];
  if (index === undefined || !isProductionDependency(scope, 'bullmq-otel')) return undefined;
  return libraryFix(scope, construction, USE_BULLMQ_TELEMETRY, [], [{ module: 'bullmq-otel', name: 'BullMQOtel' }], ([otel]) =>
    planOption(scope.sourceCode, construction, index, `telemetry: new ${otel}()`),
  );
}

/** Whether the instance a producer call is made on was constructed with `telemetry` in its options. */
function hasTelemetry(scope: DetectorScope, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const construction = callee.type === AST_NODE_TYPES.MemberExpression ? instanceSource(scope, callee.object) : undefined;
  if (construction?.type !== AST_NODE_TYPES.NewExpression) return false;
  const index = TELEMETRY_OPTIONS_INDEX[scope.origins.key(construction.callee) ?? ''];
  return index !== undefined && optionsHave(scope, construction.arguments[index], 'telemetry');
}

/**
 * NestJS's RabbitMQ and Kafka transports send and consume through amqplib and kafkajs, so their
 * instrumentations cover `@EventPattern` handlers and `ClientProxy` calls on those transports. The
 * transport is read from a typed `@Ctx()` or client class, else from the package: when the only
 * broker client it depends on is amqplib (or amqp-connection-manager) or kafkajs.
 */
type CoveringClient = 'amqplib' | 'kafkajs' | 'other' | undefined;

const NEST_TRANSPORT_BY_TYPE: Readonly<Record<string, CoveringClient>> = {
  [`${NEST}:RmqContext`]: 'amqplib',
  [`${NEST}:ClientRMQ.#new`]: 'amqplib',
  [`${NEST}:KafkaContext`]: 'kafkajs',
  [`${NEST}:ClientKafka.#new`]: 'kafkajs',
  [`${NEST}:ClientKafkaProxy.#new`]: 'kafkajs',
  [`${NEST}:NatsContext`]: 'other',
  [`${NEST}:ClientNats.#new`]: 'other',
  [`${NEST}:MqttContext`]: 'other',
  [`${NEST}:ClientMqtt.#new`]: 'other',
  [`${NEST}:RedisContext`]: 'other',
  [`${NEST}:ClientRedis.#new`]: 'other',
  [`${NEST}:TcpContext`]: 'other',
  [`${NEST}:ClientTCP.#new`]: 'other',
};

/** Broker clients a NestJS transport runs on, by package name. */
const NEST_TRANSPORT_PACKAGES: Readonly<Record<string, CoveringClient>> = {
  amqplib: 'amqplib',
  'amqp-connection-manager': 'amqplib',
  kafkajs: 'kafkajs',
  nats: 'other',
  mqtt: 'other',
};

function ctxTransport(scope: DetectorScope, fn: TSESTree.FunctionExpression): CoveringClient {
  for (const param of fn.params) {
    if (param.type !== AST_NODE_TYPES.Identifier || !param.decorators.some((d) => scope.origins.key(decoratorCallee(d)) === `${NEST}:Ctx`)) continue;
    const type = param.typeAnnotation?.typeAnnotation;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
    return NEST_TRANSPORT_BY_TYPE[scope.origins.key(type.typeName) ?? ''];
  }
  return undefined;
}

function clientTransport(scope: DetectorScope, call: TSESTree.CallExpression): CoveringClient {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? NEST_TRANSPORT_BY_TYPE[scope.origins.key(callee.object) ?? ''] : undefined;
}

function nestTransportCovered(scope: DetectorScope, known: CoveringClient): boolean {
  let transport = known;
  if (transport === undefined) {
    const filename = (scope as unknown as { readonly filename?: string }).filename;
    const dependencies = filename !== undefined ? findManifest(filename)?.allDependencies : undefined;
    const found = new Set(Object.keys(NEST_TRANSPORT_PACKAGES).filter((name) => dependencies?.has(name)).map((name) => NEST_TRANSPORT_PACKAGES[name]));
    if (found.size !== 1) return false;
    transport = [...found][0];
  }
  return (transport === 'amqplib' || transport === 'kafkajs') && scope.covered([transport]);
}

/** Whether the file's package lists `name` in `dependencies` (what a production install keeps). */
function isProductionDependency(scope: DetectorScope, name: string): boolean {
  const filename = (scope as unknown as { readonly filename?: string }).filename;
  return filename !== undefined && findManifest(filename)?.dependencies.has(name) === true;
}

/**
 * `property` added to the options argument at `index`: into an object literal, as a copy of an
 * options variable (`{ ...options, telemetry }`), or as a new object when there are no options.
 */
function planOption(sourceCode: SourceCode, call: TSESTree.NewExpression | TSESTree.CallExpression, index: number, property: string): TextEdit[] | undefined {
  const args = call.arguments;
  const options = args[index];
  if (!options) {
    if (args.length !== index) return undefined;
    const last = args[index - 1];
    if (last) return [{ range: [last.range[1], last.range[1]], text: `, { ${property} }` }];
    const close = sourceCode.getLastToken(call);
    return close?.value === ')' ? [{ range: [close.range[0], close.range[0]], text: `{ ${property} }` }] : undefined;
  }
  const value = unwrapExpression(options);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return [planAddProperty(sourceCode, value, property)];
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
    return [{ range: options.range, text: `{ ...${sourceCode.getText(options)}, ${property} }` }];
  }
  return undefined;
}

/**
 * Whether an options argument (an object literal, or a same-file variable holding one) sets `name`;
 * a spread (`{ ...shared }`) may set it, so it counts: no report rather than a wrong one.
 */
function optionsHave(scope: DetectorScope, node: TSESTree.Node | undefined, name: string): boolean {
  const object = objectLiteral(scope, node);
  return !!object && plainProperty(object, name) !== undefined;
}

function objectLiteral(scope: DetectorScope, node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  let value = node && unwrapExpression(node);
  if (value?.type === AST_NODE_TYPES.Identifier) {
    const init = scope.origins.variableInit(value);
    value = init ? unwrapExpression(init) : undefined;
  }
  return value?.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
}

// ── NestJS microservices ─────────────────────────────────────────────────────────────────────────

/** The transport behind a ClientProxy, when the file shows it. */
function nestTransport(scope: DetectorScope, receiver: TSESTree.Node): NestTransport | undefined {
  const typed = /^@nestjs\/microservices:(\w+)\.#new$/.exec(scope.origins.key(receiver) ?? '')?.[1];
  if (typed && NEST_CLIENT_CLASSES[typed]) return NEST_CLIENT_CLASSES[typed];
  const source = instanceSource(scope, receiver);
  if (source?.type === AST_NODE_TYPES.CallExpression) {
    return scope.origins.key(source.callee) === `${NEST}:ClientProxyFactory.create` ? transportOf(scope, source.arguments[0]) : undefined;
  }
  for (const decorator of source ? decoratorsOf(source) : []) {
    const key = scope.origins.key(decoratorCallee(decorator));
    const arg = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.arguments[0] : undefined;
    if (key === `${NEST}:Client`) return transportOf(scope, arg); // `@Client({ transport })`
    if (key === '@nestjs/common:Inject' && arg) return registeredTransport(scope, arg);
  }
  return undefined;
}

/** `{ transport: Transport.RMQ, options }`; no `transport` is TCP. */
function transportOf(scope: DetectorScope, node: TSESTree.Node | undefined): NestTransport | undefined {
  const options = objectLiteral(scope, node);
  if (!options) return undefined;
  const property = plainProperty(options, 'transport');
  if (property === null || (property === undefined && plainProperty(options, 'customClass') !== undefined)) return undefined;
  if (property === undefined) return 'OTHER';
  const match = /^@nestjs\/microservices:Transport\.(\w+)$/.exec(scope.origins.key(property.value) ?? '');
  if (!match) return undefined;
  return match[1] === 'RMQ' || match[1] === 'NATS' || match[1] === 'KAFKA' ? match[1] : 'OTHER';
}

const registrations = new WeakMap<object, readonly TSESTree.ObjectExpression[]>();

/** `@Inject('ORDERS')`: the client registered as `ORDERS` by `ClientsModule.register([...])` in this file. */
function registeredTransport(scope: DetectorScope, token: TSESTree.Node): NestTransport | undefined {
  const { sourceCode, origins } = scope;
  let clients = registrations.get(sourceCode.ast);
  if (!clients) {
    const found: TSESTree.ObjectExpression[] = [];
    // Usually inside `@Module({ imports: [...] })`: decorators are searched too (core's `walk` skips them).
    const stack: TSESTree.Node[] = sourceCode.text.includes('ClientsModule') ? [sourceCode.ast] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === AST_NODE_TYPES.CallExpression && origins.key(node.callee) === `${NEST}:ClientsModule.register`) {
        let list: TSESTree.Node | undefined = node.arguments[0] && unwrapExpression(node.arguments[0]);
        if (list?.type === AST_NODE_TYPES.ObjectExpression) list = plainProperty(list, 'clients')?.value; // `{ clients: [...] }`
        if (list?.type === AST_NODE_TYPES.ArrayExpression) {
          for (const element of list.elements) if (element?.type === AST_NODE_TYPES.ObjectExpression) found.push(element);
        }
        continue;
      }
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
        }
      }
    }
    clients = found;
    registrations.set(sourceCode.ast, clients);
  }
  const wanted = sourceCode.getText(token);
  const wantedName = staticString(token);
  const client = clients.find((object) => {
    const name = plainProperty(object, 'name');
    return !!name && (sourceCode.getText(name.value) === wanted || (wantedName !== undefined && staticString(name.value) === wantedName));
  });
  return client ? transportOf(scope, client) : undefined;
}


/**
 * `client.emit/send(pattern, data)` on a transport with headers: RabbitMQ and NATS get a record
 * builder carrying them (`new RmqRecordBuilder(data).setOptions({ headers }).build()`), Kafka a
 * message with `headers`; a record or message the code builds itself gets the headers added.
 */
function nestHeadersFix(scope: DetectorScope, call: TSESTree.CallExpression, transport: 'RMQ' | 'NATS' | 'KAFKA'): CustomFix | undefined {
  const data = call.arguments[1];
  if (!data || data.type === AST_NODE_TYPES.SpreadElement || data.type === AST_NODE_TYPES.SequenceExpression) return undefined;
  const { sourceCode } = scope;
  const value = unwrapExpression(data);
  if (transport === 'KAFKA') {
    if (value.type === AST_NODE_TYPES.ObjectExpression && (plainProperty(value, 'value') || plainProperty(value, 'key'))) {
      return injectFix(scope, call, [], (inject) => planCarrier(sourceCode, value, 'headers', inject, `${inject}()`));
    }
    if (!isPlainValue(value)) return undefined;
    return injectFix(scope, call, [], (inject) => [{ range: data.range, text: `{ value: ${sourceCode.getText(data)}, headers: ${inject}() }` }]);
  }
  const rmq = transport === 'RMQ';
  const factory = rmq ? [] : [{ module: 'nats', name: 'headers' }];
  const carrier = (inject: string, natsHeaders: string | undefined) => (rmq ? `{ headers: ${inject}() }` : `${inject}(${natsHeaders}())`);
  const record = recordShape(value, rmq);
  if (record === 'unsure') return undefined;
  if (record) {
    return injectFix(scope, call, record.setter ? [] : factory, (inject, [natsHeaders]) => {
      if (!record.setter) return [{ range: [record.at, record.at], text: record.text(carrier(inject, natsHeaders)) }];
      const arg = unwrapExpression(record.setter);
      if (!rmq) return wrapValue(sourceCode, record.setter, inject);
      return arg.type === AST_NODE_TYPES.ObjectExpression ? planCarrier(sourceCode, arg, 'headers', inject, `${inject}()`) : undefined;
    });
  }
  if (scope.origins.key(data)?.startsWith(`${NEST}:`)) return undefined; // a record built elsewhere
  const builder = rmq ? 'RmqRecordBuilder' : 'NatsRecordBuilder';
  const setter = rmq ? 'setOptions' : 'setHeaders';
  return injectFix(scope, call, [{ module: NEST, name: builder }, ...factory], (inject, [recordBuilder, natsHeaders]) => [
    { range: data.range, text: `new ${recordBuilder}(${sourceCode.getText(data)}).${setter}(${carrier(inject, natsHeaders)}).build()` },
  ]);
}

/** Literals, arrays, objects and templates: a Kafka payload that is surely not a message already. */
function isPlainValue(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ObjectExpression ||
    node.type === AST_NODE_TYPES.ArrayExpression ||
    node.type === AST_NODE_TYPES.Literal ||
    node.type === AST_NODE_TYPES.TemplateLiteral
  );
}

/** `new RmqRecord(…)`, `new NatsRecordBuilder(…)…build()` and the like. */
function isNestRecord(node: TSESTree.Node): boolean {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) current = current.callee.object;
  return current.type === AST_NODE_TYPES.NewExpression && /^(Rmq|Nats|Mqtt)Record(Builder)?$/.test(calleeName(current.callee) ?? '');
}

/**
 * A record the code builds itself: the argument that holds its headers (`setOptions({ … })` /
 * `setHeaders(h)` in a builder chain, the options of `new RmqRecord(data, opts)`, the headers of
 * `new NatsRecord(data, h)`), or where to add them. `undefined`: not a record; `'unsure'`: a record
 * whose shape this does not know.
 */
function recordShape(
  value: TSESTree.Node,
  rmq: boolean,
): { readonly setter?: TSESTree.Node; readonly at: number; text(carrier: string): string } | 'unsure' | undefined {
  if (!isNestRecord(value)) return undefined;
  if (value.type === AST_NODE_TYPES.NewExpression) {
    const [payload, options, ...rest] = value.arguments;
    if (!payload || rest.length > 0 || value.arguments.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return 'unsure';
    if (/Builder$/.test(calleeName(value.callee) ?? '')) return 'unsure'; // a builder that is never built
    return { setter: options, at: payload.range[1], text: (carrier) => `, ${carrier}` };
  }
  const setterName = rmq ? 'setOptions' : 'setHeaders';
  if (value.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(value.callee) !== 'build') {
    return 'unsure';
  }
  let setter: TSESTree.Node | undefined;
  for (let current: TSESTree.Node = value; current.type === AST_NODE_TYPES.CallExpression; ) {
    if (current.callee.type !== AST_NODE_TYPES.MemberExpression) return 'unsure';
    if (memberName(current.callee) === setterName) setter ??= current.arguments[0] ?? current;
    current = current.callee.object;
  }
  if (setter === value || setter?.type === AST_NODE_TYPES.CallExpression) return 'unsure'; // `setOptions()` with nothing in it
  return { setter, at: value.callee.object.range[1], text: (carrier) => `.${setterName}(${carrier})` };
}

/**
 * `{ …, headers: X }` → `headers: inject(X)`; without a `headers` property, one is added (from a
 * spread's headers when the object has one); `undefined` when a computed key may hide it.
 */
function planCarrier(sourceCode: SourceCode, object: TSESTree.ObjectExpression, name: string, inject: string, fresh: string): TextEdit[] | undefined {
  const existing = plainProperty(object, name);
  if (existing) return wrapValue(sourceCode, existing.shorthand ? existing : existing.value, inject);
  const spread = [...object.properties].reverse().find((p): p is TSESTree.SpreadElement => p.type === AST_NODE_TYPES.SpreadElement);
  if (existing === null && !spread) return undefined;
  const value = spread ? `${inject}(${sourceCode.getText(spread.argument)}?.${name})` : fresh;
  return [planAddProperty(sourceCode, object, `${name}: ${value}`)];
}

/**
 * `@EventPattern` / `@MessagePattern` handlers: with a typed `@Ctx()` (RmqContext, NatsContext,
 * KafkaContext) the body runs in the context of the transport's headers; otherwise, behind
 * `allowPayloadChanges`, in the context of the payload's `_traceContext`.
 */
function nestHandlerFix(scope: DetectorScope, fn: TSESTree.FunctionExpression, decorator: TSESTree.Decorator): CustomFix | undefined {
  const pattern = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.arguments[0] : undefined;
  const literal = staticString(pattern);
  for (const param of fn.params) {
    if (param.type !== AST_NODE_TYPES.Identifier || !param.decorators.some((d) => scope.origins.key(decoratorCallee(d)) === `${NEST}:Ctx`)) continue;
    const type = param.typeAnnotation?.typeAnnotation;
    const typeName = type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName : undefined;
    const context = typeName ? NEST_CONTEXTS[scope.origins.key(typeName) ?? ''] : undefined;
    if (!context) break;
    const destination = literal !== undefined ? { literal } : { code: context.destination(param.name) };
    return consumerFix(scope, fn, [], () => context.carrier(param.name), context.system, destination, context.patternIsDestination);
  }
  if (!scope.options.allowPayloadChanges) return undefined;
  const payload = payloadParam(scope, fn);
  if (!payload) return undefined;
  return consumerFix(scope, fn, [PAYLOAD_CONTEXT], (locals) => `${locals[PAYLOAD_CONTEXT] ?? 'payloadContext'}(${payload})`, undefined, literal !== undefined ? { literal } : undefined, false);
}

/** The parameter that receives the whole payload: `@Payload()`, or the first one when none is decorated. */
function payloadParam(scope: DetectorScope, fn: TSESTree.FunctionExpression): string | undefined {
  const decorated = fn.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.decorators.length > 0);
  for (const [index, param] of fn.params.entries()) {
    if (param.type !== AST_NODE_TYPES.Identifier) continue;
    if (!decorated) return index === 0 ? param.name : undefined;
    const whole = param.decorators.some((d) => {
      if (scope.origins.key(decoratorCallee(d)) !== `${NEST}:Payload`) return false;
      const first = d.expression.type === AST_NODE_TYPES.CallExpression ? d.expression.arguments[0] : undefined;
      return staticString(first) === undefined; // `@Payload('id')` is one property
    });
    if (whole) return param.name;
  }
  return undefined;
}

// ── consumers ────────────────────────────────────────────────────────────────────────────────────

/** A job processor's body in the context of the job data's `_traceContext` (behind `allowPayloadChanges`). */
function jobConsumerFix(scope: DetectorScope, fn: FunctionNode | undefined, system: string, destination: Destination): CustomFix | undefined {
  if (!fn || !scope.options.allowPayloadChanges) return undefined;
  const param = fn.params[0];
  let data: string | undefined;
  if (param?.type === AST_NODE_TYPES.Identifier) data = `${param.name}.data`;
  else if (param?.type === AST_NODE_TYPES.ObjectPattern) {
    const property = plainProperty(param as unknown as TSESTree.ObjectExpression, 'data');
    data = property?.value.type === AST_NODE_TYPES.Identifier ? property.value.name : undefined;
  }
  if (data === undefined) return undefined;
  const carrier = data;
  return consumerFix(scope, fn, [PAYLOAD_CONTEXT], (locals) => `${locals[PAYLOAD_CONTEXT] ?? 'payloadContext'}(${carrier})`, system, destination);
}

/** `job.queueName` / `job.queue.name` from the processor's job parameter, read when no queue name is written. */
function jobDestination(fn: FunctionNode | undefined, path: string): Destination {
  const param = fn?.params[0];
  return param?.type === AST_NODE_TYPES.Identifier ? { code: `${param.name}.${path}` } : undefined;
}

function literalDestination(node: TSESTree.Node | undefined): Destination {
  const literal = staticString(node);
  return literal === undefined ? undefined : { literal };
}

/** The queue a NestJS `@Processor('email')` / `@Processor({ name: 'email' })` processes. */
function processorQueue(call: TSESTree.CallExpression | undefined): Destination {
  const first = call?.arguments[0] && unwrapExpression(call.arguments[0]);
  if (first?.type !== AST_NODE_TYPES.ObjectExpression) return literalDestination(first);
  const name = plainProperty(first, 'name');
  return name ? literalDestination(name.value) : undefined;
}

/**
 * The handler's body run by `withExtractedContext(carrier, …, span)` under a CONSUMER span named
 * `process <destination>`: `return withExtractedContext(…, async () => { body }, span);`, or the
 * concise body of an arrow function wrapped in place. Generators and empty bodies are left alone.
 */
function consumerFix(
  scope: DetectorScope,
  fn: FunctionNode,
  wrappers: readonly WrapperName[],
  carrier: (locals: Locals) => string,
  system: string | undefined,
  destination: Destination,
  destinationAttribute = true,
): CustomFix | undefined {
  if (fn.generator || (fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 0)) return undefined;
  const { sourceCode } = scope;
  return {
    wrappers: ['withExtractedContext', ...wrappers],
    suggestion: 'continueMessageContext',
    plan: (locals) => {
      const span = spanOptions(fileStyle(sourceCode), system, destination, destinationAttribute);
      const open = `${locals.withExtractedContext ?? 'withExtractedContext'}(${carrier(locals)}, ${fn.async ? 'async ' : ''}() => `;
      return planWrapBody(sourceCode, fn, open, `, ${span})`);
    },
  };
}

/** `{ name: 'process email', kind: 'consumer', attributes: { 'messaging.system': …, 'messaging.destination.name': … } }`. */
function spanOptions(style: FileStyle, system: string | undefined, destination: Destination, destinationAttribute: boolean): string {
  const q = (text: string) => quoteString(text, style);
  let name = q('process');
  let destinationValue: string | undefined;
  if (destination && 'literal' in destination) {
    name = q(`process ${destination.literal}`);
    destinationValue = q(destination.literal);
  } else if (destination) {
    name = `\`process \${${destination.code}}\``;
    destinationValue = destination.code;
  }
  const attributes: string[] = [];
  if (system) attributes.push(`${q('messaging.system')}: ${q(system)}`);
  if (destinationValue !== undefined && destinationAttribute) attributes.push(`${q('messaging.destination.name')}: ${destinationValue}`);
  return `{ name: ${name}, kind: ${q('consumer')}${attributes.length > 0 ? `, attributes: { ${attributes.join(', ')} }` : ''} }`;
}

/** `open` + the function's body + `close`, as a returned call for a block body. */
function planWrapBody(sourceCode: SourceCode, fn: FunctionNode, open: string, close: string): TextEdit[] | undefined {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    return [wrapBlock(sourceCode, fn.body, `return ${open}{`, `}${close}${fileStyle(sourceCode).semi ? ';' : ''}`)];
  }
  // `(job) => ({ … })`: the parentheses go inside the new arrow function.
  const arrow = sourceCode.getTokenBefore(fn.body, { filter: (token) => token.value === '=>' });
  const start = arrow && sourceCode.getTokenAfter(arrow);
  const end = sourceCode.getLastToken(fn);
  if (!start || !end) return undefined;
  return [
    { range: [start.range[0], start.range[0]], text: open },
    { range: [end.range[1], end.range[1]], text: close },
  ];
}

// ── shared ──────────────────────────────────────────────────────────────────────────────────────

interface LibraryImport {
  readonly module: string;
  readonly name: string;
}

/** A fix that injects with `injectContext()` and may use library names (`RmqRecordBuilder`, NATS `headers`). */
function injectFix(
  scope: DetectorScope,
  at: TSESTree.Node,
  imports: readonly LibraryImport[],
  edits: (inject: string, libraryLocals: readonly string[]) => TextEdit[] | undefined,
): CustomFix | undefined {
  return libraryFix(scope, at, 'injectIntoMessage', ['injectContext'], imports, (libraryLocals, locals) =>
    edits(locals.injectContext ?? 'injectContext', libraryLocals),
  );
}

/**
 * A CustomFix whose edits also use names exported by libraries (`BullMQOtel`, NestJS record
 * builders, NATS `headers`): the file's own import of a name is reused; a missing one is imported,
 * unless something else holds that name where the fix writes it (then there is no fix).
 */
function libraryFix(
  scope: DetectorScope,
  at: TSESTree.Node,
  suggestion: SuggestionId,
  wrappers: readonly WrapperName[],
  imports: readonly LibraryImport[],
  edits: (libraryLocals: readonly string[], locals: Locals) => TextEdit[] | undefined,
): CustomFix | undefined {
  const { sourceCode } = scope;
  const libraryLocals: string[] = [];
  const missing: LibraryImport[] = [];
  for (const item of imports) {
    const existing = importedLocalName(sourceCode, item.module, item.name);
    if (existing) libraryLocals.push(existing);
    else if (findVariable(sourceCode.getScope(at), item.name)) return undefined;
    else {
      libraryLocals.push(item.name);
      missing.push(item);
    }
  }
  return {
    wrappers,
    suggestion,
    plan: (locals) => {
      const planned = edits(libraryLocals, locals);
      if (!planned || planned.length === 0) return undefined;
      const modules = [...new Set(missing.map((item) => item.module))];
      const names = (module: string) => missing.filter((item) => item.module === module).map((item) => item.name);
      return [...planned, ...modules.flatMap((module) => planImport(sourceCode, module, names(module)))];
    },
  };
}

/**
 * Where the instance a receiver names comes from: the `new X(…)` or factory call that made it, or
 * the typed (maybe decorated) parameter or field it arrives in. Follows variables, `await` and
 * `this.x` members set in the class, a few steps deep.
 */
function instanceSource(scope: DetectorScope, node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = unwrapExpression(node);
  for (let depth = 0; current && depth < 6; depth++) {
    switch (current.type) {
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.CallExpression:
        return current;
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      case AST_NODE_TYPES.Identifier: {
        const def: TSESLint.Scope.Definition | undefined = scope.origins.variableOf(current)?.defs[0];
        if (def?.type === 'Parameter') return def.name;
        current = def?.type === 'Variable' ? ((def.node as TSESTree.VariableDeclarator).init ?? undefined) : undefined;
        break;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name: string | undefined = current.object.type === AST_NODE_TYPES.ThisExpression ? memberName(current) : undefined;
        const members: TSESTree.Node[] = name === undefined ? [] : scope.origins.membersOf(current, name);
        // `private queue: Queue;` then `this.queue = new Queue(…)` in the constructor: the assignment tells more.
        const assigned: TSESTree.Node | undefined = members.find(
          (m) => (m.type === AST_NODE_TYPES.PropertyDefinition && m.value) || m.type === AST_NODE_TYPES.AssignmentExpression,
        );
        if (assigned?.type === AST_NODE_TYPES.PropertyDefinition) current = assigned.value ?? undefined;
        else if (assigned?.type === AST_NODE_TYPES.AssignmentExpression) current = assigned.right;
        else return members.find((m) => m.type !== AST_NODE_TYPES.MethodDefinition); // a typed field, a constructor parameter property
        break;
      }
      default:
        return undefined;
    }
    if (current) current = unwrapExpression(current);
  }
  return undefined;
}

/** Decorators of a class field, a constructor parameter (property) or a parameter. */
function decoratorsOf(node: TSESTree.Node): readonly TSESTree.Decorator[] {
  if (node.type === AST_NODE_TYPES.PropertyDefinition) return node.decorators;
  if (node.type !== AST_NODE_TYPES.Identifier) return [];
  const property = node.parent?.type === AST_NODE_TYPES.TSParameterProperty ? node.parent.decorators : [];
  return [...property, ...node.decorators];
}

function decoratorCallee(decorator: TSESTree.Decorator): TSESTree.Node {
  return decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
}

/** The decorators of the class a method belongs to. */
function classDecorators(fn: TSESTree.FunctionExpression): readonly TSESTree.Decorator[] {
  const owner = fn.parent?.parent?.parent;
  return owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression ? owner.decorators : [];
}

function inlineFunction(node: TSESTree.Node): FunctionNode | undefined {
  const value = unwrapExpression(node);
  return isFunctionNode(value) ? value : undefined;
}
