import { createRule } from '../core/create-rule';

export type Options = [{ checkIntervals?: boolean }];
export type MessageIds = 'missingRootSpan' | 'nonRootSpan' | 'wrapWithTraceJob' | 'makeSpanRoot';

export default createRule<Options, MessageIds>({
  name: 'scheduled-job-tracing',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every scheduled job run to start its own root span',
      recommended: true,
      mode: 4,
    },
    hasSuggestions: true,
    messages: {
      missingRootSpan: 'Scheduled job {{name}} runs without a root span, so its runs are invisible or join the trace it was registered in.',
      nonRootSpan: 'Scheduled job {{name}} starts a span that is not a root, so every run joins the trace that was active at registration.',
      wrapWithTraceJob: 'Wrap the callback with traceJob({{name}}).',
      makeSpanRoot: 'Start the span with { root: true }.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkIntervals: {
            type: 'boolean',
            description: 'Also report long-lived setInterval loops in server code that do asynchronous work.',
          },
        },
      },
    ],
    defaultOptions: [{ checkIntervals: true }],
  },
  create() {
    return {};
  },
});
