// Every ❌ example of a rule doc triggers the rule, every ✅ example does not, and each codemod
// **Before** / **After** pair is what applying the rule's suggestions one by one produces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { DocExample } from './markdown';
import { extractExamples } from './markdown';
import { applySuggestions, lint, loadBuiltPlugin, ROOT, serverFileName } from './helpers';

const plugin = loadBuiltPlugin();

function runFor(rule: string, example: DocExample) {
  return {
    rule,
    options: example.options,
    settings: example.settings,
    filename: example.filename
      ? join(process.cwd(), 'virtual-service', example.filename)
      : serverFileName(example.language, `doc-line-${example.line}`),
  };
}

const describeExample = (example: DocExample) => `${example.kind} example at line ${example.line}`;

for (const rule of Object.keys(plugin.rules)) {
  const docPath = join(ROOT, 'docs', 'rules', `${rule}.md`);
  const markdown = readFileSync(docPath, 'utf8');
  const { examples, unmarked } = extractExamples(markdown);

  describe(`docs/rules/${rule}.md`, () => {
    it('has ❌ and ✅ examples, and every example block is marked', () => {
      expect(examples.filter((e) => e.kind === 'invalid').length).toBeGreaterThan(0);
      expect(examples.filter((e) => e.kind === 'valid').length).toBeGreaterThan(0);
      expect(unmarked, 'ts/js blocks under "## Examples" without a ❌ or ✅ line above them').toEqual([]);
    });

    for (const example of examples.filter((e) => e.kind === 'invalid' || e.kind === 'valid')) {
      it(describeExample(example), () => {
        const messages = lint(plugin, example.code, runFor(rule, example));
        expect(messages.filter((m) => m.fatal), 'the example parses').toEqual([]);
        const reports = messages.filter((m) => m.ruleId === `trace-context/${rule}`);
        if (example.kind === 'invalid') {
          expect(reports.length, `❌ example must be reported:\n${example.code}`).toBeGreaterThan(0);
        } else {
          expect(reports, `✅ example must not be reported:\n${example.code}`).toEqual([]);
        }
      });
    }

    const befores = examples.filter((e) => e.kind === 'before');
    const afters = examples.filter((e) => e.kind === 'after');
    it('pairs every **Before** block with an **After** block', () => {
      expect(befores.length).toBe(afters.length);
    });
    befores.forEach((before, index) => {
      const after = afters[index];
      if (!after) return;
      it(`codemod before/after at lines ${before.line}/${after.line}`, () => {
        const run = runFor(rule, before);
        expect(lint(plugin, before.code, run).filter((m) => m.ruleId === `trace-context/${rule}`).length).toBeGreaterThan(0);
        expect(applySuggestions(plugin, before.code, run)).toBe(after.code);
        expect(lint(plugin, after.code, runFor(rule, after))).toEqual([]);
      });
    });
  });
}
