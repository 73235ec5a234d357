// Rule options: every property described, defaults valid, unknown keys rejected by ESLint's own
// schema validation with a message that names the key.
import { describe, expect, it } from 'vitest';

import { lint, loadBuiltPlugin, serverFileName } from './helpers';

const plugin = loadBuiltPlugin();
const code = 'export const answer = 42;\n';

describe.each(Object.keys(plugin.rules))('%s options', (rule) => {
  const { meta } = plugin.rules[rule]!;
  const schema = meta.schema as { type?: string; properties?: Record<string, { description?: string }>; additionalProperties?: unknown }[];
  const filename = serverFileName('js');

  it('schema: objects without extra keys, a description on every property, no defaults inside', () => {
    for (const item of schema) {
      expect(item.type).toBe('object');
      expect(item.additionalProperties).toBe(false);
      for (const [key, property] of Object.entries(item.properties ?? {})) {
        expect(property.description, `${key} needs a description`).toMatch(/\S/);
        expect(property, `${key}: defaults go in meta.defaultOptions`).not.toHaveProperty('default');
      }
    }
  });

  it('meta.defaultOptions validate against the schema', () => {
    expect((meta.defaultOptions ?? []).length).toBe(schema.length);
    expect(() => lint(plugin, code, { rule, options: meta.defaultOptions, filename })).not.toThrow();
  });

  it('meta.defaultOptions name every schema property', () => {
    schema.forEach((item, index) => {
      const defaults = (meta.defaultOptions?.[index] ?? {}) as Record<string, unknown>;
      expect(Object.keys(defaults).sort()).toEqual(Object.keys(item.properties ?? {}).sort());
    });
  });

  it('an unknown option key is rejected with a schema message naming it', () => {
    const bad = schema.length > 0 ? [{ ...(meta.defaultOptions?.[0] as object), notAnOption: true }] : [{ notAnOption: true }];
    expect(() => lint(plugin, code, { rule, options: bad, filename })).toThrow(
      schema.length > 0 ? /notAnOption/ : /should NOT have more than 0 items/,
    );
  });

  it('a wrongly typed option is rejected by the schema', () => {
    for (const [index, item] of schema.entries()) {
      for (const key of Object.keys(item.properties ?? {})) {
        const options = [...(meta.defaultOptions ?? [])] as Record<string, unknown>[];
        options[index] = { ...options[index], [key]: { wrong: 'type' } };
        expect(() => lint(plugin, code, { rule, options, filename })).toThrow(new RegExp(`${rule}[^]*should be`));
      }
    }
  });
});
