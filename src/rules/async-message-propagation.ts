import { createRule } from '../core/create-rule';
import { getCodeKind } from '../core/code-kind';
import { planToFixes } from '../core/fix-plan';
import { createMessageQueueDetector, planMessageQueueFix, TOKENS, type MessageQueueFinding, type SuggestionId } from '../modes/message-queues';
import { getSettings } from '../settings';

export type Options = [{ allowPayloadChanges?: boolean }];
/** The findings' messages and the suggestions' (one per fix shape, see `SuggestionId`). */
export type MessageIds = MessageQueueFinding['messageId'] | SuggestionId;

export default createRule<Options, MessageIds>({
  name: 'async-message-propagation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require message producers to send the trace context and consumers to continue it',
      recommended: true,
      mode: 3,
    },
    hasSuggestions: true,
    messages: {
      producerWithoutContext:
        'This {{library}} message carries no trace context and nothing injects it here: the consumer starts a new trace.',
      sqsAttributeLimit:
        'This SQS message already has more than 7 attributes: the instrumentation cannot add the 3 trace-context attributes under the limit of 10, so the consumer starts a new trace.',
      consumerWithoutContext:
        'This {{library}} consumer processes messages without continuing their trace context: each message starts a new trace.',
      receiveWithoutAttributes:
        'This SQS receive never asks for the trace-context message attributes (MessageAttributeNames) and nothing adds them: its messages arrive without their context.',
      injectIntoMessage: 'Add the trace context to the message (injectContext, or injectMessageAttributes for SQS/SNS attributes).',
      injectIntoPayload:
        'Carry the trace context in the message payload (injectPayloadContext): every consumer of it must tolerate the extra _traceContext field.',
      useBullMQTelemetry: "Let BullMQ carry the trace context itself: give the queue or worker the telemetry option (BullMQOtel from bullmq-otel).",
      continueMessageContext: 'Run the handler in the message context under a CONSUMER span (withExtractedContext).',
      linkMessageContext: 'Process each message of the batch in its own CONSUMER span linked to the message context (withLinkedContext).',
      requestContextAttributes: 'Ask for the trace-context attributes (traceparent, tracestate, baggage) in MessageAttributeNames.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowPayloadChanges: {
            type: 'boolean',
            description:
              'Also offer fixes that change the message payload other services parse: a `_traceContext` field in Bull/BullMQ job data or in a JSON Redis pub/sub message. Only when every consumer tolerates the extra field.',
          },
        },
      },
    ],
    defaultOptions: [{ allowPayloadChanges: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!TOKENS.some((token) => sourceCode.text.includes(token))) return {};
    const settings = getSettings(context);
    if (getCodeKind(context, settings) !== 'server') return {};

    const detectorOptions = { allowPayloadChanges: options.allowPayloadChanges === true };
    return createMessageQueueDetector(context, settings, detectorOptions, (finding) => {
      const plan = planMessageQueueFix(sourceCode, context.filename, finding, settings, detectorOptions);
      context.report({
        loc: finding.loc,
        messageId: finding.messageId,
        data: { library: finding.library },
        suggest: plan ? [{ messageId: plan.suggestion, fix: (fixer) => planToFixes(sourceCode, plan, fixer) }] : [],
      });
    });
  },
});
