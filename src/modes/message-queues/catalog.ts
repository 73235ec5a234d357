/**
 * Mode 3 catalog: message producers and consumers per client, and what an installed
 * instrumentation already does for each (it injects/continues there, except in its holes).
 *
 * Receivers are recognised by origin (see `core/origins.ts`): `kafkajs:Kafka.#new.producer.#call`
 * is what `new Kafka(…).producer()` returns. `#any` in a key stands for any path segments.
 */
import type { InstrumentedValue } from '../../settings';

/**
 * How a producer's suggestion carries the context, when the client has a carrier the wrappers fill.
 * Each kind says where the carrier is in the call; `fix.ts` writes the text.
 */
export type ProducerFix =
  /**
   * Every message literal (an object with the `marker` property, `{ value }` for Kafka, `{ body }`
   * for Azure) in the first argument gets `property: injectContext(…)`. Objects with an `exclude`
   * property are containers (`{ topic, messages }`), not messages.
   */
  | { readonly kind: 'message-literals'; readonly marker: string; readonly property: string; readonly exclude?: readonly string[] }
  /**
   * An options object at `index` whose `property` is the carrier (`{ headers }`). `newCarrier` names
   * the client's own carrier constructor when a plain object will not do (NATS `headers()`).
   */
  | { readonly kind: 'options'; readonly index: number; readonly property: string; readonly newCarrier?: CarrierConstructor }
  /**
   * The argument at `index` is the carrier itself (Pub/Sub `attributes`, node-redis `xAdd`
   * message). With `callbackNext`, a callback may stand in its place (`publish(data, callback)`).
   */
  | { readonly kind: 'carrier-argument'; readonly index: number; readonly callbackNext?: boolean }
  /** ioredis `xadd(key, …options, id, field, value…)`: the context's fields go in right after the id. */
  | { readonly kind: 'stream-fields' }
  /** The JSON text at `index` (`JSON.stringify(x)`) gets a `_traceContext` field: a payload change. */
  | { readonly kind: 'json-payload'; readonly index: number };

/** A function of the client's module that makes an empty carrier (`headers()` of NATS). */
export interface CarrierConstructor {
  readonly name: string;
  /** Modules that export it; the fix imports it from the one the file already uses. */
  readonly modules: readonly string[];
}

export interface Producer {
  readonly library: string;
  readonly signature: string;
  /** Origin keys of the receiver (the object whose method sends). */
  readonly receivers: readonly string[];
  readonly methods: readonly string[];
  readonly coveredBy?: readonly InstrumentedValue[];
  readonly fix?: ProducerFix;
}

/**
 * Where a consumer fix finds a value: a parameter of the handler (with a property path read from
 * it: `message.headers`), an argument of the registering call (`consume(queue, …)`), or an
 * argument of the call that made the receiver (`client.createReceiver('orders')`).
 */
export type ValueSource =
  | { readonly from: 'param'; readonly index: number; readonly path?: readonly string[]; readonly optional?: boolean }
  | { readonly from: 'argument'; readonly index: number }
  | { readonly from: 'receiver'; readonly index: number };

export interface Consumer {
  readonly library: string;
  readonly signature: string;
  readonly receivers: readonly string[];
  readonly methods: readonly string[];
  /** Where the handler is: argument index (negative: from the end), or a property of an options object at `index`. */
  readonly handler: { readonly index: number; readonly properties?: readonly string[] };
  /** `on('message', handler)`-style registrations: the event argument must be one of these. */
  readonly events?: readonly string[];
  /** Handler properties an instrumentation does not cover even when installed (kafkajs `eachBatch`). */
  readonly uncoveredProperties?: readonly string[];
  readonly coveredBy?: readonly InstrumentedValue[];
  /** The message's carrier, seen from the handler (`msg` → `msg.properties.headers`): the suggestion extracts from it. */
  readonly carrier?: ValueSource & { readonly from: 'param' };
  /** The carrier is a JSON payload (`payloadContext(message)`): only offered with `allowPayloadChanges`. */
  readonly payload?: boolean;
  /** The queue, topic or subject for the span's name, the first one found. */
  readonly destination?: readonly ValueSource[];
  /** Messaging system for the CONSUMER span's `messaging.system`. */
  readonly system?: string;
}

/**
 * A call that only pulls messages (`channel.get`, `xread`, `receiveMessages`): reported unless the
 * function around it extracts. `fix` names the shape of code the suggestion can rewrite.
 */
export interface Pull {
  readonly library: string;
  readonly signature: string;
  readonly receivers: readonly string[];
  readonly methods: readonly string[];
  readonly fix?: PullFix;
}

export interface PullFix {
  /**
   * `single`: the call returns one message or a falsy value (`const msg = await ch.get(q)`), and the
   * code after its guard runs in the message's context; `list`: it returns an array of messages,
   * and each iteration of a loop over it runs in its message's context; `streams`: an `xread`
   * reply, a list of streams each holding a list of entries, and the per-entry loop is wrapped.
   */
  readonly shape: 'single' | 'list' | 'streams';
  /** Property path from a message (or stream entry) to its carrier (`properties.headers`; `1` is an array index). */
  readonly carrier: readonly string[];
  /** `streams`: the paths from a stream to its entry list and to its name. */
  readonly streams?: { readonly entries: readonly string[]; readonly name: readonly string[] };
  readonly destination?: ValueSource & { readonly from: 'argument' | 'receiver' };
  readonly system: string;
}

/**
 * An async iterable of messages (`for await (const msg of nc.subscribe(subject))`), keyed by the
 * origin of the iterated value; each iteration runs in its message's context.
 */
export interface Iteration {
  readonly library: string;
  readonly signature: string;
  readonly keys: readonly string[];
  readonly carrier: readonly string[];
  /** An argument of the call that made the iterable, for the span's name (the subject). */
  readonly destinationArgument?: number;
  readonly system: string;
}

/** Also as parameters or fields typed `Producer` / `Transaction` / `Consumer` (NestJS providers inject them). */
const KAFKA_PRODUCER = [
  'kafkajs:Kafka.#new.producer.#call',
  'kafkajs:Kafka.#new.producer.#call.transaction.#call',
  'kafkajs:Producer.#new',
  'kafkajs:Transaction.#new',
];
const KAFKA_CONSUMER = ['kafkajs:Kafka.#new.consumer.#call', 'kafkajs:Consumer.#new'];
const AMQP_CHANNEL = [
  'amqplib:connect.#call.createChannel.#call',
  'amqplib:connect.#call.createConfirmChannel.#call',
  'amqplib/callback_api:connect.#call.createChannel.#call',
  'amqplib/callback_api:connect.#call.createConfirmChannel.#call',
  'amqplib:Channel.#new',
  'amqplib:ConfirmChannel.#new',
  // amqp-connection-manager's ChannelWrapper has amqplib's publish/sendToQueue/consume signatures
  // (and sends through amqplib, so the amqplib instrumentation covers it too).
  'amqp-connection-manager:connect.#call.createChannel.#call',
  'amqp-connection-manager:AmqpConnectionManager.#new.createChannel.#call',
  'amqp-connection-manager:ChannelWrapper.#new',
];
const BULLMQ_QUEUE = ['bullmq:Queue.#new', 'bull:#new', 'bull:Queue.#new', 'bullmq:FlowProducer.#new'];
const PUBSUB_TOPIC = ['@google-cloud/pubsub:PubSub.#new.topic.#call', '@google-cloud/pubsub:Topic.#new'];
const PUBSUB_SUBSCRIPTION = [
  '@google-cloud/pubsub:PubSub.#new.subscription.#call',
  '@google-cloud/pubsub:PubSub.#new.topic.#call.subscription.#call',
  '@google-cloud/pubsub:Subscription.#new',
];
const NATS_CONNECTION = [
  'nats:connect.#call',
  '@nats-io/transport-node:connect.#call',
  'nats:NatsConnection.#new',
  '@nats-io/transport-node:NatsConnection.#new',
];
/** JetStream contexts: `nc.jetstream()` of the legacy line, `jetstream(nc)` of `@nats-io/jetstream`. */
const NATS_JETSTREAM = [
  'nats:connect.#call.jetstream.#call',
  '@nats-io/jetstream:jetstream.#call',
  'nats:JetStreamClient.#new',
  '@nats-io/jetstream:JetStreamClient.#new',
];
const IOREDIS_CLIENT = ['ioredis:#new', 'ioredis:Redis.#new', 'ioredis:#new.duplicate.#call', 'ioredis:Redis.#new.duplicate.#call'];
const NODE_REDIS_CLIENT = [
  'redis:createClient.#call',
  'redis:RedisClientType.#new',
  'redis:createClient.#call.duplicate.#call',
  'redis:createClient.#call.connect.#call',
  'redis:createClient.#call.duplicate.#call.connect.#call',
];
const REDIS_CLIENT = [...IOREDIS_CLIENT, ...NODE_REDIS_CLIENT];
const AZURE_CLIENT = '@azure/service-bus:ServiceBusClient.#new';
const AZURE_SENDER = [`${AZURE_CLIENT}.createSender.#call`, '@azure/service-bus:ServiceBusSender.#new'];
const AZURE_RECEIVER = [`${AZURE_CLIENT}.createReceiver.#call`, '@azure/service-bus:ServiceBusReceiver.#new'];
const AZURE_BATCH = [...AZURE_SENDER.map((sender) => `${sender}.createMessageBatch.#call`), '@azure/service-bus:ServiceBusMessageBatch.#new'];
/** `ClientProxy` and its transport classes (`ClientKafka`, `ClientRMQ`…), as typed parameters or fields, and the factory. */
const NEST_CLIENT = [
  '@nestjs/microservices:ClientProxyFactory.create.#call',
  ...['ClientProxy', 'ClientRMQ', 'ClientNats', 'ClientKafka', 'ClientKafkaProxy', 'ClientRedis', 'ClientMqtt', 'ClientTCP'].map(
    (name) => `@nestjs/microservices:${name}.#new`,
  ),
];

/** NATS carriers are `MsgHdrs`: a plain object is not accepted, `headers()` makes an empty one. */
const NATS_HEADERS: CarrierConstructor = { name: 'headers', modules: ['nats', '@nats-io/transport-node', '@nats-io/nats-core'] };

export const PRODUCERS: readonly Producer[] = [
  {
    library: 'kafkajs',
    signature: 'producer.send({ topic, messages }) / sendBatch({ topicMessages }) / transaction().send(…)',
    receivers: KAFKA_PRODUCER,
    methods: ['send', 'sendBatch'],
    coveredBy: ['kafkajs'],
    fix: { kind: 'message-literals', marker: 'value', property: 'headers', exclude: ['messages', 'topic'] },
  },
  {
    library: 'amqplib',
    signature: 'channel.publish(exchange, routingKey, content, options)',
    receivers: AMQP_CHANNEL,
    methods: ['publish'],
    coveredBy: ['amqplib'],
    fix: { kind: 'options', index: 3, property: 'headers' },
  },
  {
    library: 'amqplib',
    signature: 'channel.sendToQueue(queue, content, options)',
    receivers: AMQP_CHANNEL,
    methods: ['sendToQueue'],
    coveredBy: ['amqplib'],
    fix: { kind: 'options', index: 2, property: 'headers' },
  },
  {
    library: 'bullmq / bull',
    signature: 'queue.add(name, data, opts) / addBulk(jobs) / flowProducer.add(flow)',
    receivers: BULLMQ_QUEUE,
    methods: ['add', 'addBulk'],
  },
  {
    library: '@google-cloud/pubsub',
    signature: 'topic.publishMessage({ data, attributes })',
    receivers: PUBSUB_TOPIC,
    methods: ['publishMessage'],
    coveredBy: ['pubsub'],
    fix: { kind: 'options', index: 0, property: 'attributes' },
  },
  {
    library: '@google-cloud/pubsub',
    signature: 'topic.publish(data, attributes) / publishJSON(json, attributes)',
    receivers: PUBSUB_TOPIC,
    methods: ['publish', 'publishJSON'],
    coveredBy: ['pubsub'],
    fix: { kind: 'carrier-argument', index: 1, callbackNext: true },
  },
  {
    library: 'nats / @nats-io/transport-node',
    signature: 'nc.publish(subject, data, { headers }) / nc.request(subject, data, { headers }) / js.publish(…)',
    receivers: [...NATS_CONNECTION, ...NATS_JETSTREAM],
    methods: ['publish', 'request'],
    fix: { kind: 'options', index: 2, property: 'headers', newCarrier: NATS_HEADERS },
  },
  {
    library: 'ioredis / redis',
    signature: "redis.xadd(stream, '*', field, value, …) (ioredis)",
    receivers: IOREDIS_CLIENT,
    methods: ['xadd'],
    fix: { kind: 'stream-fields' },
  },
  {
    library: 'ioredis / redis',
    signature: "client.xAdd(stream, '*', { field: value }) (redis)",
    receivers: NODE_REDIS_CLIENT,
    methods: ['xAdd'],
    fix: { kind: 'carrier-argument', index: 2 },
  },
  {
    library: 'ioredis / redis',
    signature: 'redis.publish(channel, message)',
    receivers: REDIS_CLIENT,
    methods: ['publish'],
    fix: { kind: 'json-payload', index: 1 },
  },
  {
    library: '@azure/service-bus',
    signature: 'sender.sendMessages(messages) / scheduleMessages(messages, time)',
    receivers: AZURE_SENDER,
    methods: ['sendMessages', 'scheduleMessages'],
    coveredBy: ['azure-service-bus'],
    fix: { kind: 'message-literals', marker: 'body', property: 'applicationProperties' },
  },
  {
    library: '@azure/service-bus',
    signature: 'batch.tryAddMessage(message) on sender.createMessageBatch()',
    receivers: AZURE_BATCH,
    methods: ['tryAddMessage'],
    coveredBy: ['azure-service-bus'],
    fix: { kind: 'message-literals', marker: 'body', property: 'applicationProperties' },
  },
  {
    library: '@nestjs/microservices',
    signature: 'client.emit(pattern, data) / client.send(pattern, data)',
    receivers: NEST_CLIENT,
    methods: ['emit', 'send'],
  },
];

export const CONSUMERS: readonly Consumer[] = [
  {
    library: 'bullmq / bull',
    signature: 'queue.process([name,] [concurrency,] processor) (bull)',
    receivers: ['bull:#new', 'bull:Queue.#new'],
    methods: ['process'],
    handler: { index: -1 },
  },
  {
    library: 'kafkajs',
    signature: 'consumer.run({ eachMessage }) / consumer.run({ eachBatch })',
    receivers: KAFKA_CONSUMER,
    methods: ['run'],
    handler: { index: 0, properties: ['eachMessage', 'eachBatch'] },
    uncoveredProperties: ['eachBatch'],
    coveredBy: ['kafkajs'],
    carrier: { from: 'param', index: 0, path: ['message', 'headers'] },
    destination: [{ from: 'param', index: 0, path: ['topic'] }],
    system: 'kafka',
  },
  {
    library: 'amqplib',
    signature: 'channel.consume(queue, onMessage)',
    receivers: AMQP_CHANNEL,
    methods: ['consume'],
    handler: { index: 1 },
    coveredBy: ['amqplib'],
    carrier: { from: 'param', index: 0, path: ['properties', 'headers'], optional: true },
    destination: [{ from: 'argument', index: 0 }],
    system: 'rabbitmq',
  },
  {
    library: '@google-cloud/pubsub',
    signature: "subscription.on('message', handler)",
    receivers: PUBSUB_SUBSCRIPTION,
    methods: ['on', 'addListener', 'once'],
    handler: { index: 1 },
    events: ['message'],
    coveredBy: ['pubsub'],
    carrier: { from: 'param', index: 0, path: ['attributes'] },
    system: 'gcp_pubsub',
  },
  {
    library: 'nats / @nats-io/transport-node',
    signature: 'nc.subscribe(subject, { callback: (err, msg) => … })',
    receivers: NATS_CONNECTION,
    methods: ['subscribe'],
    handler: { index: 1, properties: ['callback'] },
    carrier: { from: 'param', index: 1, path: ['headers'] },
    destination: [{ from: 'argument', index: 0 }],
    system: 'nats',
  },
  {
    library: 'ioredis / redis',
    signature: "subscriber.on('message', (channel, message) => …) after subscribe()",
    receivers: REDIS_CLIENT,
    methods: ['on', 'addListener'],
    handler: { index: 1 },
    events: ['message', 'messageBuffer'],
    carrier: { from: 'param', index: 1 },
    payload: true,
    destination: [{ from: 'param', index: 0 }],
    system: 'redis',
  },
  {
    library: 'ioredis / redis',
    signature: "subscriber.on('pmessage', (pattern, channel, message) => …) after psubscribe()",
    receivers: REDIS_CLIENT,
    methods: ['on', 'addListener'],
    handler: { index: 1 },
    events: ['pmessage', 'pmessageBuffer'],
    carrier: { from: 'param', index: 2 },
    payload: true,
    destination: [{ from: 'param', index: 1 }],
    system: 'redis',
  },
  {
    library: 'ioredis / redis',
    signature: 'subscriber.subscribe(channel, (message, channel) => …) (redis 4 and later)',
    receivers: NODE_REDIS_CLIENT,
    methods: ['subscribe', 'pSubscribe', 'sSubscribe'],
    handler: { index: 1 },
    carrier: { from: 'param', index: 0 },
    payload: true,
    destination: [{ from: 'param', index: 1 }, { from: 'argument', index: 0 }],
    system: 'redis',
  },
  {
    library: '@azure/service-bus',
    signature: 'receiver.subscribe({ processMessage })',
    receivers: AZURE_RECEIVER,
    methods: ['subscribe'],
    handler: { index: 0, properties: ['processMessage'] },
    coveredBy: ['azure-service-bus'],
    carrier: { from: 'param', index: 0, path: ['applicationProperties'] },
    destination: [{ from: 'receiver', index: 0 }],
    system: 'servicebus',
  },
];

export const PULLS: readonly Pull[] = [
  {
    library: 'amqplib',
    signature: 'channel.get(queue) (never covered by the instrumentation)',
    receivers: AMQP_CHANNEL,
    methods: ['get'],
    fix: { shape: 'single', carrier: ['properties', 'headers'], destination: { from: 'argument', index: 0 }, system: 'rabbitmq' },
  },
  {
    library: 'ioredis / redis',
    signature: 'redis.xread(…) / xreadgroup(…) loops (ioredis)',
    receivers: IOREDIS_CLIENT,
    methods: ['xread', 'xreadgroup'],
    fix: { shape: 'streams', carrier: ['1'], streams: { entries: ['1'], name: ['0'] }, system: 'redis' },
  },
  {
    library: 'ioredis / redis',
    signature: 'client.xRead(…) / xReadGroup(…) loops (redis)',
    receivers: NODE_REDIS_CLIENT,
    methods: ['xRead', 'xReadGroup'],
    fix: { shape: 'streams', carrier: ['message'], streams: { entries: ['messages'], name: ['name'] }, system: 'redis' },
  },
  {
    library: '@azure/service-bus',
    signature: 'receiver.receiveMessages(count) loops',
    receivers: AZURE_RECEIVER,
    methods: ['receiveMessages'],
    fix: { shape: 'list', carrier: ['applicationProperties'], destination: { from: 'receiver', index: 0 }, system: 'servicebus' },
  },
];

/** JetStream message iterators: consumers' `consume()` / `fetch()`, legacy push and pull subscriptions. */
const JETSTREAM_ITERABLES = NATS_JETSTREAM.flatMap((js) => [
  `${js}.subscribe.#call`,
  `${js}.pullSubscribe.#call`,
  `${js}.fetch.#call`,
  `${js}.consumers.get.#call.consume.#call`,
  `${js}.consumers.get.#call.fetch.#call`,
]);

export const ITERATIONS: readonly Iteration[] = [
  {
    library: 'nats / @nats-io/transport-node',
    signature: 'for await (const msg of nc.subscribe(subject))',
    keys: NATS_CONNECTION.map((connection) => `${connection}.subscribe.#call`),
    carrier: ['headers'],
    destinationArgument: 0,
    system: 'nats',
  },
  {
    library: 'nats / @nats-io/transport-node',
    signature: 'for await (const msg of await consumer.consume()) (JetStream)',
    keys: JETSTREAM_ITERABLES,
    carrier: ['headers'],
    system: 'nats',
  },
];

/** AWS SDK v3 commands sent with `client.send(new XCommand(input))`. */
export interface AwsCommand {
  readonly library: string;
  readonly keys: readonly string[];
  readonly role: 'producer' | 'receive';
  /** Covered by the aws-sdk instrumentation (SQS only while the attributes leave room, see `attributeCap`). */
  readonly covered: boolean;
  /** SQS: the propagator's 3 fields must fit under 10 message attributes. */
  readonly attributeCap?: number;
  readonly attributesProperty: string;
}

export const AWS_COMMANDS: readonly AwsCommand[] = [
  { library: '@aws-sdk/client-sqs', keys: ['@aws-sdk/client-sqs:SendMessageCommand.#new'], role: 'producer', covered: true, attributeCap: 7, attributesProperty: 'MessageAttributes' },
  { library: '@aws-sdk/client-sqs', keys: ['@aws-sdk/client-sqs:SendMessageBatchCommand.#new'], role: 'producer', covered: true, attributeCap: 7, attributesProperty: 'MessageAttributes' },
  { library: '@aws-sdk/client-sns', keys: ['@aws-sdk/client-sns:PublishCommand.#new'], role: 'producer', covered: true, attributesProperty: 'MessageAttributes' },
  { library: '@aws-sdk/client-sns', keys: ['@aws-sdk/client-sns:PublishBatchCommand.#new'], role: 'producer', covered: false, attributesProperty: 'MessageAttributes' },
  { library: '@aws-sdk/client-sqs', keys: ['@aws-sdk/client-sqs:ReceiveMessageCommand.#new'], role: 'receive', covered: false, attributesProperty: 'MessageAttributeNames' },
];

/** Decorated consumers: NestJS queue processors and microservice pattern handlers. */
export interface DecoratedConsumer {
  readonly library: string;
  readonly keys: readonly string[];
  /** `method`: the decorated method; `class`: the class's `process` method (`WorkerHost`). */
  readonly target: 'method' | 'class';
}

export const DECORATED_CONSUMERS: readonly DecoratedConsumer[] = [
  { library: '@nestjs/bull', keys: ['@nestjs/bull:Process'], target: 'method' },
  { library: '@nestjs/bullmq', keys: ['@nestjs/bullmq:Processor'], target: 'class' },
  { library: '@nestjs/microservices', keys: ['@nestjs/microservices:EventPattern', '@nestjs/microservices:MessagePattern'], target: 'method' },
];

/** BullMQ workers: `new Worker(queueName, processor, opts)`; the `telemetry` option is BullMQ's own propagation. */
export const BULLMQ_WORKERS = ['bullmq:Worker.#new'];

/** Text that must occur in a file for this mode to have anything to look at (the cheap exit). */
export const TOKENS: readonly string[] = [
  'kafkajs',
  'amqplib',
  'amqp-connection-manager',
  'bull',
  'pubsub',
  'nats',
  'redis',
  'Redis',
  'service-bus',
  'microservices',
  'client-sqs',
  'client-sns',
  'aws-lambda',
];
