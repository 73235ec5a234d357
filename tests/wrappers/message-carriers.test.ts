// Message carriers with each client's own message types and objects, the real W3C propagators and
// the real SDK 2.x: the producer side writes with our wrappers into the client's carrier, the client
// (or its wire format) carries it, and withExtractedContext on the consumer side continues the trace.
// Brokers that run on this machine are exercised for real in broker-carriers.test.ts.
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';

import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { PublishBatchCommandInput, PublishCommandInput } from '@aws-sdk/client-sns';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type {
  MessageAttributeValue,
  SendMessageBatchCommandInput,
  SendMessageCommandInput,
} from '@aws-sdk/client-sqs';
import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { Message as PubSubMessage } from '@google-cloud/pubsub';
import type { Attributes as PubSubAttributes } from '@google-cloud/pubsub';
import type { Subscriber } from '@google-cloud/pubsub/build/src/subscriber.js';
import type { MessageOptions } from '@google-cloud/pubsub/build/src/topic.js';
import { headers as natsCoreHeaders, MsgHdrsImpl as CoreMsgHdrsImpl } from '@nats-io/transport-node';
import type { MsgHdrs as CoreMsgHdrs } from '@nats-io/transport-node';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import type { Options as AmqpOptions } from 'amqplib';
import type { SNSEvent, SNSMessageAttributes, SQSEvent } from 'aws-lambda';
import type { JobsOptions, Queue } from 'bullmq';
import type { IHeaders, KafkaMessage, Message as KafkaProducerMessage } from 'kafkajs';
import { headers as natsHeaders, MsgHdrsImpl } from 'nats';
import type { MsgHdrs } from 'nats';
import { afterAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';

import {
  injectContext,
  injectContextFields,
  injectMessageAttributes,
  injectPayloadContext,
  MAX_MESSAGE_ATTRIBUTES,
  PAYLOAD_CONTEXT_FIELD,
  payloadContext,
  withExtractedContext,
} from '../../src/wrappers/index.js';
import type { StringMessageAttribute } from '../../src/wrappers/index.js';
import { setupTracing } from '../helpers/otel.js';
import { BAGGAGE, consume, deepFreeze, expectContinued, produce, TRACESTATE } from './message-support.js';

const tracing = setupTracing();
const warnings: string[] = [];
diag.setLogger(
  {
    error: () => undefined,
    warn: (message: string) => warnings.push(message),
    info: () => undefined,
    debug: () => undefined,
    verbose: () => undefined,
  },
  DiagLogLevel.WARN,
);
afterAll(async () => {
  diag.disable();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  warnings.length = 0;
});

describe('kafkajs', () => {
  // kafkajs's own record encoder and decoder: what the broker stores and what eachMessage receives.
  const kafkaRequire = createRequire(require.resolve('kafkajs'));
  const encodeRecord = kafkaRequire('./src/protocol/recordBatch/record/v0') as (record: {
    key: Buffer | null;
    value: Buffer | null;
    headers?: IHeaders;
  }) => { buffer: Buffer };
  const decodeRecord = kafkaRequire('./src/protocol/recordBatch/record/v0/decoder') as (
    decoder: unknown,
    batch: { firstOffset: string; firstTimestamp: string },
  ) => KafkaMessage;
  const Decoder = kafkaRequire('./src/protocol/decoder') as new (buffer: Buffer) => { readVarIntBytes(): Buffer };

  /** A producer `Message` as a consumer receives it: through the wire format, header values as Buffers. */
  function delivered(message: KafkaProducerMessage): KafkaMessage {
    const key = message.key === undefined || message.key === null ? null : Buffer.from(message.key);
    const value = message.value === null ? null : Buffer.from(message.value);
    const record = encodeRecord({ key, value, ...(message.headers ? { headers: message.headers } : {}) }).buffer;
    return decodeRecord(new Decoder(new Decoder(record).readVarIntBytes()), { firstOffset: '0', firstTimestamp: '0' });
  }

  it('producer headers from injectContext arrive as Buffers and continue the trace', () => {
    const own: IHeaders = deepFreeze({ 'x-tenant': 'acme', 'x-retry': ['1', '2'] });
    const sent = produce(tracing, (): KafkaProducerMessage => ({ key: 'order-1', value: '{}', headers: injectContext(own) }));
    expectTypeOf(sent.result.headers).toExtend<IHeaders | undefined>();

    const message = delivered(sent.result);
    expect(Buffer.isBuffer(message.headers?.['traceparent'])).toBe(true);
    expect(String(message.headers?.['x-tenant'])).toBe('acme');
    expect(own).toEqual({ 'x-tenant': 'acme', 'x-retry': ['1', '2'] });
    expectContinued(sent, consume(tracing, message.headers, 'process orders'));
  });

  it('a message without headers runs the consumer in the active context', () => {
    const message = delivered({ value: 'no headers' });
    const received = consume(tracing, message.headers);
    expect(received.parentSpanId).toBeUndefined();
  });
});

describe('amqplib types', () => {
  it('injectContext fits Options.Publish headers; consume-side headers are plain objects', () => {
    const sent = produce(tracing, (): AmqpOptions.Publish => ({ persistent: true, headers: injectContext({ 'x-tenant': 'acme' }) }));
    // The round trip through a real RabbitMQ is in broker-carriers.test.ts.
    expectContinued(sent, consume(tracing, sent.result.headers as object));
  });
});

/** An AWS client configuration whose HTTP handler records requests and answers with `reply()`. */
function recordingAws(reply: () => string, contentType: string) {
  const requests: Array<{ headers: Record<string, string>; body: string }> = [];
  return {
    requests,
    config: {
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: {
        handle: async (request: { headers: Record<string, string>; body?: unknown }) => {
          requests.push({ headers: request.headers, body: String(request.body) });
          return {
            response: {
              statusCode: 200,
              headers: { 'content-type': contentType },
              body: Readable.from([Buffer.from(reply())]),
            },
          };
        },
      },
    },
  };
}

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';

describe('SQS (@aws-sdk/client-sqs)', () => {
  it('SendMessageCommand carries the attributes on the wire; ReceiveMessage hands them back as { StringValue }', async () => {
    let reply = '{}';
    const aws = recordingAws(() => reply, 'application/x-amz-json-1.0');
    const sqs = new SQSClient({ ...aws.config, md5: false });
    const own = deepFreeze({ tenant: { DataType: 'String', StringValue: 'acme' } });

    const sent = produce(tracing, (): SendMessageCommandInput => ({
      QueueUrl: QUEUE_URL,
      MessageBody: '{"order":1}',
      MessageAttributes: injectMessageAttributes(own),
    }));
    const command = new SendMessageCommand(sent.result);
    expect(command.input).toEqual(sent.result);
    reply = JSON.stringify({ MessageId: 'm-1' });
    await sqs.send(command);

    const wire = JSON.parse(aws.requests[0]!.body) as { MessageAttributes: Record<string, MessageAttributeValue> };
    expect(Object.keys(wire.MessageAttributes)).toEqual(['tenant', 'traceparent', 'tracestate', 'baggage']);
    expect(wire.MessageAttributes['traceparent']).toEqual({ DataType: 'String', StringValue: sent.traceparent });
    expect(own).toEqual({ tenant: { DataType: 'String', StringValue: 'acme' } });

    // The queue returns what was sent; the SDK deserializes it into its own Message type.
    reply = JSON.stringify({
      Messages: [{ MessageId: 'm-1', ReceiptHandle: 'r', Body: '{"order":1}', MessageAttributes: wire.MessageAttributes }],
    });
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, MessageAttributeNames: ['All'] }));
    const message = received.Messages?.[0];
    expect(message?.MessageAttributes?.['traceparent']?.StringValue).toBe(sent.traceparent);
    expectContinued(sent, consume(tracing, message?.MessageAttributes, 'process orders'));
    sqs.destroy();
  });

  it('the result type-checks as the MessageAttributes of send, batch send and an optional input', () => {
    const own: Record<string, MessageAttributeValue> = { tenant: { DataType: 'String', StringValue: 'acme' } };
    const input: SendMessageCommandInput = { QueueUrl: QUEUE_URL, MessageBody: 'x', MessageAttributes: injectMessageAttributes(own) };
    const batch: SendMessageBatchCommandInput = {
      QueueUrl: QUEUE_URL,
      Entries: [{ Id: '1', MessageBody: 'x', MessageAttributes: injectMessageAttributes(input.MessageAttributes) }],
    };
    const fresh: SendMessageCommandInput = { QueueUrl: QUEUE_URL, MessageBody: 'x', MessageAttributes: injectMessageAttributes() };
    expectTypeOf(injectMessageAttributes(own)).toExtend<Record<string, MessageAttributeValue>>();
    expectTypeOf(injectMessageAttributes(own).traceparent).toEqualTypeOf<StringMessageAttribute | undefined>();
    expectTypeOf(injectMessageAttributes({ tenant: { DataType: 'String', StringValue: 'acme' } }).tenant).toEqualTypeOf<{
      DataType: string;
      StringValue: string;
    }>();
    expect(batch.Entries).toHaveLength(1);
    expect(fresh.MessageAttributes).toEqual({});
    // @ts-expect-error: HTTP-style headers are not message attributes.
    injectMessageAttributes({ 'content-type': 'application/json' });
  });

  it('an SQS Lambda event record ({ stringValue }) continues the trace', () => {
    const sent = produce(tracing, () => injectMessageAttributes());
    const event: SQSEvent = {
      Records: [
        {
          messageId: 'm-1',
          receiptHandle: 'r',
          body: '{}',
          attributes: {
            ApproximateReceiveCount: '1',
            SentTimestamp: '0',
            SenderId: 's',
            ApproximateFirstReceiveTimestamp: '0',
          },
          messageAttributes: Object.fromEntries(
            Object.entries(sent.result).map(([name, attribute]) => [
              name,
              { stringValue: attribute.StringValue, dataType: attribute.DataType },
            ]),
          ),
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders',
          awsRegion: 'us-east-1',
        },
      ],
    };
    expectContinued(sent, consume(tracing, event.Records[0]!.messageAttributes));
  });
});

describe('the 10-attribute cap', () => {
  const attributes = (count: number): Record<string, MessageAttributeValue> =>
    deepFreeze(
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`a${i}`, { DataType: 'Number', StringValue: String(i) }]),
      ),
    );
  const traceFields = (result: object): string[] =>
    Object.keys(result).filter((key) => ['traceparent', 'tracestate', 'baggage'].includes(key));

  it('7 attributes of the user leave room for all three fields, without a warning', () => {
    const { result } = produce(tracing, () => injectMessageAttributes(attributes(7)));
    expect(Object.keys(result)).toHaveLength(MAX_MESSAGE_ATTRIBUTES);
    expect(traceFields(result)).toEqual(['traceparent', 'tracestate', 'baggage']);
    expect(result.tracestate?.StringValue).toBe(TRACESTATE);
    expect(result.baggage?.StringValue).toBe(BAGGAGE);
    expect(warnings).toEqual([]);
  });

  it('8 keep traceparent and tracestate, 9 keep traceparent, each with one warning naming what was left out', () => {
    const eight = produce(tracing, () => injectMessageAttributes(attributes(8))).result;
    expect(traceFields(eight)).toEqual(['traceparent', 'tracestate']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('left out baggage');

    const nine = produce(tracing, () => injectMessageAttributes(attributes(9))).result;
    expect(traceFields(nine)).toEqual(['traceparent']);
    expect(Object.keys(nine)).toHaveLength(MAX_MESSAGE_ATTRIBUTES);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toContain('left out tracestate, baggage');
  });

  it('10 leave no room: nothing is added, the input is copied as it is, one warning', () => {
    const own = attributes(10);
    const { result } = produce(tracing, () => injectMessageAttributes(own));
    expect(result).toEqual(own);
    expect(result).not.toBe(own);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('left out traceparent, tracestate, baggage');
  });

  it('an existing trace field (in any letter case) is replaced, not counted twice', () => {
    const own = deepFreeze({
      ...attributes(8),
      Traceparent: { DataType: 'String', StringValue: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    });
    const { result, traceparent } = produce(tracing, () => injectMessageAttributes(own));
    expect(result).not.toHaveProperty('Traceparent');
    expect(result.traceparent?.StringValue).toBe(traceparent);
    expect(traceFields(result)).toEqual(['traceparent', 'tracestate']);
  });

  it('attributes whose value is undefined do not count', () => {
    const own: Record<string, MessageAttributeValue | undefined> = { ...attributes(7), skipped: undefined };
    const { result } = produce(tracing, () => injectMessageAttributes(own));
    expect(traceFields(result)).toEqual(['traceparent', 'tracestate', 'baggage']);
  });
});

describe('SNS (@aws-sdk/client-sns)', () => {
  it('PublishCommand serializes the attributes; a Lambda SNS record ({ Type, Value }) continues the trace', async () => {
    const aws = recordingAws(
      () => '<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>',
      'text/xml',
    );
    const sns = new SNSClient(aws.config);
    const own = deepFreeze({ tenant: { DataType: 'String', StringValue: 'acme' } });
    const sent = produce(tracing, (): PublishCommandInput => ({
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders',
      Message: '{"order":1}',
      MessageAttributes: injectMessageAttributes(own),
    }));
    await sns.send(new PublishCommand(sent.result));
    sns.destroy();

    // Query protocol: MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue.
    const form = new URLSearchParams(aws.requests[0]!.body);
    const onWire: SNSMessageAttributes = {};
    for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++) {
      onWire[form.get(`MessageAttributes.entry.${n}.Name`)!] = {
        Type: form.get(`MessageAttributes.entry.${n}.Value.DataType`)!,
        Value: form.get(`MessageAttributes.entry.${n}.Value.StringValue`)!,
      };
    }
    expect(Object.keys(onWire).sort()).toEqual(['baggage', 'tenant', 'traceparent', 'tracestate']);

    const event: SNSEvent = {
      Records: [
        {
          EventVersion: '1.0',
          EventSubscriptionArn: 'arn:aws:sns:us-east-1:123456789012:orders:sub',
          EventSource: 'aws:sns',
          Sns: {
            SignatureVersion: '1',
            Timestamp: '1970-01-01T00:00:00.000Z',
            Signature: '',
            SigningCertUrl: '',
            MessageId: 'm-1',
            Message: '{"order":1}',
            MessageAttributes: onWire,
            Type: 'Notification',
            UnsubscribeUrl: '',
            TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders',
            Subject: '',
          },
        },
      ],
    };
    expectContinued(sent, consume(tracing, event.Records[0]!.Sns.MessageAttributes, 'process orders'));
  });

  it('an SNS notification delivered to SQS (JSON body, { Type, Value }) continues the trace', () => {
    const sent = produce(tracing, () => injectMessageAttributes());
    const body = JSON.stringify({
      Type: 'Notification',
      Message: '{"order":1}',
      MessageAttributes: Object.fromEntries(
        Object.entries(sent.result).map(([name, attribute]) => [name, { Type: 'String', Value: attribute.StringValue }]),
      ),
    });
    const notification = JSON.parse(body) as { MessageAttributes: SNSMessageAttributes };
    expectContinued(sent, consume(tracing, notification.MessageAttributes));
  });

  it('the result type-checks as the MessageAttributes of Publish and PublishBatch', () => {
    const input: PublishCommandInput = { TopicArn: 'arn', Message: 'x', MessageAttributes: injectMessageAttributes() };
    const batch: PublishBatchCommandInput = {
      TopicArn: 'arn',
      PublishBatchRequestEntries: [{ Id: '1', Message: 'x', MessageAttributes: injectMessageAttributes(input.MessageAttributes) }],
    };
    expect(batch.PublishBatchRequestEntries).toHaveLength(1);
  });
});

describe('Google Cloud Pub/Sub', () => {
  it('attributes from injectContext fit MessageOptions; the subscriber’s Message.attributes continue the trace', () => {
    const sent = produce(tracing, (): MessageOptions => ({
      data: Buffer.from('{"order":1}'),
      attributes: injectContext(deepFreeze({ tenant: 'acme' })),
    }));
    expectTypeOf(injectContext({ tenant: 'acme' })).toExtend<PubSubAttributes>();
    // The client's own Message, built from a received message as the streaming pull hands it over.
    const message = new PubSubMessage({ isExactlyOnceDelivery: false } as Subscriber, {
      ackId: 'ack-1',
      message: {
        data: sent.result.data as Buffer,
        attributes: sent.result.attributes ?? null,
        messageId: 'm-1',
        publishTime: { seconds: 0, nanos: 0 },
      },
    });
    expect(message.attributes['tenant']).toBe('acme');
    expectContinued(sent, consume(tracing, message.attributes, 'process orders'));
  });
});

describe('Azure Service Bus', () => {
  it('applicationProperties from injectContext fit ServiceBusMessage and continue the trace on receive', () => {
    const sent = produce(tracing, (): ServiceBusMessage => ({
      body: { order: 1 },
      applicationProperties: injectContext(deepFreeze({ tenant: 'acme', attempt: 2, urgent: true })),
    }));
    // No Service Bus here: the received message's applicationProperties are the map that was sent
    // (the AMQP application-properties section), typed as the receiver's type.
    const received = { ...sent.result, applicationProperties: { ...sent.result.applicationProperties } } as Pick<
      ServiceBusReceivedMessage,
      'body' | 'applicationProperties'
    >;
    expect(received.applicationProperties?.['attempt']).toBe(2);
    expectContinued(sent, consume(tracing, received.applicationProperties, 'process orders'));
  });
});

describe('NATS headers', () => {
  const libraries = [
    { name: 'nats', headers: natsHeaders, Impl: MsgHdrsImpl },
    { name: '@nats-io/transport-node', headers: natsCoreHeaders, Impl: CoreMsgHdrsImpl },
  ] as const;

  for (const library of libraries) {
    describe(library.name, () => {
      it('injectContext returns a new MsgHdrs of the same class with every header kept; the input is untouched', () => {
        const own = library.headers();
        own.set('X-Tenant', 'acme');
        own.append('X-Seen', 'a');
        own.append('X-Seen', 'b');
        const sent = produce(tracing, () => injectContext(own));
        const copy = sent.result;

        expect(copy).toBeInstanceOf(library.Impl);
        expect(copy).not.toBe(own);
        expect(copy.get('traceparent')).toBe(sent.traceparent);
        expect(copy.values('X-Seen')).toEqual(['a', 'b']);
        expect(copy.get('X-Tenant')).toBe('acme');
        expect(own.has('traceparent')).toBe(false);
        expect(own.keys()).toEqual(['X-Tenant', 'X-Seen']);

        // What goes on the wire and what a subscriber decodes from it.
        const decoded = library.Impl.decode((copy as unknown as { encode(): Uint8Array }).encode());
        expectContinued(sent, consume(tracing, decoded, 'process orders'));
      });

      it('replaces a stale Traceparent and reads canonical-case keys from other clients', () => {
        const own = library.headers();
        own.set('Traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
        const sent = produce(tracing, () => injectContext(own));
        expect(sent.result.keys()).not.toContain('Traceparent');
        expect(sent.result.get('traceparent')).toBe(sent.traceparent);

        // A Go or Java client writes canonical MIME keys; the wrappers read them case-insensitively.
        const canonical = library.headers();
        canonical.set('Traceparent', sent.traceparent);
        const received = consume(tracing, canonical);
        expect(received.parentSpanId).toBe(sent.spanId);
      });

      it('keeps a status line', () => {
        const status = library.headers(503, 'No Responders');
        const copy = injectContext(status);
        expect(copy.code).toBe(503);
        expect(copy.description).toBe('No Responders');
      });
    });
  }

  it('other header classes without clone(): URLSearchParams and FormData keep every value', () => {
    const params = new URLSearchParams('seen=a&seen=b');
    const sent = produce(tracing, () => injectContext(params));
    expect(sent.result).toBeInstanceOf(URLSearchParams);
    expectTypeOf(sent.result).toEqualTypeOf<URLSearchParams>();
    expectTypeOf(injectContext(new Map<string, number>())).toEqualTypeOf<Map<string, number | string>>();
    expect(sent.result.getAll('seen')).toEqual(['a', 'b']);
    expect(sent.result.get('traceparent')).toBe(sent.traceparent);
    expect(params.toString()).toBe('seen=a&seen=b');

    const form = new FormData();
    const file = new Blob(['x']);
    form.append('upload', file);
    const copy = produce(tracing, () => injectContext(form)).result;
    expect(copy.get('upload')).toBeInstanceOf(Blob);
    expect(form.has('traceparent')).toBe(false);
  });

  it('a header class it cannot rebuild is returned as it is, with a warning, never changed', () => {
    class Strict {
      readonly #values = new Map<string, string>();
      constructor(owner: string) {
        if (typeof owner !== 'string') throw new TypeError('owner required');
      }
      get(key: string): string | undefined {
        return this.#values.get(key);
      }
      set(key: string, value: string): void {
        this.#values.set(key, value);
      }
      append(key: string, value: string): void {
        this.#values.set(key, value);
      }
      keys(): IterableIterator<string> {
        return this.#values.keys();
      }
    }
    const own = new Strict('me');
    own.set('x-tenant', 'acme');
    const result = produce(tracing, () => injectContext(own)).result;
    expect(result).toBe(own);
    expect(Array.from(own.keys())).toEqual(['x-tenant']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('sent without trace context');
  });

  it('injectContext(headers()) is typed as the library’s MsgHdrs', () => {
    expectTypeOf(injectContext(natsHeaders())).toEqualTypeOf<MsgHdrs>();
    expectTypeOf(injectContext(natsCoreHeaders())).toEqualTypeOf<CoreMsgHdrs>();
  });
});

describe('Redis stream fields', () => {
  it('injectContextFields returns [field, value…] in order, traceparent first', () => {
    const sent = produce(tracing, () => injectContextFields());
    expect(sent.result).toEqual(['traceparent', sent.traceparent, 'tracestate', TRACESTATE, 'baggage', BAGGAGE]);
    expectTypeOf(sent.result).toEqualTypeOf<string[]>();
  });

  it('is empty with nothing to propagate', () => {
    expect(injectContextFields()).toEqual([]);
  });

  it('a flat field list of strings, or of Buffers (xreadBuffer), continues the trace', () => {
    const sent = produce(tracing, () => ['order', '{"id":1}', ...injectContextFields()]);
    expectContinued(sent, consume(tracing, sent.result, 'process strings'));
    const buffers = sent.result.map((item) => Buffer.from(item));
    expectContinued(sent, consume(tracing, buffers, 'process buffers'));
  });

  it('a field list without the fields, or an odd one, runs in the active context', () => {
    expect(consume(tracing, ['order', '1', 'traceparent']).parentSpanId).toBeUndefined();
  });
});

describe('job data (Bull / BullMQ) and JSON envelopes', () => {
  it('injectPayloadContext adds _traceContext; the data survives JSON and payloadContext continues the trace', () => {
    const data = deepFreeze({ orderId: 'o-1', lines: [{ sku: 'a', qty: 2 }] });
    const sent = produce(tracing, () => injectPayloadContext(data));
    expect(PAYLOAD_CONTEXT_FIELD).toBe('_traceContext');
    expect(sent.result).toEqual({
      orderId: 'o-1',
      lines: [{ sku: 'a', qty: 2 }],
      _traceContext: { traceparent: sent.traceparent, tracestate: TRACESTATE, baggage: BAGGAGE },
    });
    expect(data).not.toHaveProperty('_traceContext');

    // Bull and BullMQ store job data as JSON; the worker's job.data is the parsed copy.
    const jobData = JSON.parse(JSON.stringify(sent.result)) as typeof sent.result;
    expectContinued(sent, consume(tracing, payloadContext(jobData), 'process orders'));
  });

  it('fits BullMQ Queue.add’s data type', () => {
    type OrderQueue = Queue<{ orderId: string }, void, 'charge'>;
    const add = (queue: OrderQueue, options?: JobsOptions) => queue.add('charge', injectPayloadContext({ orderId: 'o-1' }), options);
    expectTypeOf(add).returns.toExtend<Promise<unknown>>();
    expectTypeOf(injectPayloadContext({ orderId: 'o-1' })).toEqualTypeOf<
      { orderId: string } & { _traceContext: { traceparent?: string; tracestate?: string; baggage?: string } }
    >();
  });

  it('replaces a _traceContext passed on from an earlier message', () => {
    const earlier = produce(tracing, () => injectPayloadContext({ step: 1 })).result;
    const later = produce(tracing, () => injectPayloadContext({ ...earlier, step: 2 }));
    expect(later.result._traceContext.traceparent).toBe(later.traceparent);
    expect(later.result.step).toBe(2);
  });

  it('without data returns just the context; with nothing active an empty _traceContext', () => {
    const sent = produce(tracing, () => injectPayloadContext());
    expect(sent.result).toEqual({ _traceContext: { traceparent: sent.traceparent, tracestate: TRACESTATE, baggage: BAGGAGE } });
    expect(injectPayloadContext({ a: 1 })).toEqual({ a: 1, _traceContext: {} });
  });

  it('returns data that is not a plain object as it is, with a warning', () => {
    const list = deepFreeze([1, 2]);
    const when = new Date(0);
    expect(produce(tracing, () => injectPayloadContext(list)).result).toBe(list);
    expect(produce(tracing, () => injectPayloadContext(when)).result).toBe(when);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('not a plain object');
  });

  it('payloadContext reads JSON text (Redis pub/sub) and Buffers', () => {
    const sent = produce(tracing, () => JSON.stringify(injectPayloadContext({ event: 'order.created' })));
    expect(payloadContext(sent.result)).toEqual({ traceparent: sent.traceparent, tracestate: TRACESTATE, baggage: BAGGAGE });
    expectContinued(sent, consume(tracing, payloadContext(Buffer.from(sent.result)), 'process orders'));
    expect(payloadContext(new Uint8Array(Buffer.from(`  ${sent.result}`)))?.['traceparent']).toBe(sent.traceparent);
  });

  it('payloadContext gives undefined for anything else, and never throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    const cases: unknown[] = [
      undefined,
      null,
      42,
      'plain text',
      '{not json',
      '[1,2]',
      Buffer.from([0xff, 0xfe, 0x00]),
      [{ _traceContext: { traceparent: 'x' } }],
      { orderId: 1 },
      { _traceContext: 'traceparent' },
      { _traceContext: null },
      { _traceContext: ['x'] },
      hostile,
    ];
    cases.forEach((value, index) => expect(payloadContext(value), `case ${index}`).toBeUndefined());
    expect(payloadContext({ _traceContext: { traceparent: 'tp', other: 3 } })).toEqual({ traceparent: 'tp' });
    expect(withExtractedContext(payloadContext('garbage'), () => 'ran')).toBe('ran');
  });
});
