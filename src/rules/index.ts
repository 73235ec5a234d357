import internalEventTracing from './internal-event-tracing';
import scheduledJobTracing from './scheduled-job-tracing';

/** Rule name → rule, alphabetical. */
export const rules = {
  'internal-event-tracing': internalEventTracing,
  'scheduled-job-tracing': scheduledJobTracing,
};

export type RuleName = keyof typeof rules;
