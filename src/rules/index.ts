import scheduledJobTracing from './scheduled-job-tracing';

/** Rule name → rule, alphabetical. */
export const rules = {
  'scheduled-job-tracing': scheduledJobTracing,
};

export type RuleName = keyof typeof rules;
