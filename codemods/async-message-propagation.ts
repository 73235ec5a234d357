/**
 * jscodeshift transform: applies the `trace-context/async-message-propagation` suggestions
 * (kafkajs, amqplib and Pub/Sub messages get `injectContext` in their carrier, their consumers'
 * handlers run in `withExtractedContext`).
 */
import { createTransform } from './lib/transform';

export = createTransform(['async-message-propagation']);
