// Every rule, and the `all` codemod, over a few thousand real files nobody here wrote (a deterministic
// sample of node_modules, scripts/corpus.mjs). Nothing may throw; every file the codemod changes must
// still parse. A file that its parser rejects is retried (`.js` as CommonJS), then skipped and counted.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Harness, ParseMode } from './harness';
import {
  allRules,
  buildConfig,
  configProblem,
  CORPUS_SIZE,
  fatalMessage,
  firstLine,
  loadHarness,
  parseModesFor,
  workingParseMode,
} from './harness';

const TIMEOUT = 180_000;

let harness: Harness;

beforeAll(async () => {
  harness = await loadHarness();
}, 60_000);

describe('robustness over real files from node_modules', () => {
  it('samples enough files', () => {
    expect(harness.files.length).toBeGreaterThanOrEqual(CORPUS_SIZE);
    expect(Object.keys(harness.plugin.rules).length).toBeGreaterThan(0);
  });

  it(
    'no rule throws on any file',
    () => {
      const linter = new Linter({ cwd: '/' });
      const rules = allRules(harness.plugin);
      const withRules = {
        default: buildConfig('module', harness.plugin, rules),
        commonjs: buildConfig('commonjs', harness.plugin, rules),
      } satisfies Record<ParseMode, Linter.Config[]>;
      const crashes: string[] = [];
      const harnessProblems: string[] = [];
      const unparsable: string[] = [];
      let linted = 0;
      let retried = 0;
      let eslintInternal = 0;

      for (const file of harness.files) {
        let parsed = false;
        for (const mode of parseModesFor(file.path)) {
          let messages: Linter.LintMessage[];
          try {
            messages = linter.verify(file.source, withRules[mode], { filename: file.path });
          } catch (error) {
            // Whose fault? The same file without the plugin's rules tells ESLint's own crashes apart.
            const without = mode === 'commonjs' ? buildConfig('commonjs') : buildConfig('module');
            try {
              linter.verify(file.source, without, { filename: file.path });
            } catch {
              eslintInternal += 1;
              parsed = true;
              break;
            }
            const ruleId = (error as { ruleId?: string }).ruleId ?? 'unknown rule';
            crashes.push(`${file.name} (${mode}): ${ruleId}: ${firstLine(error)}`);
            parsed = true;
            break;
          }
          const problem = configProblem(messages);
          if (problem) harnessProblems.push(`${file.name}: ${problem.message}`);
          if (fatalMessage(messages)) continue;
          parsed = true;
          linted += 1;
          if (mode !== 'default') retried += 1;
          break;
        }
        if (!parsed) unparsable.push(file.name);
      }

      console.info(
        `rules over ${harness.files.length} files: ${linted} linted (${retried} as CommonJS after a module parse error), ` +
          `${unparsable.length} unparsable and skipped, ${eslintInternal} crashed inside ESLint itself`,
      );
      expect(harnessProblems).toEqual([]);
      expect(crashes).toEqual([]);
      // The sample is real code: almost all of it must parse, or the parser set-up is wrong.
      expect(linted).toBeGreaterThanOrEqual(harness.files.length * 0.95);
    },
    TIMEOUT,
  );

  const codemodSource = join(__dirname, '../../codemods/all.ts');
  const codemodBuilt = join(__dirname, '../../dist/codemods/all.js');

  it.skipIf(!existsSync(codemodSource) && !existsSync(codemodBuilt))(
    'the `all` codemod crashes on no file and every file it changes still parses',
    async () => {
      if (!existsSync(codemodBuilt)) throw new Error(`${codemodBuilt} is missing: run \`npm run build\` first.`);
      const loaded = harness.requireFromRoot(codemodBuilt) as Transform | { default: Transform };
      const transform = typeof loaded === 'function' ? loaded : loaded.default;
      const j = harness.requireFromRoot('jscodeshift') as (source: string) => unknown;
      const api = { j, jscodeshift: j, stats: () => {}, report: () => {} };
      const linter = new Linter({ cwd: '/' });

      const crashes: string[] = [];
      const brokenOutputs: string[] = [];
      let changed = 0;
      let unchanged = 0;
      let parseErrors = 0;

      for (const file of harness.files) {
        let output: unknown;
        try {
          output = await transform({ path: file.path, source: file.source }, api, {});
        } catch (error) {
          // Allowed only for a file that does not parse in one of the ways it may be read.
          const parsesEverywhere = parseModesFor(file.path).every(
            (mode) =>
              !fatalMessage(linter.verify(file.source, buildConfig(mode === 'commonjs' ? 'commonjs' : 'module'), { filename: file.path })),
          );
          if (parsesEverywhere) crashes.push(`${file.name}: ${firstLine(error)}`);
          else parseErrors += 1;
          continue;
        }
        if (output === undefined || output === null || output === file.source) {
          unchanged += 1;
          continue;
        }
        if (typeof output !== 'string') {
          crashes.push(`${file.name}: the transform returned ${typeof output}, not a string`);
          continue;
        }
        changed += 1;
        const inputMode = workingParseMode(linter, file.path, file.source) ?? 'default';
        const messages = linter.verify(output, buildConfig(inputMode === 'commonjs' ? 'commonjs' : 'module'), {
          filename: file.path,
        });
        const fatal = fatalMessage(messages);
        if (fatal) brokenOutputs.push(`${file.name}:${fatal.line}:${fatal.column}: ${fatal.message}`);
      }

      console.info(
        `codemod over ${harness.files.length} files: ${changed} changed, ${unchanged} unchanged, ` +
          `${parseErrors} rejected as unparsable`,
      );
      expect(crashes).toEqual([]);
      expect(brokenOutputs).toEqual([]);
    },
    TIMEOUT,
  );
});

type Transform = (
  file: { path: string; source: string },
  api: Record<string, unknown>,
  options: Record<string, unknown>,
) => unknown;
