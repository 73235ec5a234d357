/**
 * Mode 3 catalog: message producers and consumers per client, and what an installed
 * instrumentation already does for each (it injects/continues there, except in its holes).
 *
 * Receivers are recognised by origin (see `core/origins.ts`): `kafkajs:Kafka.#new.producer.#call`
 * is what `new Kafka(…).producer()` returns. `#any` in a key stands for any path segments.
 */
import type { InstrumentedValue } from '../../settings';

/** How a suggestion can carry the context, when the client has a carrier the wrappers fill. */
export type ProducerFix =
  /** Kafka: every message object (`{ value, … }`) under `messages` gets `headers: injectContext(…)`. */
  | { readonly kind: 'kafka-messages' }
  /** An options object at `index` whose `property` is the carrier (`{ headers }`, `{ attributes }`). */
  | { readonly kind: 'options'; readonly index: number; readonly property: string };

export interface Producer {
  readonly library: string;
  readonly signature: string;
  /** Origin keys of the receiver (the object whose method sends). */
  readonly receivers: readonly string[];
  readonly methods: readonly string[];
  readonly coveredBy?: readonly InstrumentedValue[];
  readonly fix?: ProducerFix;
}

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
  /** The message's carrier as seen from the handler's first parameter (`msg` → `msg.properties.headers`). */
  readonly carrier?: (param: string, destructured: ReadonlySet<string>) => string | undefined;
  /** Messaging system for the CONSUMER span's `messaging.system`. */
  readonly system?: string;
}

/** A call that only pulls a message (`channel.get`, SQS receive): reported unless the code extracts. */
export interface Pull {
  readonly library: string;
  readonly signature: string;
  readonly receivers: readonly string[];
  readonly methods: readonly string[];
}

const KAFKA_PRODUCER = ['kafkajs:Kafka.#new.producer.#call', 'kafkajs:Kafka.#new.producer.#call.transaction.#call'];
const KAFKA_CONSUMER = ['kafkajs:Kafka.#new.consumer.#call'];
const AMQP_CHANNEL = [
  'amqplib:connect.#call.createChannel.#call',
  'amqplib:connect.#call.createConfirmChannel.#call',
  'amqplib/callback_api:connect.#call.createChannel.#call',
  'amqplib:Channel.#new',
  'amqplib:ConfirmChannel.#new',
];
const BULLMQ_QUEUE = ['bullmq:Queue.#new', 'bull:#new', 'bull:Queue.#new', 'bullmq:FlowProducer.#new'];
const PUBSUB_TOPIC = ['@google-cloud/pubsub:PubSub.#new.topic.#call'];
const PUBSUB_SUBSCRIPTION = ['@google-cloud/pubsub:PubSub.#new.subscription.#call', '@google-cloud/pubsub:PubSub.#new.topic.#call.subscription.#call'];
const NATS_CONNECTION = ['nats:connect.#call', '@nats-io/transport-node:connect.#call'];
const REDIS_CLIENT = ['ioredis:#new', 'ioredis:Redis.#new', 'redis:createClient.#call', 'ioredis:#new.duplicate.#call', 'redis:createClient.#call.duplicate.#call'];
const AZURE_CLIENT = '@azure/service-bus:ServiceBusClient.#new';
const NEST_CLIENT = ['@nestjs/microservices:ClientProxy.#new', '@nestjs/microservices:ClientProxyFactory.create.#call'];

export const PRODUCERS: readonly Producer[] = [
  {
    library: 'kafkajs',
    signature: 'producer.send({ topic, messages }) / sendBatch({ topicMessages }) / transaction().send(…)',
    receivers: KAFKA_PRODUCER,
    methods: ['send', 'sendBatch'],
    coveredBy: ['kafkajs'],
    fix: { kind: 'kafka-messages' },
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
    signature: 'topic.publish(data, attributes)',
    receivers: PUBSUB_TOPIC,
    methods: ['publish', 'publishJSON'],
    coveredBy: ['pubsub'],
  },
  {
    library: 'nats / @nats-io/transport-node',
    signature: 'nc.publish(subject, data, { headers }) / nc.request(…)',
    receivers: NATS_CONNECTION,
    methods: ['publish', 'request'],
  },
  {
    library: 'ioredis / redis',
    signature: 'redis.xadd(stream, …) / redis.publish(channel, message)',
    receivers: REDIS_CLIENT,
    methods: ['xadd', 'xAdd', 'publish'],
  },
  {
    library: '@azure/service-bus',
    signature: 'sender.sendMessages(messages)',
    receivers: [`${AZURE_CLIENT}.createSender.#call`],
    methods: ['sendMessages', 'scheduleMessages'],
    coveredBy: ['azure-service-bus'],
  },
  {
    library: '@nestjs/microservices',
    signature: 'client.emit(pattern, data) / client.send(pattern, data)',
    receivers: NEST_CLIENT,
    methods: ['emit', 'send'],
  },
];

const propertiesHeaders = (param: string) => `${param}?.properties.headers`;

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
    carrier: (param, destructured) => (destructured.has('message') ? 'message.headers' : param ? `${param}.message.headers` : undefined),
    system: 'kafka',
  },
  {
    library: 'amqplib',
    signature: 'channel.consume(queue, onMessage)',
    receivers: AMQP_CHANNEL,
    methods: ['consume'],
    handler: { index: 1 },
    coveredBy: ['amqplib'],
    carrier: (param) => (param ? propertiesHeaders(param) : undefined),
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
    carrier: (param) => (param ? `${param}.attributes` : undefined),
    system: 'gcp_pubsub',
  },
  {
    library: 'nats / @nats-io/transport-node',
    signature: 'nc.subscribe(subject, { callback })',
    receivers: NATS_CONNECTION,
    methods: ['subscribe'],
    handler: { index: 1, properties: ['callback'] },
  },
  {
    library: 'ioredis / redis',
    signature: "subscriber.on('message', handler) after subscribe()",
    receivers: REDIS_CLIENT,
    methods: ['on'],
    handler: { index: 1 },
    events: ['message', 'pmessage', 'messageBuffer'],
  },
  {
    library: '@azure/service-bus',
    signature: 'receiver.subscribe({ processMessage })',
    receivers: [`${AZURE_CLIENT}.createReceiver.#call`],
    methods: ['subscribe'],
    handler: { index: 0, properties: ['processMessage'] },
    coveredBy: ['azure-service-bus'],
  },
];

export const PULLS: readonly Pull[] = [
  { library: 'amqplib', signature: 'channel.get(queue) (never covered by the instrumentation)', receivers: AMQP_CHANNEL, methods: ['get'] },
  {
    library: 'ioredis / redis',
    signature: 'redis.xread(…) / xreadgroup(…) loops',
    receivers: REDIS_CLIENT,
    methods: ['xread', 'xreadgroup', 'xRead', 'xReadGroup'],
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
  'bull',
  'pubsub',
  'nats',
  'redis',
  'Redis',
  'service-bus',
  'microservices',
  'client-sqs',
  'client-sns',
];
