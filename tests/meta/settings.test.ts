// settings['trace-context']: a wrong key or type is a clear error naming the key and the allowed
// values, both from the resolver and when a rule runs inside ESLint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, resolveSettings, SettingsError } from '../../src/settings';
import { lint, loadBuiltPlugin, ROOT, serverFileName } from './helpers';
import { extractExamples } from './markdown';

const plugin = loadBuiltPlugin();

// [raw settings, what the message must mention]
const invalid: [string, unknown, RegExp[]][] = [
  ['an unknown key', { wrapperModul: 'x' }, [/`wrapperModul`/, /'wrapperModule'/, /'instrumented'/, /'contextManager'/, /'helpers'/]],
  ['a non-object', 'detect', [/expected an object/, /'wrapperModule'/]],
  ['an empty wrapperModule', { wrapperModule: '' }, [/`wrapperModule`/, /non-empty/]],
  ['a wrong instrumented value', { instrumented: ['http', 'carrier-pigeon'] }, [/`instrumented`/, /'carrier-pigeon'/, /'http'/, /'kafkajs'/]],
  ['instrumented as a string', { instrumented: 'auto' }, [/`instrumented`/, /'detect'/]],
  ['a wrong contextManager', { contextManager: 'zonejs' }, [/`contextManager`/, /'async-local-storage'/, /'zone'/, /'stack'/]],
  ['an unknown helpers key', { helpers: { rootSpans: ['runAsJob'] } }, [/`helpers\.rootSpans`/, /'rootSpan'/, /'inject'/]],
  ['a helpers entry that is not a list of names', { helpers: { rootSpan: 'runAsJob' } }, [/`helpers\.rootSpan`/, /array of non-empty strings/]],
];

describe('resolveSettings', () => {
  it('fills the defaults', () => {
    expect(resolveSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings({ helpers: { rootSpan: ['runAsJob'] } }).helpers.rootSpan).toEqual(['runAsJob']);
  });

  it.each(invalid)('rejects %s', (_label, raw, mentions) => {
    expect(() => resolveSettings(raw)).toThrow(SettingsError);
    let message = '';
    try {
      resolveSettings(raw);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/settings\['trace-context'\]/);
    for (const mention of mentions) expect(message).toMatch(mention);
  });
});

describe.each(Object.keys(plugin.rules))('%s with invalid settings', (rule) => {
  // The rule's first ❌ doc example: code the rule looks at (a rule may skip files that cannot
  // concern it before reading settings).
  const markdown = readFileSync(join(ROOT, 'docs', 'rules', `${rule}.md`), 'utf8');
  const example = extractExamples(markdown).examples.find((e) => e.kind === 'invalid');

  it.each(invalid)('fails the lint run on %s, naming the key', (_label, raw, mentions) => {
    expect(example, 'the doc has a ❌ example').toBeDefined();
    const run = () => lint(plugin, example!.code, { rule, settings: raw as Record<string, unknown>, filename: serverFileName(example!.language) });
    expect(run).toThrow(/settings\['trace-context'\]/);
    for (const mention of mentions) expect(run).toThrow(mention);
  });
});
