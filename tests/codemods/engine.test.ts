// The codemod engine's machinery (passes, overlaps, BOM, parse errors, findings left for manual
// work, the cheap exit), checked with a throwaway rule so it does not depend on any real rule.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, repoRoot } from './support';

interface EngineModule {
  applyRuleSuggestions(
    source: string,
    filePath: string,
    options: { rules: readonly string[]; settings: unknown; maxPasses?: number; plugin?: { rules: Record<string, Rule.RuleModule> } },
  ): {
    output: string;
    changed: boolean;
    linted: boolean;
    applied: number;
    passes: number;
    manual: { line: number; column: number; ruleId: string; message: string; reason: string }[];
  };
  MAX_PASSES: number;
}

const requireFromRoot = createRequire(join(repoRoot, 'package.json'));
let engine: EngineModule;
let settings: unknown;

beforeAll(() => {
  ensureBuilt();
  engine = requireFromRoot(join(repoRoot, 'dist/codemods/lib/engine.js')) as EngineModule;
  settings = (requireFromRoot(join(repoRoot, 'dist/src/settings.js')) as { DEFAULT_SETTINGS: unknown }).DEFAULT_SETTINGS;
});

/**
 * `job(x)` → suggestion `job(wrap(x))` plus `import { wrap } from 'w';` at the top when missing (one
 * suggestion, so two of them overlap in a file without the import); `manual()` → a report without
 * suggestion; `grow()` → a suggestion that never makes the report go away; `breakIt()` → a
 * suggestion that produces code that does not parse.
 */
const throwaway: Rule.RuleModule = {
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: { description: 'test rule' },
    messages: { found: 'found {{name}}', fix: 'fix {{name}}' },
    schema: [],
  },
  create(context) {
    const source = context.sourceCode;
    const hasImport = /(from|require\()\s*'w'/.test(source.text);
    const importLine = source.ast.sourceType === 'module' ? "import { wrap } from 'w';\n" : "const { wrap } = require('w');\n";
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier') return;
        const name = node.callee.name;
        const arg = node.arguments[0];
        if (name === 'job' && arg && !(arg.type === 'CallExpression' && arg.callee.type === 'Identifier' && arg.callee.name === 'wrap')) {
          context.report({
            node: node.callee,
            messageId: 'found',
            data: { name },
            suggest: [
              {
                messageId: 'fix',
                data: { name },
                fix: (fixer) => [
                  ...(hasImport ? [] : [fixer.insertTextBeforeRange([0, 0], importLine)]),
                  fixer.insertTextBefore(arg, 'wrap('),
                  fixer.insertTextAfter(arg, ')'),
                ],
              },
            ],
          });
        } else if (name === 'manual') {
          context.report({ node: node.callee, messageId: 'found', data: { name } });
        } else if (name === 'grow') {
          context.report({
            node: node.callee,
            messageId: 'found',
            data: { name },
            suggest: [{ messageId: 'fix', data: { name }, fix: (fixer) => fixer.insertTextAfter(node, ' /* again */') }],
          });
        } else if (name === 'breakIt') {
          context.report({
            node: node.callee,
            messageId: 'found',
            data: { name },
            suggest: [{ messageId: 'fix', data: { name }, fix: (fixer) => fixer.insertTextAfter(node, ' )(') }],
          });
        }
      },
    };
  },
};

const tokenized: Rule.RuleModule = { ...throwaway, meta: { ...throwaway.meta, docs: { description: 'tokens', tokens: ['job'] } as never } };
const testPlugin = { rules: { throwaway, tokenized } };

function apply(source: string, file = '/tmp/trace-context-engine/a.ts', extra: { maxPasses?: number; rule?: string } = {}) {
  return engine.applyRuleSuggestions(source, file, {
    rules: [extra.rule ?? 'throwaway'],
    settings,
    plugin: testPlugin,
    maxPasses: extra.maxPasses,
  });
}

describe('applying suggestions', () => {
  it('applies overlapping suggestions over several passes and non-overlapping ones together', () => {
    const result = apply('job(a);\njob(b);\njob(c);\n');
    expect(result.output).toBe("import { wrap } from 'w';\njob(wrap(a));\njob(wrap(b));\njob(wrap(c));\n");
    // Pass 1: the three suggestions all start at offset 0 (the import): one is taken. Pass 2: the other two.
    expect(result.passes).toBe(2);
    expect(result.applied).toBe(3);
    expect(result.changed).toBe(true);
    expect(result.manual).toEqual([]);
  });

  it('returns the source itself when nothing is reported', () => {
    const source = "import { wrap } from 'w';\njob(wrap(a));\n";
    expect(apply(source)).toMatchObject({ output: source, changed: false, linted: true, passes: 0 });
  });

  it('keeps a BOM and CRLF line endings', () => {
    const result = apply("\uFEFFimport { wrap } from 'w';\r\njob(a);\r\n// end\r\n");
    expect(result.output).toBe("\uFEFFimport { wrap } from 'w';\r\njob(wrap(a));\r\n// end\r\n");
  });

  it('keeps a shebang after a BOM', () => {
    const result = apply("\uFEFF#!/usr/bin/env node\nimport { wrap } from 'w';\njob(a);\n", '/tmp/trace-context-engine/a.js');
    expect(result.output).toBe("\uFEFF#!/usr/bin/env node\nimport { wrap } from 'w';\njob(wrap(a));\n");
  });

  it('honours eslint-disable comments', () => {
    const source = "import { wrap } from 'w';\n// eslint-disable-next-line trace-context/throwaway\njob(a);\njob(b);\n";
    expect(apply(source).output).toBe("import { wrap } from 'w';\n// eslint-disable-next-line trace-context/throwaway\njob(a);\njob(wrap(b));\n");
  });

  it('lists reports without a suggestion for manual work, with positions in the output', () => {
    const result = apply('job(a);\n  manual(b);\n');
    expect(result.output).toBe("import { wrap } from 'w';\njob(wrap(a));\n  manual(b);\n");
    expect(result.manual).toEqual([
      { line: 3, column: 3, ruleId: 'trace-context/throwaway', message: 'found manual', reason: 'no suggestion' },
    ]);
  });

  it('stops after the pass limit and lists what is still reported', () => {
    const result = apply('grow();\n', undefined, { maxPasses: 3 });
    expect(result.passes).toBe(3);
    expect(result.output).toBe('grow() /* again */ /* again */ /* again */;\n');
    expect(result.manual).toEqual([expect.objectContaining({ line: 1, column: 1, reason: 'suggestion not applied' })]);
  });

  it('caps the passes at 20 by default', () => {
    expect(engine.MAX_PASSES).toBe(20);
    expect(apply('grow();\n').passes).toBe(20);
  });

  it('refuses a suggestion that breaks the code', () => {
    expect(() => apply('breakIt();\n', 'src/broken.ts')).toThrow(
      /^src\/broken\.ts: applying the suggestions of trace-context\/throwaway produced code that does not parse \(pass 1: .+\); the file was left unchanged$/,
    );
  });
});

describe('parsing', () => {
  it('reports a file that does not parse with its path, the parser message and the position', () => {
    expect(() => apply('job(a);\nconst = 1;\n', 'src/bad.ts')).toThrow(/^src\/bad\.ts: Parsing error: .+ \(2:\d+\)$/);
  });

  it.each([
    ['a.ts', 'const x = <T,>(y: T) => y;\njob(x as unknown);\n'],
    ['a.tsx', 'const el = <div>{job(a)}</div>;\n'],
    ['a.mts', 'const x: number = 1;\njob(x);\n'],
    ['a.cts', 'import fs = require("fs");\njob(fs);\n'],
    ['a.jsx', 'const el = <div>{job(a)}</div>;\n'],
    ['a.mjs', 'export const x = await job(a);\n'],
    ['a.cjs', 'const a = require("a");\nif (!a) return;\njob(a);\n'],
    ['a.js', 'import a from "a";\njob(a);\n'],
  ])('parses %s with the right parser and source type', (file, source) => {
    const result = apply(source, `/tmp/trace-context-engine/${file}`);
    expect(result.changed).toBe(true);
    expect(result.output).toContain('job(wrap(');
  });

  it('reads a .js file that is not a module as CommonJS', () => {
    const result = apply('const a = require("a");\nif (!a) return;\nwith (a) job(b);\n', '/tmp/trace-context-engine/legacy.js');
    expect(result.output).toBe("const { wrap } = require('w');\nconst a = require(\"a\");\nif (!a) return;\nwith (a) job(wrap(b));\n");
  });

  it('lints files anywhere, node_modules included', () => {
    expect(apply('job(a);\n', '/tmp/elsewhere/node_modules/pkg/index.ts').changed).toBe(true);
    expect(apply('job(a);\n', 'relative/dir/file.ts').changed).toBe(true);
  });

  it('rejects an extension it has no parser set-up for', () => {
    expect(() => apply('job(a)', '/tmp/trace-context-engine/a.vue')).toThrow(/unsupported extension '\.vue'/);
  });
});

describe('the cheap exit', () => {
  it('skips a file that contains none of the rule tokens, without parsing it', () => {
    const result = apply('this is not even JavaScript (', undefined, { rule: 'tokenized' });
    expect(result).toMatchObject({ linted: false, changed: false, output: 'this is not even JavaScript (' });
  });

  it('lints a file that contains a token', () => {
    expect(apply('job(a);\n', undefined, { rule: 'tokenized' }).changed).toBe(true);
  });
});
