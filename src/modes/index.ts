/**
 * Per-rule cheap-exit tokens: text that must occur in a file for the rule to find anything.
 * Rules return no listeners without them; the codemod skips such files without linting.
 */
import { TOKENS as internalEventTokens } from './internal-events/catalog';
import { TOKENS as messageQueueTokens } from './message-queues/catalog';
import { TOKENS as scheduledJobTokens } from './scheduled-jobs/catalog';
import { TOKENS as syncRequestTokens } from './sync-request/catalog';

export const ruleTokens: Readonly<Record<string, readonly string[]>> = {
  'async-message-propagation': messageQueueTokens,
  'internal-event-tracing': internalEventTokens,
  'scheduled-job-tracing': scheduledJobTokens,
  'sync-request-propagation': syncRequestTokens,
};
