// One rule means the same name in five places: rule, doc, rule test, codemod, fixture folder.
// Also: docs URLs, the generated configs and the README rules table.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { rules as sourceRules } from '../../src/rules';
import { loadBuiltPlugin, NAMESPACE, ROOT } from './helpers';

const plugin = loadBuiltPlugin();
const ruleNames = Object.keys(sourceRules);
const docsUrl = (rule: string) => `https://github.com/trace-context/eslint-plugin-trace-context/blob/main/docs/rules/${rule}.md`;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

describe('the rule list', () => {
  it('is alphabetical, kebab-case and not empty', () => {
    expect(ruleNames.length).toBeGreaterThan(0);
    expect(ruleNames).toEqual([...ruleNames].sort());
    for (const name of ruleNames) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('is the same in the build (run `npm run build` if this fails)', () => {
    expect(Object.keys(plugin.rules)).toEqual(ruleNames);
  });

  it('has no doc page without a rule', () => {
    const pages = readdirSync(join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
    expect(pages.map((f) => f.slice(0, -3)).sort()).toEqual([...ruleNames].sort());
  });
});

describe.each(ruleNames)('%s', (rule) => {
  const meta = plugin.rules[rule]!.meta;

  it('has a doc page docs/rules/<rule>.md, and meta.docs.url points at it', () => {
    expect(existsSync(join(ROOT, 'docs', 'rules', `${rule}.md`))).toBe(true);
    expect(meta.docs?.url).toBe(docsUrl(rule));
  });

  it('has a rule test tests/rules/<rule>.test.ts', () => {
    expect(existsSync(join(ROOT, 'tests', 'rules', `${rule}.test.ts`))).toBe(true);
  });

  it('has a codemod codemods/<rule>.ts', () => {
    expect(existsSync(join(ROOT, 'codemods', `${rule}.ts`))).toBe(true);
  });

  it('has a fixture folder tests/codemods/fixtures/<rule>/ with input/output pairs', () => {
    const folder = join(ROOT, 'tests', 'codemods', 'fixtures', rule);
    expect(existsSync(folder) && statSync(folder).isDirectory()).toBe(true);
    const files = readdirSync(folder);
    const inputs = files.filter((f) => /\.input\.[cm]?[jt]sx?$/.test(f));
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) expect(files).toContain(input.replace('.input.', '.output.'));
  });

  it('is listed in the README rules table', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`[${rule}](${docsUrl(rule)})`);
  });

  it('has the meta the house style asks for', () => {
    expect(meta.type).toBe('problem');
    expect(meta.docs?.description).toMatch(/^(Require|Disallow) [^]*[^.]$/);
    expect(typeof meta.docs?.recommended).toBe('boolean');
    expect(meta.hasSuggestions).toBe(true);
    expect(meta.fixable, 'rules suggest; the codemod rewrites').toBeUndefined();
    expect(Array.isArray(meta.schema)).toBe(true);
    // Defaults live in meta.defaultOptions; a rule without options has none.
    expect((meta.defaultOptions ?? []).length).toBe((meta.schema as readonly unknown[]).length);
  });
});

describe('plugin object and configs', () => {
  it('has meta name, version and namespace', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: NAMESPACE });
  });

  it('recommended = the rules whose meta.docs.recommended is true; all = every rule', () => {
    const expected = (keep: (rule: string) => boolean) =>
      Object.fromEntries(ruleNames.filter(keep).map((rule) => [`${NAMESPACE}/${rule}`, 'error']));
    expect(plugin.configs.recommended?.rules).toEqual(expected((rule) => plugin.rules[rule]!.meta.docs?.recommended === true));
    expect(plugin.configs.all?.rules).toEqual(expected(() => true));
  });

  it('configs are flat configs that register the plugin under its namespace', () => {
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`${NAMESPACE}/${name}`);
      expect(config.plugins?.[NAMESPACE]).toBe(plugin);
    }
  });
});
