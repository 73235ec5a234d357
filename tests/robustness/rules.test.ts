// Every rule, and the `all` codemod, over a few thousand real files nobody here wrote (a deterministic
// sample of node_modules, scripts/corpus.mjs). Nothing may throw; every file the codemod changes must
// still parse. A file that its parser rejects is retried (`.js` as CommonJS), then skipped and counted.
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';

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
      const reports = new Map<string, number>();
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
          for (const { ruleId } of messages) if (ruleId?.startsWith('trace-context/')) reports.set(ruleId, (reports.get(ruleId) ?? 0) + 1);
          parsed = true;
          linted += 1;
          if (mode !== 'default') retried += 1;
          break;
        }
        if (!parsed) unparsable.push(file.name);
      }

      console.info(
        `rules over ${harness.files.length} files: ${linted} linted (${retried} as CommonJS after a module parse error), ` +
          `${unparsable.length} unparsable and skipped, ${eslintInternal} crashed inside ESLint itself; ` +
          `reports: ${JSON.stringify(Object.fromEntries(reports))}`,
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
  const noCodemod = !existsSync(codemodSource) && !existsSync(codemodBuilt);

  it.skipIf(noCodemod)(
    'the `all` codemod crashes on no file and every file it changes still parses',
    async () => {
      const transform = loadCodemod(harness);
      const linter = new Linter({ cwd: '/' });

      const crashes: string[] = [];
      const brokenOutputs: string[] = [];
      let changed = 0;
      let unchanged = 0;
      let skipped = 0;
      let parseErrors = 0;

      for (const file of harness.files) {
        let output: unknown;
        try {
          output = await transform({ path: file.path, source: file.source }, CODEMOD_API, {});
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
        if (output === undefined || output === null) {
          skipped += 1;
          continue;
        }
        if (typeof output !== 'string') {
          crashes.push(`${file.name}: the transform returned ${typeof output}, not a string`);
          continue;
        }
        if (output === file.source) {
          unchanged += 1;
          continue;
        }
        changed += 1;
        const problem = parseProblem(linter, file.path, file.source, output);
        if (problem) brokenOutputs.push(`${file.name}:${problem}`);
      }

      console.info(
        `codemod over ${harness.files.length} files: ${changed} changed, ${unchanged} linted and unchanged, ` +
          `${skipped} skipped by the cheap exit, ${parseErrors} rejected as unparsable`,
      );
      expect(crashes).toEqual([]);
      expect(brokenOutputs).toEqual([]);
    },
    TIMEOUT,
  );

  // The corpus holds almost no scheduled jobs, so the paths that edit a file would go untested: append
  // one to a fifth of the files (in the file's own module system and line endings) and check that the
  // codemod fixes it, keeps every original byte, produces code that parses, and is stable when re-run.
  it.skipIf(noCodemod)(
    'the `all` codemod fixes a job appended to real files without touching their own code',
    async () => {
      const transform = loadCodemod(harness);
      const linter = new Linter({ cwd: '/' });
      const sample = harness.files.filter((_, index) => index % 5 === 0);

      const crashes: string[] = [];
      const unfixed: string[] = [];
      const brokenOutputs: string[] = [];
      const alteredOriginals: string[] = [];
      const unstable: string[] = [];

      for (const [index, file] of sample.entries()) {
        const input = withAppendedJob(file.path, file.source, index);
        let output: unknown;
        let again: unknown;
        try {
          output = await transform({ path: file.path, source: input }, CODEMOD_API, {});
          if (typeof output === 'string' && output !== input) {
            again = await transform({ path: file.path, source: output }, CODEMOD_API, {});
          }
        } catch (error) {
          crashes.push(`${file.name}: ${firstLine(error)}`);
          continue;
        }
        if (typeof output !== 'string' || output === input) {
          unfixed.push(file.name);
          continue;
        }
        const problem = parseProblem(linter, file.path, input, output);
        if (problem) brokenOutputs.push(`${file.name}:${problem}`);
        if (!isSubsequence(file.source, output)) alteredOriginals.push(file.name);
        if (again !== undefined && again !== output) unstable.push(file.name);
      }

      const fixed = sample.length - crashes.length - unfixed.length;
      console.info(
        `appended jobs in ${sample.length} files: ${fixed} fixed, ${unfixed.length} left alone` +
          (unfixed.length > 0 ? ` (e.g. ${unfixed.slice(0, 5).join(', ')})` : ''),
      );
      expect(crashes).toEqual([]);
      expect(brokenOutputs).toEqual([]);
      expect(alteredOriginals).toEqual([]);
      expect(unstable).toEqual([]);
      // Files the rule treats as test or browser code may be left alone; most are plain server code.
      expect(fixed).toBeGreaterThanOrEqual(sample.length * 0.5);
    },
    TIMEOUT,
  );
});

const CODEMOD_API = { j: undefined as unknown, jscodeshift: undefined as unknown, stats: () => {}, report: () => {} };

function loadCodemod(h: Harness): Transform {
  const built = join(h.root, 'dist/codemods/all.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does).`);
  const loaded = h.requireFromRoot(built) as Transform | { default: Transform };
  CODEMOD_API.j = CODEMOD_API.jscodeshift = h.requireFromRoot('jscodeshift');
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/** Why `output` does not parse (`line:column: message`), read the way `input` parses; or `undefined`. */
function parseProblem(linter: Linter, path: string, input: string, output: string): string | undefined {
  const mode = workingParseMode(linter, path, input) ?? 'default';
  const fatal = fatalMessage(linter.verify(output, buildConfig(mode === 'commonjs' ? 'commonjs' : 'module'), { filename: path }));
  return fatal ? `${fatal.line}:${fatal.column}: ${fatal.message}` : undefined;
}

/** True when every character of `original` occurs in `output` in order (the edits only inserted). */
function isSubsequence(original: string, output: string): boolean {
  let at = 0;
  for (let i = 0; i < output.length && at < original.length; i += 1) {
    if (output[i] === original[at]) at += 1;
  }
  return at === original.length;
}

/**
 * The file with a node-cron job (or, in every other TypeScript file, an @nestjs/schedule `@Cron`
 * method) appended in the file's module system and line endings. Local names are chosen so they
 * do not clash with the file's own.
 */
function withAppendedJob(path: string, source: string, index: number): string {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const ext = extname(path);
  const isEsm =
    ext === '.mjs' || ext === '.ts' || (ext !== '.cjs' && /^[ \t]*(?:import\s*[\w{*'"]|export\s)/m.test(source));
  const job = [
    "robustnessCron.schedule('0 3 * * *', async () => {",
    '  await Promise.resolve();',
    '});',
  ];
  let lines: string[];
  if (ext === '.ts' && index % 2 === 1) {
    lines = [
      "import { Cron } from '@nestjs/schedule';",
      'export class RobustnessJobs {',
      "  @Cron('0 3 * * *')",
      '  async nightly(): Promise<void> {',
      '    await Promise.resolve();',
      '  }',
      '}',
    ];
  } else if (isEsm) {
    lines = ["import robustnessCron from 'node-cron';", ...job];
  } else {
    lines = ["const robustnessCron = require('node-cron');", ...job];
  }
  const separator = source.endsWith('\n') ? eol : eol + eol;
  return source + separator + lines.join(eol) + eol;
}

type Transform = (
  file: { path: string; source: string },
  api: Record<string, unknown>,
  options: Record<string, unknown>,
) => unknown;
