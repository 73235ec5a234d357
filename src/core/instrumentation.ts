/**
 * `instrumented: 'detect'`: which libraries an installed instrumentation package takes care of.
 * This is the list of recognised packages; what "covered" means for a call is each mode's catalog
 * data (modes 1 and 3). Modes 4 and 5 ignore it: no instrumentation starts root spans for
 * scheduled callbacks or spans for in-process handlers.
 */
import type { InstrumentedValue, TraceContextSettings } from '../settings';
import { findManifest } from './manifest';

const NODE_AUTO: readonly InstrumentedValue[] = [
  'http',
  'undici',
  'fetch',
  'grpc',
  'kafkajs',
  'amqplib',
  'aws-sdk',
  'ioredis',
  'redis',
  'aws-lambda',
];

/** Instrumentation package → the `instrumented` values it provides. */
export const INSTRUMENTATION_PACKAGES: Readonly<Record<string, readonly InstrumentedValue[]>> = {
  '@opentelemetry/auto-instrumentations-node': NODE_AUTO,
  '@opentelemetry/auto-instrumentations-web': ['fetch', 'xhr'],
  '@opentelemetry/instrumentation-http': ['http'],
  '@opentelemetry/instrumentation-undici': ['undici', 'fetch'],
  '@opentelemetry/instrumentation-fetch': ['fetch'],
  '@opentelemetry/instrumentation-xml-http-request': ['xhr'],
  '@opentelemetry/instrumentation-grpc': ['grpc'],
  '@opentelemetry/instrumentation-kafkajs': ['kafkajs'],
  '@opentelemetry/instrumentation-amqplib': ['amqplib'],
  '@opentelemetry/instrumentation-aws-sdk': ['aws-sdk'],
  '@opentelemetry/instrumentation-aws-lambda': ['aws-lambda'],
  '@opentelemetry/instrumentation-ioredis': ['ioredis'],
  '@opentelemetry/instrumentation-redis': ['redis'],
  '@azure/opentelemetry-instrumentation-azure-sdk': ['azure-service-bus'],
  'dd-trace': ['http', 'undici', 'fetch', 'grpc', 'kafkajs', 'amqplib', 'aws-sdk', 'pubsub', 'ioredis', 'redis'],
  '@sentry/node': ['http', 'undici', 'fetch'],
};

const EMPTY: ReadonlySet<InstrumentedValue> = new Set();
const detected = new WeakMap<object, ReadonlySet<InstrumentedValue>>();

/** The instrumented libraries for a file: the explicit list, or what its nearest manifest installs. */
export function getInstrumented(filename: string, settings: TraceContextSettings): ReadonlySet<InstrumentedValue> {
  if (settings.instrumented !== 'detect') return new Set(settings.instrumented as InstrumentedValue[]);
  const manifest = findManifest(filename);
  if (!manifest) return EMPTY;
  let values = detected.get(manifest);
  if (!values) {
    const found = new Set<InstrumentedValue>();
    for (const dependency of manifest.allDependencies) {
      for (const value of INSTRUMENTATION_PACKAGES[dependency] ?? []) found.add(value);
    }
    values = found;
    detected.set(manifest, values);
  }
  return values;
}
