/**
 * jscodeshift transform: applies the `trace-context/sync-request-propagation` suggestions
 * (outbound HTTP calls get `injectContext` headers, inbound handlers run in
 * `withExtractedContext`).
 */
import { createTransform } from './lib/transform';

export = createTransform(['sync-request-propagation']);
