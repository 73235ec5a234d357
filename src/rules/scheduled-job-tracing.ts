import { createRule } from '../core/create-rule';
import { getCodeKind } from '../core/code-kind';
import { planToFixes } from '../core/fix-plan';
import { createScheduledJobDetector, jobNameCode, planScheduledJobFix, TOKENS } from '../modes/scheduled-jobs';
import { getSettings } from '../settings';

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
      missingRootSpan:
        'Scheduled job {{name}} runs without a root span of its own: its runs are invisible or join the trace that registered it.',
      nonRootSpan:
        'Scheduled job {{name}} starts a span that is not a root: every run joins the trace that was active when the job was registered.',
      wrapWithTraceJob: 'Wrap the job with traceJob({{name}}) so that each run starts a new root trace.',
      makeSpanRoot: 'Start the span with { root: true }.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkIntervals: {
            type: 'boolean',
            description:
              'Also report long-lived setInterval loops (and for-await over timers/promises setInterval) in server code that do asynchronous work.',
          },
        },
      },
    ],
    defaultOptions: [{ checkIntervals: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!TOKENS.some((token) => sourceCode.text.includes(token))) return {};
    const settings = getSettings(context);
    if (getCodeKind(context, settings) !== 'server') return {};

    return createScheduledJobDetector(context, settings, { checkIntervals: options.checkIntervals !== false }, (finding) => {
      const name = jobNameCode(sourceCode, finding.name);
      const plan = planScheduledJobFix(sourceCode, context.filename, finding, settings);
      context.report({
        loc: finding.loc,
        messageId: finding.messageId,
        data: { name },
        suggest: plan
          ? [
              {
                messageId: finding.messageId === 'nonRootSpan' ? 'makeSpanRoot' : 'wrapWithTraceJob',
                data: { name },
                fix: (fixer) => planToFixes(sourceCode, plan, fixer),
              },
            ]
          : [],
      });
    });
  },
});
