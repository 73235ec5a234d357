import asyncMessagePropagation from './async-message-propagation';
import internalEventTracing from './internal-event-tracing';
import scheduledJobTracing from './scheduled-job-tracing';
import syncRequestPropagation from './sync-request-propagation';

/** Rule name → rule, alphabetical. */
export const rules = {
  'async-message-propagation': asyncMessagePropagation,
  'internal-event-tracing': internalEventTracing,
  'scheduled-job-tracing': scheduledJobTracing,
  'sync-request-propagation': syncRequestPropagation,
};

export type RuleName = keyof typeof rules;
