/**
 * jscodeshift transform: applies the `trace-context/internal-event-tracing` suggestions
 * (run in-process event, command and query handlers in a child span with `traceHandler`).
 */
import { createTransform } from './lib/transform';

export = createTransform(['internal-event-tracing']);
