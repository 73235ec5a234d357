import { createRule } from '../core/create-rule';
import { getCodeKind } from '../core/code-kind';
import { planToFixes } from '../core/fix-plan';
import { createSyncRequestDetector, planSyncRequestFix, TOKENS } from '../modes/sync-request';
import { getSettings } from '../settings';

export type Options = [];
export type MessageIds = 'missingInjection' | 'missingExtraction' | 'injectHeaders' | 'extractContext';

export default createRule<Options, MessageIds>({
  name: 'sync-request-propagation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require outbound HTTP calls to carry the trace context and inbound handlers to continue it where nothing instruments them',
      recommended: true,
      mode: 1,
    },
    hasSuggestions: true,
    messages: {
      missingInjection:
        'This {{library}} call sends no trace headers and nothing instruments it here: the service it calls starts a new trace.',
      missingExtraction:
        'Handler {{name}} never continues the caller\'s trace context: its spans and calls start a new trace instead of joining the request.',
      injectHeaders: 'Add the trace context to the request headers with injectContext().',
      extractContext: 'Run the handler in the context extracted from the request headers (withExtractedContext).',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!TOKENS.some((token) => sourceCode.text.includes(token))) return {};
    const settings = getSettings(context);
    if (getCodeKind(context, settings) !== 'server') return {};

    return createSyncRequestDetector(context, settings, (finding) => {
      const plan = planSyncRequestFix(sourceCode, context.filename, finding, settings);
      const data = finding.kind === 'inbound' ? { name: `'${finding.name}'` } : { library: finding.library };
      context.report({
        loc: finding.loc,
        messageId: finding.messageId,
        data,
        suggest: plan
          ? [
              {
                messageId: finding.kind === 'inbound' ? 'extractContext' : 'injectHeaders',
                fix: (fixer) => planToFixes(sourceCode, plan, fixer),
              },
            ]
          : [],
      });
    });
  },
});
