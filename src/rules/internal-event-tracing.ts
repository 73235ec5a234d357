import { createRule } from '../core/create-rule';
import { getCodeKind } from '../core/code-kind';
import { planToFixes } from '../core/fix-plan';
import { createInternalEventDetector, handlerNameCode, planInternalEventFix, TOKENS } from '../modes/internal-events';
import { getSettings } from '../settings';

export type Options = [];
export type MessageIds = 'unspannedHandler' | 'unspannedCqrsHandler' | 'wrapWithTraceHandler';

export default createRule<Options, MessageIds>({
  name: 'internal-event-tracing',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require in-process event, command and query handlers to run in a span of their own',
      recommended: true,
      mode: 5,
    },
    hasSuggestions: true,
    messages: {
      unspannedHandler:
        'Handler of {{name}} runs without a span: its work shows up in no trace, merged into whatever span emitted the event.',
      unspannedCqrsHandler:
        'Handler of {{name}} runs without a span: the command, query or event it handles is invisible in the trace.',
      wrapWithTraceHandler: 'Run the handler in a child span with traceHandler({{name}}).',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!TOKENS.some((token) => sourceCode.text.includes(token))) return {};
    const settings = getSettings(context);
    if (getCodeKind(context, settings) !== 'server') return {};

    return createInternalEventDetector(context, settings, (finding) => {
      const name = handlerNameCode(sourceCode, finding.name);
      const plan = planInternalEventFix(sourceCode, context.filename, finding, settings);
      context.report({
        loc: finding.loc,
        messageId: finding.messageId,
        data: { name },
        suggest: plan
          ? [{ messageId: 'wrapWithTraceHandler', data: { name }, fix: (fixer) => planToFixes(sourceCode, plan, fixer) }]
          : [],
      });
    });
  },
});
