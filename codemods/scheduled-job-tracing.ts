/**
 * jscodeshift transform: applies the `trace-context/scheduled-job-tracing` suggestions
 * (wrap scheduled callbacks with `traceJob`, start non-root spans with `{ root: true }`).
 */
import { createTransform } from './lib/transform';

export = createTransform(['scheduled-job-tracing']);
