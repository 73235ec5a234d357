/**
 * `settings['trace-context']`: read once per settings object, validated, cached.
 * Shared by every rule and by the codemod (which passes flags on top).
 */
export type ContextManagerKind = 'async-local-storage' | 'zone' | 'stack';

export interface HelperNames {
  inject: readonly string[];
  extract: readonly string[];
  bind: readonly string[];
  rootSpan: readonly string[];
  span: readonly string[];
}

export interface TraceContextSettings {
  wrapperModule: string;
  instrumented: 'detect' | readonly string[];
  contextManager: ContextManagerKind;
  helpers: HelperNames;
}

export const DEFAULT_WRAPPER_MODULE = 'eslint-plugin-trace-context/wrappers';

/** Values accepted in `instrumented: [...]` (what `'detect'` can also find). */
export const INSTRUMENTED_VALUES = [
  'http',
  'undici',
  'fetch',
  'grpc',
  'kafkajs',
  'amqplib',
  'aws-sdk',
  'pubsub',
  'azure-service-bus',
  'ioredis',
  'redis',
  'nats',
  'bullmq',
  'xhr',
  'aws-lambda',
] as const;

export type InstrumentedValue = (typeof INSTRUMENTED_VALUES)[number];

const CONTEXT_MANAGERS: readonly ContextManagerKind[] = ['async-local-storage', 'zone', 'stack'];
const HELPER_KEYS: readonly (keyof HelperNames)[] = ['inject', 'extract', 'bind', 'rootSpan', 'span'];
const SETTING_KEYS = ['wrapperModule', 'instrumented', 'contextManager', 'helpers'] as const;

export const DEFAULT_SETTINGS: TraceContextSettings = Object.freeze({
  wrapperModule: DEFAULT_WRAPPER_MODULE,
  instrumented: 'detect',
  contextManager: 'async-local-storage',
  helpers: Object.freeze({ inject: [], extract: [], bind: [], rootSpan: [], span: [] }),
});

export class SettingsError extends Error {
  constructor(message: string) {
    super(`Invalid settings['trace-context']: ${message}`);
    this.name = 'SettingsError';
  }
}

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readStringList(value: unknown, key: string, allowed?: readonly string[]): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw new SettingsError(`\`${key}\` must be an array of non-empty strings, got ${JSON.stringify(value)}.`);
  }
  if (allowed) {
    const unknown = value.filter((item) => !allowed.includes(item));
    if (unknown.length > 0) {
      throw new SettingsError(`\`${key}\` has unknown value(s) ${list(unknown)}; allowed: ${list(allowed)}.`);
    }
  }
  return [...new Set(value as string[])];
}

/** Validates raw settings and fills defaults. Throws `SettingsError` naming the key and allowed values. */
export function resolveSettings(raw: unknown): TraceContextSettings {
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  if (!isPlainObject(raw)) {
    throw new SettingsError(`expected an object with keys ${list(SETTING_KEYS)}, got ${JSON.stringify(raw)}.`);
  }
  for (const key of Object.keys(raw)) {
    if (!(SETTING_KEYS as readonly string[]).includes(key)) {
      throw new SettingsError(`unknown key \`${key}\`; allowed keys: ${list(SETTING_KEYS)}.`);
    }
  }
  const settings: TraceContextSettings = { ...DEFAULT_SETTINGS, helpers: { ...DEFAULT_SETTINGS.helpers } };

  if (raw.wrapperModule !== undefined) {
    if (typeof raw.wrapperModule !== 'string' || raw.wrapperModule.trim() === '') {
      throw new SettingsError(`\`wrapperModule\` must be a non-empty module specifier string, got ${JSON.stringify(raw.wrapperModule)}.`);
    }
    settings.wrapperModule = raw.wrapperModule;
  }
  if (raw.instrumented !== undefined) {
    if (raw.instrumented === 'detect') settings.instrumented = 'detect';
    else if (Array.isArray(raw.instrumented)) {
      settings.instrumented = readStringList(raw.instrumented, 'instrumented', INSTRUMENTED_VALUES);
    } else {
      throw new SettingsError(
        `\`instrumented\` must be 'detect' or an array of ${list(INSTRUMENTED_VALUES)}, got ${JSON.stringify(raw.instrumented)}.`,
      );
    }
  }
  if (raw.contextManager !== undefined) {
    if (!CONTEXT_MANAGERS.includes(raw.contextManager as ContextManagerKind)) {
      throw new SettingsError(
        `\`contextManager\` must be one of ${list(CONTEXT_MANAGERS)}, got ${JSON.stringify(raw.contextManager)}.`,
      );
    }
    settings.contextManager = raw.contextManager as ContextManagerKind;
  }
  if (raw.helpers !== undefined) {
    if (!isPlainObject(raw.helpers)) {
      throw new SettingsError(`\`helpers\` must be an object with keys ${list(HELPER_KEYS)}.`);
    }
    for (const key of Object.keys(raw.helpers)) {
      if (!(HELPER_KEYS as readonly string[]).includes(key)) {
        throw new SettingsError(`unknown key \`helpers.${key}\`; allowed keys: ${list(HELPER_KEYS)}.`);
      }
      settings.helpers[key as keyof HelperNames] = readStringList(raw.helpers[key], `helpers.${key}`);
    }
  }
  return Object.freeze(settings);
}

const cache = new WeakMap<object, TraceContextSettings>();

/** The resolved settings of a rule context (validated once per settings object). */
export function getSettings(context: { settings?: Record<string, unknown> }): TraceContextSettings {
  const all = context.settings;
  if (!all) return DEFAULT_SETTINGS;
  let resolved = cache.get(all);
  if (!resolved) {
    resolved = resolveSettings(all['trace-context']);
    cache.set(all, resolved);
  }
  return resolved;
}
