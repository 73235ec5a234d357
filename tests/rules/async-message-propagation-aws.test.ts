// async-message-propagation, AWS: SQS/SNS producers (SendMessage, SendMessageBatch, Publish,
// PublishBatch), ReceiveMessageCommand loops, and Lambda handlers for SQS/SNS events. The general
// AWS cases (other commands, the attribute cap, instrumented sends) stay in the rule's main test file.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../src/rules/async-message-propagation';
import { COMMONJS, ESM, RuleTester, describeSuggestionRelint, fixture, lintWithRule, type LintCase } from './rule-tester';

const RULE = 'async-message-propagation';

/** A service with no messaging instrumentation (the receive must ask for the attributes itself). */
const BARE_TS = fixture('mq-bare', 'src', 'aws.ts');
const BARE_CJS = fixture('mq-bare', 'src', 'aws.cjs');
const BARE_MJS = fixture('mq-bare', 'src', 'aws.mjs');
/** A service with @opentelemetry/instrumentation-aws-sdk: sends are injected, receives get the attributes. */
const INSTRUMENTED_TS = fixture('mq-instrumented', 'src', 'aws.ts');
const INSTRUMENTED_CJS = fixture('mq-instrumented', 'src', 'aws.cjs');
const BARE_TEST_TS = fixture('mq-bare', 'src', 'aws.test.ts');

const ruleTester = new RuleTester({ defaultFilenames: { ts: BARE_TS, tsx: fixture('mq-bare', 'src', 'aws.tsx') } });

const valid: ValidTestCase<Options>[] = [
  {
    name: 'an SNS Publish to a phone number is an SMS (a command in a variable too)',
    code: `
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';

const sns = new SNSClient({});

export async function textCode(phone: string, code: string) {
  const command = new PublishCommand({ PhoneNumber: phone, Message: \`Your code: \${code}\` });
  await sns.send(command);
}
`,
  },
  {
    name: 'an instrumented receive whose loops only delete or hide the messages again (settling is not processing)',
    filename: INSTRUMENTED_TS,
    code: `
import { ChangeMessageVisibilityCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function purgeExpired(queueUrl: string) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
  for (const message of Messages) {
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }));
  }
  await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }));
}
`,
  },
  {
    name: 'a local SendMessageCommand/ReceiveMessageCommand and a local client are not the SDK',
    code: `
import { SQSClient } from '@aws-sdk/client-sqs';

class SendMessageCommand {
  constructor(readonly input: unknown) {}
}
class ReceiveMessageCommand {
  constructor(readonly input: unknown) {}
}
const client = { send: async (command: unknown) => ({ Messages: [command] }) };

export const sqs = new SQSClient({});
export async function local(handle: (m: unknown) => Promise<void>) {
  await client.send(new SendMessageCommand({ QueueUrl: 'local', MessageBody: 'x' }));
  const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: 'local' }));
  for (const message of Messages) await handle(message);
}
`,
  },
  {
    name: 'DynamoDB, S3 and other SQS/SNS commands sent with send() carry no message',
    code: `
import { DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ChangeMessageVisibilityCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';

const db = new DynamoDBClient({});
const s3 = new S3Client({});
const sqs = new SQSClient({});
const sns = new SNSClient({});

export async function housekeeping(receipt: string, handle: (item: unknown) => Promise<void>) {
  await db.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: '1' } } }));
  const { Items = [] } = await db.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'id = :id' }));
  for (const item of Items) await handle(item);
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));
  await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: 'q', ReceiptHandle: receipt, VisibilityTimeout: 0 }));
  await sqs.send(new ListQueuesCommand({}));
  await sns.send(new ListTopicsCommand({}));
}
`,
  },
  {
    name: 'SQS and SNS producers that inject with injectMessageAttributes, an alias, or propagation.inject',
    code: `
import { context, propagation } from '@opentelemetry/api';
import { SQSClient, SendMessageBatchCommand, SendMessageCommand, type MessageAttributeValue } from '@aws-sdk/client-sqs';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { injectMessageAttributes as withTrace } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});
const sns = new SNSClient({});

export async function send(ids: string[]) {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: ids[0], MessageAttributes: withTrace() }));
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: 'q', Entries: ids.map((id) => ({ Id: id, MessageBody: id, MessageAttributes: withTrace() })) }));
  const attributes: Record<string, MessageAttributeValue> = {};
  propagation.inject(context.active(), attributes, {
    set: (carrier, key, value) => {
      carrier[key] = { DataType: 'String', StringValue: value };
    },
  });
  await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:orders', Message: ids[0], MessageAttributes: attributes }));
}
`,
  },
  {
    name: 'CommonJS producers covered by the aws-sdk instrumentation, under the attribute cap',
    filename: INSTRUMENTED_CJS,
    languageOptions: COMMONJS,
    code: `
const { SQSClient, SendMessageCommand, SendMessageBatchCommand } = require('@aws-sdk/client-sqs');
const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');

const sqs = new SQSClient({});
const sns = new SNSClient({});
const text = (value) => ({ DataType: 'String', StringValue: value });

exports.placed = async (order) => {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: order.id, MessageAttributes: { a: text('1'), b: text('2'), c: text('3') } }));
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.QUEUE_URL, Entries: [{ Id: '1', MessageBody: order.id }] }));
  await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: order.id }));
};
`,
  },
  {
    name: 'a team helper named in helpers.inject',
    settings: { 'trace-context': { helpers: { inject: ['withTraceAttributes'] } } },
    code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

import { withTraceAttributes } from './tracing';

const sqs = new SQSClient({});

export const send = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: body, MessageAttributes: withTraceAttributes({}) }));
`,
  },
  {
    name: 'a bare receive that asks for All attributes and extracts each message in a .then callback',
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export const pollOnce = (handle: (body?: string) => Promise<void>) =>
  sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q', MessageAttributeNames: ['All'] })).then(({ Messages = [] }) =>
    Promise.all(Messages.map(({ Body, MessageAttributes }) => withExtractedContext(MessageAttributes, () => handle(Body)))),
  );
`,
  },
  {
    name: 'a receive asking for .* whose loop calls a same-file function that extracts',
    code: `
import { ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { context, propagation } from '@opentelemetry/api';

const sqs = new SQSClient({});

async function handleMessage(message: Message) {
  const parent = propagation.extract(context.active(), message.MessageAttributes ?? {});
  await context.with(parent, () => Promise.resolve(message.Body));
}

export async function poll() {
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q', MessageAttributeNames: ['.*'] }));
  await Promise.all((Messages ?? []).map((message) => handleMessage(message)));
}
`,
  },
  {
    name: 'a receive that names traceparent, processing a batch with withLinkedContext',
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { withLinkedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function poll(handle: (body?: string) => Promise<void>) {
  const response = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q', MessageAttributeNames: ['tenant', 'traceparent', 'tracestate'] }));
  response.Messages?.forEach((message) => withLinkedContext(message.MessageAttributes, () => handle(message.Body), { name: 'process q', kind: 'consumer' }));
}
`,
  },
  {
    name: 'with the aws-sdk instrumentation the receive needs no attribute names; a loop that only collects or logs is not processing',
    filename: INSTRUMENTED_TS,
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function peek() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));
  const ids: string[] = [];
  for (const message of Messages) ids.push(message.MessageId ?? '');
  Messages.forEach((message) => console.log('received', message.MessageId));
  return Messages.map((message) => message.Body?.trim());
}
`,
  },
  {
    name: 'a receive whose input is not visible, or whose names come from elsewhere, is not judged for attributes',
    code: `
import { ReceiveMessageCommand, SQSClient, type ReceiveMessageCommandInput } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});
const base = { WaitTimeSeconds: 20 };

export async function fetch(input: ReceiveMessageCommandInput, names: string[]) {
  const first = await sqs.send(new ReceiveMessageCommand(input));
  const second = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q', MessageAttributeNames: names }));
  const third = await sqs.send(new ReceiveMessageCommand({ ...base, QueueUrl: 'q' }));
  return [first, second, third];
}
`,
  },
  {
    name: 'a receive that continues the context carried in the message body needs no attributes',
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { payloadContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function poll(handle: (body?: string) => Promise<void>) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));
  for (const message of Messages) {
    await withExtractedContext(payloadContext(message.Body), () => handle(message.Body), { name: 'process q', kind: 'consumer' });
  }
}
`,
  },
  {
    name: 'a team helper named in helpers.extract, in CommonJS',
    filename: INSTRUMENTED_CJS,
    languageOptions: COMMONJS,
    settings: { 'trace-context': { helpers: { extract: ['inMessageContext'] } } },
    code: `
const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');
const { inMessageContext } = require('./tracing');

const sqs = new SQSClient({});

exports.poll = async (handle) => {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));
  for (const message of Messages) await inMessageContext(message, () => handle(message.Body));
};
`,
  },
  {
    name: 'a receive loop in test code is not checked',
    filename: BARE_TEST_TS,
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { expect, it } from 'vitest';

const sqs = new SQSClient({ endpoint: 'http://localhost:4566' });

it('delivers', async () => {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));
  for (const message of Messages) expect(await Promise.resolve(message.Body)).toBe('x');
});
`,
  },
  {
    name: 'untyped Lambda handlers are not judged (ESM and CommonJS)',
    code: `
import type { Context } from 'aws-lambda';

import { processOrder } from './orders';

export const handler = async (event: any, context: Context) => {
  for (const record of event.Records) await processOrder(record.body);
};
`,
  },
  {
    name: 'an untyped CommonJS Lambda handler',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { processOrder } = require('./orders');

exports.handler = async (event) => {
  for (const record of event.Records) await processOrder(record.body);
};
`,
  },
  {
    name: 'Lambda SQS and SNS handlers that extract each record',
    code: `
import type { SNSEvent, SQSHandler } from 'aws-lambda';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

import { processOrder } from './orders';

export const orders: SQSHandler = async (event) => {
  for (const record of event.Records) {
    await withExtractedContext(record.messageAttributes, () => processOrder(record.body), { name: 'process orders', kind: 'consumer' });
  }
};

export async function notifications(event: SNSEvent) {
  await Promise.all(event.Records.map((record) => withExtractedContext(record.Sns.MessageAttributes, () => processOrder(record.Sns.Message))));
}
`,
  },
  {
    name: 'Lambda handlers for other event sources, and a local SQSEvent type, are not message consumers here',
    code: `
import type { DynamoDBStreamEvent, KinesisStreamHandler } from 'aws-lambda';

import { project } from './projection';

interface SQSEvent {
  Records: { body: string }[];
}

export async function stream(event: DynamoDBStreamEvent) {
  for (const record of event.Records) await project(record.dynamodb);
}

export const kinesis: KinesisStreamHandler = async (event) => {
  for (const record of event.Records) await project(record.kinesis.data);
};

export async function local(event: SQSEvent) {
  for (const record of event.Records) await project(record.body);
}
`,
  },
  {
    name: 'a Lambda SQS handler that only reads the first record, or hands the whole event on',
    code: `
import type { SQSEvent } from 'aws-lambda';

import { processBatch } from './batch';

export async function handler(event: SQSEvent) {
  const [first] = event.Records;
  console.log('first message', first?.messageId);
  await processBatch(event);
  event.Records.forEach((record) => console.log(record.messageId));
}
`,
  },
  {
    name: 'forEach handing each message to console.log is not processing',
    filename: INSTRUMENTED_TS,
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function debug() {
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));
  Messages?.forEach(console.log);
}
`,
  },
  {
    name: 'an instrumented Lambda SQS handler that extracts per record and forwards with the covered SendMessage',
    filename: INSTRUMENTED_TS,
    code: `
import type { SQSEvent } from 'aws-lambda';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function handler(event: SQSEvent) {
  for (const record of event.Records) {
    await withExtractedContext(record.messageAttributes, () =>
      sqs.send(new SendMessageCommand({ QueueUrl: process.env.NEXT_QUEUE_URL, MessageBody: record.body })),
    );
  }
}
`,
  },
  {
    name: 'received messages handed on as a whole, and a local array named Messages',
    code: `
import { ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';

import { processAll } from './batch';

const sqs = new SQSClient({});

export async function poll(handle: (message: Message) => Promise<void>) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q', MessageAttributeNames: ['All'] }));
  await processAll(Messages);
}

export async function replay(handle: (message: Message) => Promise<void>) {
  const Messages: Message[] = [{ Body: 'a' }, { Body: 'b' }];
  for (const message of Messages) await handle(message);
}
`,
  },
  {
    name: 'a CommonJS PublishBatch whose entries inject their attributes',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { SNSClient, PublishBatchCommand } = require('@aws-sdk/client-sns');
const { injectMessageAttributes } = require('eslint-plugin-trace-context/wrappers');

const sns = new SNSClient({});

exports.announce = (ids) =>
  sns.send(
    new PublishBatchCommand({
      TopicArn: process.env.TOPIC_ARN,
      PublishBatchRequestEntries: ids.map((id) => ({ Id: id, Message: id, MessageAttributes: injectMessageAttributes() })),
    }),
  );
`,
  },
  {
    name: 'a receive loop whose body extracts with extractContext and runs the work in that context',
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { context } from '@opentelemetry/api';
import { extractContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function poll(handle: (body?: string) => Promise<void>) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q', MessageAttributeNames: ['traceparent', 'tracestate', 'baggage'] }));
  await Promise.all(Messages.map((message) => context.with(extractContext(message.MessageAttributes), () => handle(message.Body))));
}
`,
  },
  {
    name: 'an instrumented receive whose loops extract: the instrumentation asks for the attributes, nothing to report',
    filename: INSTRUMENTED_TS,
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

import { fulfil, release } from './fulfilment';

const sqs = new SQSClient({});

export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL, WaitTimeSeconds: 20 }));
  for (const message of Messages) {
    await withExtractedContext(message.MessageAttributes, () => fulfil(message.Body), { name: 'process orders', kind: 'consumer' });
  }
  Messages.forEach((message) => withExtractedContext(message.MessageAttributes, () => release(message.ReceiptHandle)));
}
`,
  },
  {
    name: 'an instrumented CommonJS receive whose .then callback extracts each message',
    filename: INSTRUMENTED_CJS,
    languageOptions: COMMONJS,
    code: `
const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const sqs = new SQSClient({});

exports.pollOnce = (handle) =>
  sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL })).then(({ Messages }) =>
    Promise.all((Messages || []).map((message) => withExtractedContext(message.MessageAttributes, () => handle(message.Body)))),
  );
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'an SQS command built in a const before it is sent',
    code: `
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function enqueue(body: string) {
  const command = new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: body });
  await sqs.send(command);
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function enqueue(body: string) {
  const command = new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: body, MessageAttributes: injectMessageAttributes() });
  await sqs.send(command);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'SQS SendMessage without attributes gets MessageAttributes: injectMessageAttributes()',
    code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({ region: 'eu-west-1' });

export async function enqueue(orderId: string) {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.ORDERS_QUEUE_URL, MessageBody: orderId }));
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({ region: 'eu-west-1' });

export async function enqueue(orderId: string) {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.ORDERS_QUEUE_URL, MessageBody: orderId, MessageAttributes: injectMessageAttributes() }));
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'SQS SendMessage: existing attributes (literal and shorthand) are wrapped, never changed in place',
    code: `
import { SQSClient, SendMessageCommand, type MessageAttributeValue } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function enqueue(orderId: string, MessageAttributes: Record<string, MessageAttributeValue>) {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders',
      MessageBody: orderId,
      MessageAttributes: { tenant: { DataType: 'String', StringValue: 'acme' } },
    }),
  );
  await sqs.send(new SendMessageCommand({ QueueUrl: 'audit', MessageBody: orderId, MessageAttributes }));
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageCommand, type MessageAttributeValue } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function enqueue(orderId: string, MessageAttributes: Record<string, MessageAttributeValue>) {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders',
      MessageBody: orderId,
      MessageAttributes: injectMessageAttributes({ tenant: { DataType: 'String', StringValue: 'acme' } }),
    }),
  );
  await sqs.send(new SendMessageCommand({ QueueUrl: 'audit', MessageBody: orderId, MessageAttributes }));
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 14,
        column: 9,
        endLine: 14,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageCommand, type MessageAttributeValue } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function enqueue(orderId: string, MessageAttributes: Record<string, MessageAttributeValue>) {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders',
      MessageBody: orderId,
      MessageAttributes: { tenant: { DataType: 'String', StringValue: 'acme' } },
    }),
  );
  await sqs.send(new SendMessageCommand({ QueueUrl: 'audit', MessageBody: orderId, MessageAttributes: injectMessageAttributes(MessageAttributes) }));
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'SQS SendMessage with its input in a variable: a new input spreads it',
    code: `
import { SQSClient, SendMessageCommand, type SendMessageCommandInput } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export const forward = (input: SendMessageCommandInput) => sqs.send(new SendMessageCommand(input));
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 6,
        column: 60,
        endLine: 6,
        endColumn: 68,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageCommand, type SendMessageCommandInput } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export const forward = (input: SendMessageCommandInput) => sqs.send(new SendMessageCommand({ ...input, MessageAttributes: injectMessageAttributes(input.MessageAttributes) }));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'SQS SendMessage spreading shared settings: the attributes a spread may bring are kept',
    code: `
import { SQSClient, SendMessageCommand, type SendMessageCommandInput } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});
const defaults = { QueueUrl: process.env.QUEUE_URL, DelaySeconds: 5 };

export async function enqueue(body: string, route: Omit<SendMessageCommandInput, 'MessageBody'>) {
  await sqs.send(new SendMessageCommand({ ...defaults, MessageBody: body }));
  await sqs.send(new SendMessageCommand({ ...route, MessageBody: body }));
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageCommand, type SendMessageCommandInput } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});
const defaults = { QueueUrl: process.env.QUEUE_URL, DelaySeconds: 5 };

export async function enqueue(body: string, route: Omit<SendMessageCommandInput, 'MessageBody'>) {
  await sqs.send(new SendMessageCommand({ ...defaults, MessageBody: body, MessageAttributes: injectMessageAttributes() }));
  await sqs.send(new SendMessageCommand({ ...route, MessageBody: body }));
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageCommand, type SendMessageCommandInput } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});
const defaults = { QueueUrl: process.env.QUEUE_URL, DelaySeconds: 5 };

export async function enqueue(body: string, route: Omit<SendMessageCommandInput, 'MessageBody'>) {
  await sqs.send(new SendMessageCommand({ ...defaults, MessageBody: body }));
  await sqs.send(new SendMessageCommand({ ...route, MessageBody: body, MessageAttributes: injectMessageAttributes(route?.MessageAttributes) }));
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'SQS SendMessageBatch: entries from .map and from an array literal',
    code: `
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function flush(ids: string[]) {
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: 'q', Entries: ids.map((id) => ({ Id: id, MessageBody: id })) }));
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: 'q',
      Entries: [
        { Id: 'first', MessageBody: ids[0] },
        { Id: 'last', MessageBody: ids[ids.length - 1], MessageAttributes: { kind: { DataType: 'String', StringValue: 'last' } } },
      ],
    }),
  );
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function flush(ids: string[]) {
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: 'q', Entries: ids.map((id) => ({ Id: id, MessageBody: id, MessageAttributes: injectMessageAttributes() })) }));
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: 'q',
      Entries: [
        { Id: 'first', MessageBody: ids[0] },
        { Id: 'last', MessageBody: ids[ids.length - 1], MessageAttributes: { kind: { DataType: 'String', StringValue: 'last' } } },
      ],
    }),
  );
}
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function flush(ids: string[]) {
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: 'q', Entries: ids.map((id) => ({ Id: id, MessageBody: id })) }));
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: 'q',
      Entries: [
        { Id: 'first', MessageBody: ids[0], MessageAttributes: injectMessageAttributes() },
        { Id: 'last', MessageBody: ids[ids.length - 1], MessageAttributes: injectMessageAttributes({ kind: { DataType: 'String', StringValue: 'last' } }) },
      ],
    }),
  );
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'SQS SendMessageBatch: entries built in a const of the same function',
    code: `
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function flush(orders: { id: string; total: number }[]) {
  const entries = orders.map((order) => {
    const body = JSON.stringify(order);
    return {
      Id: order.id,
      MessageBody: body,
    };
  });
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: 'q', Entries: entries }));
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 14,
        column: 9,
        endLine: 14,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function flush(orders: { id: string; total: number }[]) {
  const entries = orders.map((order) => {
    const body = JSON.stringify(order);
    return {
      Id: order.id,
      MessageBody: body,
      MessageAttributes: injectMessageAttributes(),
    };
  });
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: 'q', Entries: entries }));
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'SQS SendMessageBatch input in a variable: each entry gets its attributes',
    code: `
import { SQSClient, SendMessageBatchCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export const forwardAll = (input: SendMessageBatchCommandInput) => sqs.send(new SendMessageBatchCommand(input));
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 6,
        column: 68,
        endLine: 6,
        endColumn: 76,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { SQSClient, SendMessageBatchCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export const forwardAll = (input: SendMessageBatchCommandInput) => sqs.send(new SendMessageBatchCommand({ ...input, Entries: input.Entries?.map((entry) => ({ ...entry, MessageAttributes: injectMessageAttributes(entry.MessageAttributes) })) }));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'SNS Publish in an ES module without instrumentation: a message attributes variable is wrapped',
    filename: BARE_MJS,
    languageOptions: ESM,
    code: `
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';

const sns = new SNSClient({});
const attributes = { source: { DataType: 'String', StringValue: 'checkout' } };

export const announce = (id) => sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: id, MessageAttributes: attributes }));
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sns' },
        line: 7,
        column: 33,
        endLine: 7,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sns = new SNSClient({});
const attributes = { source: { DataType: 'String', StringValue: 'checkout' } };

export const announce = (id) => sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: id, MessageAttributes: injectMessageAttributes(attributes) }));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'SNS PublishBatch is a hole of the aws-sdk instrumentation: entries returned from a block-bodied map keep their attributes',
    filename: INSTRUMENTED_TS,
    code: `
import { PublishBatchCommand, SNSClient } from '@aws-sdk/client-sns';

const sns = new SNSClient({});
const topicArn = 'arn:aws:sns:eu-west-1:123456789012:order-events';

export const publishEvents = (events: { id: string; kind: string }[]) =>
  sns.send(new PublishBatchCommand({
    TopicArn: topicArn,
    PublishBatchRequestEntries: events.map((event) => {
      const kind = { DataType: 'String', StringValue: event.kind };
      return { Id: event.id, Message: JSON.stringify(event), MessageAttributes: { kind } };
    }),
  }));
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sns' },
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
import { PublishBatchCommand, SNSClient } from '@aws-sdk/client-sns';
import { injectMessageAttributes } from 'eslint-plugin-trace-context/wrappers';

const sns = new SNSClient({});
const topicArn = 'arn:aws:sns:eu-west-1:123456789012:order-events';

export const publishEvents = (events: { id: string; kind: string }[]) =>
  sns.send(new PublishBatchCommand({
    TopicArn: topicArn,
    PublishBatchRequestEntries: events.map((event) => {
      const kind = { DataType: 'String', StringValue: event.kind };
      return { Id: event.id, Message: JSON.stringify(event), MessageAttributes: injectMessageAttributes({ kind }) };
    }),
  }));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'CommonJS SQS and SNS producers get a require of the wrapper',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');

const sqs = new SQSClient({});
const sns = new SNSClient({});

exports.placed = async (order) => {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(order) }));
  await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: order.id }));
};
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');
const { injectMessageAttributes } = require('eslint-plugin-trace-context/wrappers');

const sqs = new SQSClient({});
const sns = new SNSClient({});

exports.placed = async (order) => {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(order), MessageAttributes: injectMessageAttributes() }));
  await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: order.id }));
};
`,
          },
        ],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sns' },
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectIntoMessage',
            output: `
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');
const { injectMessageAttributes } = require('eslint-plugin-trace-context/wrappers');

const sqs = new SQSClient({});
const sns = new SNSClient({});

exports.placed = async (order) => {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(order) }));
  await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: order.id, MessageAttributes: injectMessageAttributes() }));
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'producers whose messages cannot be seen, or have no room left, are reported without a suggestion',
    code: `
import { SQSClient, SendMessageBatchCommand, SendMessageCommand, type SendMessageBatchRequestEntry, type SendMessageCommandInput } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});
const s = { DataType: 'String', StringValue: 'x' };
const template = (): SendMessageCommandInput => ({ QueueUrl: 'q', MessageBody: '' });

export async function send(entries: SendMessageBatchRequestEntry[]) {
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: 'q', Entries: entries }));
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: 'q', Entries: [{ Id: '0', MessageBody: 'a' }, ...entries] }));
  await sqs.send(new SendMessageCommand({ ...template(), MessageBody: 'b' }));
  await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'c', MessageAttributes: { a: s, b: s, c: s, d: s, e: s, f: s, g: s, h: s, i: s, j: s } }));
}
`,
    errors: [
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 17,
        suggestions: [],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 17,
        suggestions: [],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 11,
        column: 9,
        endLine: 11,
        endColumn: 17,
        suggestions: [],
      },
      {
        messageId: 'producerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 12,
        column: 9,
        endLine: 12,
        endColumn: 17,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a bare receive loop: one report on the receive, whose fix asks for the attributes and processes each message in its context',
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

import { fulfil } from './fulfilment';

const sqs = new SQSClient({});

export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders', WaitTimeSeconds: 20 }));
  for (const message of Messages) {
    await fulfil(JSON.parse(message.Body ?? '{}'));
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 9,
        column: 44,
        endLine: 9,
        endColumn: 69,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

import { fulfil } from './fulfilment';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders', WaitTimeSeconds: 20, MessageAttributeNames: ['traceparent', 'tracestate', 'baggage'] }));
  for (const message of Messages) {
    await withExtractedContext(message.MessageAttributes, async () => {
      await fulfil(JSON.parse(message.Body ?? '{}'));
    }, { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs', 'messaging.destination.name': 'orders' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a receive whose const input names other attributes, processed with Promise.all(map): the fix extends the const and wraps the callback',
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

import { bill } from './billing';

const sqs = new SQSClient({});
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/billing.fifo';
const params = {
  QueueUrl: QUEUE_URL,
  MessageAttributeNames: ['tenant'],
};

export async function poll() {
  const response = await sqs.send(new ReceiveMessageCommand(params));
  await Promise.all((response.Messages ?? []).map(async (message) => {
    await bill(message.Body);
  }));
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 14,
        column: 35,
        endLine: 14,
        endColumn: 60,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

import { bill } from './billing';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/billing.fifo';
const params = {
  QueueUrl: QUEUE_URL,
  MessageAttributeNames: ['tenant', 'traceparent', 'tracestate', 'baggage'],
};

export async function poll() {
  const response = await sqs.send(new ReceiveMessageCommand(params));
  await Promise.all((response.Messages ?? []).map(async (message) => {
    return withExtractedContext(message.MessageAttributes, async () => {
      await bill(message.Body);
    }, { name: 'process billing.fifo', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs', 'messaging.destination.name': 'billing.fifo' } });
  }));
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an instrumented receive with two loops: one report; the fix names no attributes, makes the loop statement a block and runs the forEach callback in the context',
    filename: INSTRUMENTED_TS,
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function poll(queueUrl: string, handle: (body?: string) => Promise<void>, log: (id?: string) => void) {
  const response = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
  for (const message of response.Messages ?? []) await handle(message.Body);
  response.Messages?.forEach(({ MessageId, MessageAttributes }) => log(MessageId));
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 7,
        column: 35,
        endLine: 7,
        endColumn: 60,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export async function poll(queueUrl: string, handle: (body?: string) => Promise<void>, log: (id?: string) => void) {
  const response = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
  for (const message of response.Messages ?? []) {
    await withExtractedContext(message.MessageAttributes, async () => {
      await handle(message.Body);
    }, { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs' } });
  }
  response.Messages?.forEach(({ MessageId, MessageAttributes }) => withExtractedContext(MessageAttributes, () => log(MessageId), { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs' } }));
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'receives whose loop leaves early, or hands each message to a function by name, are reported on the receive without a suggestion',
    filename: INSTRUMENTED_TS,
    code: `
import { ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function drain(handle: (message: Message) => Promise<void>) {
  for (;;) {
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));
    if (!Messages?.length) return;
    for (const message of Messages) {
      if (!message.Body) continue;
      await handle(message);
    }
  }
}

export const next = () =>
  sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' })).then(({ Messages }) => Promise.all((Messages ?? []).map(handleOne)));

declare const handleOne: (message: Message) => Promise<void>;
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 8,
        column: 41,
        endLine: 8,
        endColumn: 66,
        suggestions: [],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 18,
        column: 12,
        endLine: 18,
        endColumn: 37,
        suggestions: [],
      },
    ],
  },
  {
    name: 'CommonJS receive: a synchronous forEach callback, reported on the receive',
    filename: INSTRUMENTED_CJS,
    languageOptions: COMMONJS,
    code: `
const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');

const { index } = require('./search');

const sqs = new SQSClient({});

async function poll() {
  const result = await sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL }));
  const messages = result.Messages || [];
  messages.forEach((message) => {
    index(JSON.parse(message.Body));
  });
}

module.exports = { poll };
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 9,
        column: 33,
        endLine: 9,
        endColumn: 58,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');

const { index } = require('./search');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const sqs = new SQSClient({});

async function poll() {
  const result = await sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL }));
  const messages = result.Messages || [];
  messages.forEach((message) => {
    return withExtractedContext(message.MessageAttributes, () => {
      index(JSON.parse(message.Body));
    }, { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs' } });
  });
}

module.exports = { poll };
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a bare receive with two loops (processing, then deleting): one report, whose fix asks for the attributes and wraps the processing loop (deleting is not processing)',
    code: `
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

import { fulfil } from './fulfilment';

const sqs = new SQSClient({});
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders';

export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({
    QueueUrl: QUEUE_URL,
    MaxNumberOfMessages: 10,
  }));
  for (const message of Messages) {
    await fulfil(JSON.parse(message.Body ?? '{}'));
  }
  await Promise.all(Messages.map((message) => sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle }))));
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 10,
        column: 44,
        endLine: 10,
        endColumn: 69,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

import { fulfil } from './fulfilment';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders';

export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({
    QueueUrl: QUEUE_URL,
    MaxNumberOfMessages: 10,
    MessageAttributeNames: ['traceparent', 'tracestate', 'baggage'],
  }));
  for (const message of Messages) {
    await withExtractedContext(message.MessageAttributes, async () => {
      await fulfil(JSON.parse(message.Body ?? '{}'));
    }, { name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs', 'messaging.destination.name': 'orders' } });
  }
  await Promise.all(Messages.map((message) => sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle }))));
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a bare receive whose loop extracts but whose input names other attributes only: receiveWithoutAttributes, the names are appended',
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

import { fulfil } from './fulfilment';

const sqs = new SQSClient({});

export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({
    QueueUrl: process.env.QUEUE_URL,
    MessageAttributeNames: ['tenant'],
    WaitTimeSeconds: 20,
  }));
  for (const message of Messages) {
    await withExtractedContext(message.MessageAttributes, () => fulfil(message.Body), { name: 'process orders', kind: 'consumer' });
  }
}
`,
    errors: [
      {
        messageId: 'receiveWithoutAttributes',
        data: { library: '@aws-sdk/client-sqs' },
        line: 10,
        column: 44,
        endLine: 10,
        endColumn: 69,
        suggestions: [
          {
            messageId: 'requestContextAttributes',
            output: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

import { fulfil } from './fulfilment';

const sqs = new SQSClient({});

export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({
    QueueUrl: process.env.QUEUE_URL,
    MessageAttributeNames: ['tenant', 'traceparent', 'tracestate', 'baggage'],
    WaitTimeSeconds: 20,
  }));
  for (const message of Messages) {
    await withExtractedContext(message.MessageAttributes, () => fulfil(message.Body), { name: 'process orders', kind: 'consumer' });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a bare CommonJS receive whose .then callback extracts but names no attributes: receiveWithoutAttributes',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const sqs = new SQSClient({});

exports.pollOnce = (handle) =>
  sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL })).then(({ Messages }) =>
    Promise.all((Messages || []).map((message) => withExtractedContext(message.MessageAttributes, () => handle(message.Body)))),
  );
`,
    errors: [
      {
        messageId: 'receiveWithoutAttributes',
        data: { library: '@aws-sdk/client-sqs' },
        line: 8,
        column: 12,
        endLine: 8,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'requestContextAttributes',
            output: `
const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const sqs = new SQSClient({});

exports.pollOnce = (handle) =>
  sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageAttributeNames: ['traceparent', 'tracestate', 'baggage'] })).then(({ Messages }) =>
    Promise.all((Messages || []).map((message) => withExtractedContext(message.MessageAttributes, () => handle(message.Body)))),
  );
`,
          },
        ],
      },
    ],
  },
  {
    name: 'loops over the same messages nested in one another: one report on the receive, without a suggestion (one fix cannot rewrite both)',
    code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

import { compare } from './dedupe';

const sqs = new SQSClient({});

export async function findDuplicates() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q', MaxNumberOfMessages: 10 }));
  for (const first of Messages) {
    for (const second of Messages) {
      if (first !== second) await compare(first, second);
    }
  }
}
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: '@aws-sdk/client-sqs' },
        line: 9,
        column: 44,
        endLine: 9,
        endColumn: 69,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Lambda SQS handler typed with SQSEvent, returning an SQSBatchResponse',
    code: `
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

import { processOrder } from './orders';

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await processOrder(JSON.parse(record.body));
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'Lambda SQS' },
        line: 8,
        column: 24,
        endLine: 8,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

import { processOrder } from './orders';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    await withExtractedContext(record.messageAttributes, async () => {
      try {
        await processOrder(JSON.parse(record.body));
      } catch {
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }, { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs' } });
  }
  return { batchItemFailures };
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Lambda SQSHandler with destructured Records, even with the Lambda instrumentation',
    settings: { 'trace-context': { instrumented: ['aws-lambda', 'aws-sdk'] } },
    code: `
import type { SQSHandler } from 'aws-lambda';

import { audit } from './audit';

export const handler: SQSHandler = async ({ Records }) => {
  await Promise.all(Records.map(({ body, messageAttributes }) => audit(body)));
};
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'Lambda SQS' },
        line: 7,
        column: 21,
        endLine: 7,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import type { SQSHandler } from 'aws-lambda';

import { audit } from './audit';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export const handler: SQSHandler = async ({ Records }) => {
  await Promise.all(Records.map(({ body, messageAttributes }) => withExtractedContext(messageAttributes, () => audit(body), { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs' } })));
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Lambda SNS handler through a namespace import: a loop that leaves early is report-only, the other is fixed',
    code: `
import type * as lambda from 'aws-lambda';

import { notify } from './notify';

export async function handler(event: lambda.SNSEvent) {
  for (const { Sns } of event.Records) {
    if (!Sns.Message) continue;
    await notify(Sns.Message);
  }
}

export const digest = (async (event) => {
  const { Records } = event;
  for (const { Sns } of Records) notify(Sns.Message);
}) satisfies lambda.Handler<lambda.SNSEvent>;
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'Lambda SNS' },
        line: 7,
        column: 25,
        endLine: 7,
        endColumn: 38,
        suggestions: [],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'Lambda SNS' },
        line: 15,
        column: 25,
        endLine: 15,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import type * as lambda from 'aws-lambda';

import { notify } from './notify';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function handler(event: lambda.SNSEvent) {
  for (const { Sns } of event.Records) {
    if (!Sns.Message) continue;
    await notify(Sns.Message);
  }
}

export const digest = (async (event) => {
  const { Records } = event;
  for (const { Sns } of Records) {
    withExtractedContext(Sns.MessageAttributes, () => {
      notify(Sns.Message);
    }, { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'aws_sns' } });
  }
}) satisfies lambda.Handler<lambda.SNSEvent>;
`,
          },
        ],
      },
    ],
  },
  {
    name: 'CommonJS Lambda handlers typed in JSDoc',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `
const { notify } = require('./notify');

/** @type {import('aws-lambda').SNSHandler} */
exports.handler = async (event) => {
  await Promise.all(event.Records.map((record) => notify(JSON.parse(record.Sns.Message))));
};

/**
 * Drains the dead-letter queue.
 * @param {import('aws-lambda').SQSEvent} event
 */
async function redrive(event) {
  for (const record of event.Records) {
    await notify(record.body);
  }
}

module.exports.redrive = redrive;
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'Lambda SNS' },
        line: 6,
        column: 21,
        endLine: 6,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
const { notify } = require('./notify');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

/** @type {import('aws-lambda').SNSHandler} */
exports.handler = async (event) => {
  await Promise.all(event.Records.map((record) => withExtractedContext(record.Sns.MessageAttributes, () => notify(JSON.parse(record.Sns.Message)), { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'aws_sns' } })));
};

/**
 * Drains the dead-letter queue.
 * @param {import('aws-lambda').SQSEvent} event
 */
async function redrive(event) {
  for (const record of event.Records) {
    await notify(record.body);
  }
}

module.exports.redrive = redrive;
`,
          },
        ],
      },
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'Lambda SQS' },
        line: 14,
        column: 24,
        endLine: 14,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
const { notify } = require('./notify');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

/** @type {import('aws-lambda').SNSHandler} */
exports.handler = async (event) => {
  await Promise.all(event.Records.map((record) => notify(JSON.parse(record.Sns.Message))));
};

/**
 * Drains the dead-letter queue.
 * @param {import('aws-lambda').SQSEvent} event
 */
async function redrive(event) {
  for (const record of event.Records) {
    await withExtractedContext(record.messageAttributes, async () => {
      await notify(record.body);
    }, { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs' } });
  }
}

module.exports.redrive = redrive;
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an instrumented Lambda SQS handler forwarding each record: the send is covered, the record loop is not',
    filename: INSTRUMENTED_TS,
    code: `
import type { SQSHandler } from 'aws-lambda';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.NEXT_QUEUE_URL, MessageBody: record.body }));
  }
};
`,
    errors: [
      {
        messageId: 'consumerWithoutContext',
        data: { library: 'Lambda SQS' },
        line: 8,
        column: 24,
        endLine: 8,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'continueMessageContext',
            output: `
import type { SQSHandler } from 'aws-lambda';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const sqs = new SQSClient({});

export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    await withExtractedContext(record.messageAttributes, async () => {
      await sqs.send(new SendMessageCommand({ QueueUrl: process.env.NEXT_QUEUE_URL, MessageBody: record.body }));
    }, { name: 'process', kind: 'consumer', attributes: { 'messaging.system': 'aws_sqs' } });
  }
};
`,
          },
        ],
      },
    ],
  },
];

ruleTester.run(RULE, rule, { valid, invalid });

describeSuggestionRelint(RULE, rule, invalid, BARE_TS);

describe(`${RULE} (AWS): applying every suggestion in turn leaves only the report-only findings`, () => {
  const active = invalid.filter((item) => !item.skip);

  it.each(active.map((item) => ({ title: item.name ?? item.code.slice(0, 40), item })))('$title', ({ item }) => {
    let code = item.code;
    for (let round = 0; round <= item.errors.length; round++) {
      const messages = lintWithRule(RULE, rule, { ...(item as LintCase), code }, BARE_TS);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      const fix = messages.find((message) => message.suggestions?.length)?.suggestions?.[0]?.fix;
      if (!fix) break;
      code = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    }
    const left = lintWithRule(RULE, rule, { ...(item as LintCase), code }, BARE_TS);
    expect(left).toHaveLength(item.errors.filter((error) => error.suggestions?.length === 0).length);
  });
});

it('keeps at least as many valid cases as invalid ones', () => {
  expect(valid.length).toBeGreaterThanOrEqual(invalid.length);
});
