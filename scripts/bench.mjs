// `npm run bench`: what the plugin costs on real code (DESIGN.md §6).
//
//   node scripts/bench.mjs [dir] [--count N] [--pairs N] [--codemod-pairs N] [--no-lint] [--no-codemod]
//
// --pairs: lint rounds (default 3); --codemod-pairs: codemod rounds (default 2); --count: corpus size.
// A round lints the whole corpus three times; on a slow machine that is about a minute.
//
// Corpus: a deterministic sample of node_modules (scripts/corpus.mjs, 3,000 files by default; it
// changes when the lockfile does), or every .js/.ts/.mjs/.cjs file under `dir` (node_modules, dist
// left out). Lint: ESLint's Linter with the plugin's parser set-up; first one pass with `stats` for
// each rule's own time, then rounds of all rules / one rule that registers no listener / no rule at
// all, each run in a fresh process, the order rotating; ratios of CPU time, medians over the rounds.
// Codemod: jscodeshift's Runner (in band, dry) with the built `all` transform against a no-op
// transform that parses and reprints, alternating chunk by chunk, median of the round ratios.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { DEFAULT_EXTENSIONS, pickCorpus, PROJECT_EXCLUDED_DIRS, REPO_ROOT } from './corpus.mjs';

const require = createRequire(join(REPO_ROOT, 'package.json'));

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = 'usage: node scripts/bench.mjs [dir] [--count N] [--pairs N] [--codemod-pairs N] [--no-lint] [--no-codemod]';

class UsageError extends Error {}

function parseArgs(argv) {
  const args = { dir: undefined, count: 3000, pairs: 3, codemodPairs: 2, lint: true, codemod: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[(i += 1)];
      if (next === undefined || !/^\d+$/.test(next)) throw new UsageError(`${arg} needs a positive number`);
      return Number(next);
    };
    if (arg === '--count') args.count = value();
    else if (arg === '--pairs') args.pairs = Math.max(1, value());
    else if (arg === '--codemod-pairs') args.codemodPairs = Math.max(1, value());
    else if (arg === '--no-lint') args.lint = false;
    else if (arg === '--no-codemod') args.codemod = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else args.dir = resolve(arg);
  }
  return args;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const ms = (value) => `${value.toFixed(0)} ms`;
const ratio = (value) => `${value.toFixed(3)}×`;

function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, col) => Math.max(...cells.map((row) => row[col].length)));
  const line = (row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const verdict = (value, target) => `${ratio(value)} (target ≤ ${target.toFixed(2)}×: ${value <= target ? 'met' : 'NOT met'})`;

// ---------------------------------------------------------------------------------------------
// Lint set-up: the same parsers as the plugin's codemod engine

const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
const ESM_FILES = ['**/*.js', '**/*.mjs', '**/*.jsx'];
const CJS_FILES = ['**/*.cjs'];
const SETTINGS = { 'trace-context': { instrumented: [], wrapperModule: 'eslint-plugin-trace-context/wrappers' } };

/** A plugin with one rule that registers no listener: the fair floor (enabling any rule costs). */
const floorPlugin = {
  meta: { name: 'bench-floor' },
  rules: {
    empty: {
      meta: { type: 'problem', schema: [], docs: { description: 'Registers no listener' } },
      create: () => ({}),
    },
  },
};

function loadFlatConfigArray() {
  // ESLint's own CLI builds its config array once; `Linter#verify` with a plain array rebuilds and
  // re-validates it for every file. Use the prebuilt form when this ESLint still has it.
  try {
    const { FlatConfigArray } = require(join(REPO_ROOT, 'node_modules/eslint/lib/config/flat-config-array.js'));
    return FlatConfigArray;
  } catch {
    return undefined;
  }
}

function makeConfigs({ tsParser, plugin }) {
  const FlatConfigArray = loadFlatConfigArray();
  const variants = {
    all: { plugins: { 'trace-context': plugin }, rules: Object.fromEntries(Object.keys(plugin.rules).map((n) => [`trace-context/${n}`, 'error'])) },
    empty: { plugins: { 'bench-floor': floorPlugin }, rules: { 'bench-floor/empty': 'error' } },
    none: undefined,
  };
  const build = (jsSourceType, variant) => {
    const configs = [
      { ignores: ['!**/node_modules/'] },
      { files: TS_FILES, languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } },
      { files: ESM_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: jsSourceType, parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: CJS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
    ];
    if (variant) configs.push({ files: [...TS_FILES, ...ESM_FILES, ...CJS_FILES], settings: SETTINGS, ...variant });
    if (!FlatConfigArray) return configs;
    const array = new FlatConfigArray(configs, { basePath: '/' });
    array.normalizeSync();
    return array;
  };
  const out = {};
  for (const [name, variant] of Object.entries(variants)) {
    out[name] = { module: build('module', variant), commonjs: build('commonjs', variant) };
  }
  return { configs: out, prebuilt: Boolean(FlatConfigArray) };
}

// ---------------------------------------------------------------------------------------------
// Timing. The ratios use CPU time of the measuring process (other processes on a busy machine do
// not count); wall time is shown next to it.

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function chunked(items, size) {
  const chunks = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Every order of the variants, so none always runs first or right after another. */
function permutations(items) {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/**
 * Runs `rounds` rounds; in each, every chunk runs under every variant (order rotating), and each
 * variant's round time is the sum over chunks, so a load change on the machine hits every variant
 * alike. `run(variant, chunk)` may be async.
 */
async function interleave({ variants, chunks, rounds, run, onRound }) {
  const orders = permutations(variants);
  const perRound = [];
  let turn = 0;
  for (let round = 0; round < rounds; round += 1) {
    const totals = Object.fromEntries(variants.map((v) => [v, { cpu: 0, wall: 0 }]));
    for (const chunk of chunks) {
      // No forced garbage collection between runs: it makes V8 drop compiled code and slows the
      // next run by a third; the rotating order spreads each variant's garbage evenly instead.
      for (const variant of orders[turn++ % orders.length]) {
        const c0 = cpuMs();
        const w0 = performance.now();
        await run(variant, chunk);
        totals[variant].cpu += cpuMs() - c0;
        totals[variant].wall += performance.now() - w0;
      }
    }
    perRound.push(totals);
    onRound?.(round, totals);
  }
  const medianOf = (variant, key) => median(perRound.map((t) => t[variant][key]));
  const ratioOf = (a, b) => median(perRound.map((t) => t[a].cpu / t[b].cpu));
  return { perRound, medianOf, ratioOf };
}

// ---------------------------------------------------------------------------------------------
// Lint benchmark

// Inline `/* eslint rule: … */` comments in the corpus would switch on core rules in every variant,
// "no rules" included: they are not honoured here.
const verifyOptions = (file) => ({ filename: file.path, allowInlineConfig: false });

const LINT_VARIANTS = ['all', 'empty', 'none'];
const WORKER_FLAG = '--lint-worker';

/**
 * One timed lint run in a fresh process (`node scripts/bench.mjs --lint-worker <variant> <list>`):
 * loads everything, warms up on a slice, then lints every listed file once and prints its CPU and
 * wall time as JSON. A process per run keeps one variant's JIT state out of another's timings
 * (ESLint with no rules at all is much faster in a process that never ran a rule).
 */
function lintWorker(variant, listFile) {
  const { Linter } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const plugin = require(join(REPO_ROOT, 'dist/src/index.js'));
  const { configs } = makeConfigs({ tsParser, plugin });
  const config = configs[variant];
  const linter = new Linter({ cwd: '/' });
  const files = JSON.parse(readFileSync(listFile, 'utf8')).map(({ path, mode }) => ({ path, mode, source: readFileSync(path, 'utf8') }));
  const lint = (subset) => {
    for (const file of subset) linter.verify(file.source, config[file.mode], verifyOptions(file));
  };
  lint(files.slice(0, Math.min(500, files.length)));
  const c0 = cpuMs();
  const w0 = performance.now();
  lint(files);
  process.stdout.write(`${JSON.stringify({ cpu: cpuMs() - c0, wall: performance.now() - w0 })}\n`);
}

function runLintWorker(variant, listFile) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), WORKER_FLAG, variant, listFile], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`lint worker (${variant}) failed:\n${child.stderr || child.stdout}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

async function lintBench({ files, plugin, rounds, workDir }) {
  const { Linter } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const { configs, prebuilt } = makeConfigs({ tsParser, plugin });
  const linter = new Linter({ cwd: '/' });

  // First pass, in this process, all rules with ESLint's stats: each rule's own time (create() and
  // listeners), and which files parse and how (`.js` retried as CommonJS). The timed runs go without
  // stats, which wrap every listener in a timer.
  const started = performance.now();
  const perRule = Object.fromEntries(Object.keys(plugin.rules).map((n) => [`trace-context/${n}`, 0]));
  let parseMs = 0;
  let totalMs = 0;
  const lintable = [];
  let retried = 0;
  const unparsable = [];
  for (const file of files) {
    const modes = extname(file.path) === '.js' ? ['module', 'commonjs'] : ['module'];
    const mode = modes.find((m) => {
      const { messages } = linter.verifyAndFix(file.source, configs.all[m], { ...verifyOptions(file), stats: true, fix: false });
      return !messages.some((message) => message.fatal);
    });
    if (mode === undefined) {
      unparsable.push(file.name);
      continue;
    }
    if (mode === 'commonjs') retried += 1;
    lintable.push({ path: file.path, mode });
    const pass = linter.getTimes().passes[0];
    if (!pass) continue;
    parseMs += pass.parse?.total ?? 0;
    totalMs += pass.total ?? 0;
    for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
      if (ruleId in perRule) perRule[ruleId] += total;
    }
  }
  console.log(
    `lint: ${lintable.length} of ${files.length} files parse (${retried} only as CommonJS; ` +
      `${unparsable.length} unparsable, left out); stats pass in ${ms(performance.now() - started)}` +
      (prebuilt ? '' : '; config arrays rebuilt per file (FlatConfigArray not found)'),
  );

  const listFile = join(workDir, 'lint-files.json');
  writeFileSync(listFile, JSON.stringify(lintable));
  // Rounds: each variant once per round, in a fresh process, in an order that rotates.
  const orders = permutations(LINT_VARIANTS);
  const perRound = [];
  for (let round = 0; round < rounds; round += 1) {
    const t = {};
    for (const variant of orders[round % orders.length]) t[variant] = runLintWorker(variant, listFile);
    perRound.push(t);
    console.log(
      `  round ${round + 1}/${rounds} (CPU): all rules ${ms(t.all.cpu)}, one empty rule ${ms(t.empty.cpu)}, ` +
        `no rules ${ms(t.none.cpu)} → ${ratio(t.all.cpu / t.empty.cpu)} / ${ratio(t.all.cpu / t.none.cpu)}`,
    );
  }

  return {
    files: lintable.length,
    medianOf: (variant, key) => median(perRound.map((t) => t[variant][key])),
    vsEmpty: median(perRound.map((t) => t.all.cpu / t.empty.cpu)),
    vsNone: median(perRound.map((t) => t.all.cpu / t.none.cpu)),
    floorVsNone: median(perRound.map((t) => t.empty.cpu / t.none.cpu)),
    perRule,
    parseMs,
    totalMs,
  };
}

// ---------------------------------------------------------------------------------------------
// Codemod benchmark

const NOOP_TRANSFORM = `// Written by scripts/bench.mjs: parse and reprint, the floor for a jscodeshift transform.
module.exports = function noop(file, api) {
  const parser = /\\.tsx$/.test(file.path) ? 'tsx' : /\\.[cm]?ts$/.test(file.path) ? 'ts' : 'babel';
  return api.jscodeshift.withParser(parser)(file.source).toSource();
};
`;

async function codemodBench({ files, rounds, workDir }) {
  const codemod = join(REPO_ROOT, 'dist/codemods/all.js');
  if (!existsSync(codemod)) {
    console.log(`codemod: skipped (${relative(REPO_ROOT, codemod)} is not built)`);
    return undefined;
  }
  const noop = join(workDir, 'noop-transform.cjs');
  writeFileSync(noop, NOOP_TRANSFORM);
  const transforms = { codemod, noop };

  const Runner = require('jscodeshift/src/Runner.js');
  const createWorker = require('jscodeshift/src/Worker.js');
  const options = {
    runInBand: true,
    dry: true,
    silent: true,
    babel: false,
    verbose: 0,
    extensions: 'js,jsx,mjs,cjs,ts,tsx,mts,cts',
  };
  const outcomes = { codemod: { ok: 0, nochange: 0, skip: 0, error: 0 }, noop: { ok: 0, nochange: 0, skip: 0, error: 0 } };
  let counting = false; // outcomes are counted over the first timed round only

  const runChunk = async (variant, paths) => {
    const result = await Runner.run(transforms[variant], paths, options);
    // In band, every run talks to the same in-process worker: drop this run's listeners from it.
    const worker = createWorker([transforms[variant], 'no-babel']);
    worker.removeAllListeners('message');
    worker.removeAllListeners('disconnect');
    if (counting) for (const key of Object.keys(outcomes[variant])) outcomes[variant][key] += result[key] ?? 0;
  };

  const paths = files.map((file) => file.path);
  const started = performance.now();
  const slice = paths.slice(0, Math.min(200, paths.length));
  await runChunk('codemod', slice);
  await runChunk('noop', slice);
  console.log(`codemod: warmed up in ${ms(performance.now() - started)}`);
  counting = true;

  const chunks = chunked(paths, 500);
  const { medianOf, ratioOf } = await interleave({
    variants: ['codemod', 'noop'],
    chunks,
    rounds,
    run: async (variant, chunk) => {
      await runChunk(variant, chunk);
    },
    onRound: (round, t) => {
      counting = false;
      console.log(
        `  round ${round + 1}/${rounds} (CPU): codemod all ${ms(t.codemod.cpu)}, no-op ${ms(t.noop.cpu)} → ` +
          ratio(t.codemod.cpu / t.noop.cpu),
      );
    },
  });
  return { medianOf, ratio: ratioOf('codemod', 'noop'), outcomes };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (process.argv[2] === WORKER_FLAG) {
    lintWorker(process.argv[3], process.argv[4]);
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  const workDir = join(REPO_ROOT, 'tests/.tmp/bench');
  mkdirSync(workDir, { recursive: true });
  const built = join(REPO_ROOT, 'dist/src/index.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` (npm run bench does).`);
  const plugin = require(built);

  const started = performance.now();
  const paths = args.dir
    ? pickCorpus({ root: args.dir, count: Number.POSITIVE_INFINITY, extensions: DEFAULT_EXTENSIONS, excludedDirs: PROJECT_EXCLUDED_DIRS })
    : pickCorpus({ count: args.count });
  if (paths.length === 0) throw new Error(`no .js/.ts/.mjs/.cjs files under ${args.dir}`);
  const files = paths.map((path) => ({ path, name: relative(REPO_ROOT, path), source: readFileSync(path, 'utf8') }));
  const bytes = files.reduce((sum, f) => sum + f.source.length, 0);
  const byExt = {};
  for (const f of files) byExt[extname(f.path)] = (byExt[extname(f.path)] ?? 0) + 1;
  console.log(
    `corpus: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB ` +
      `(${Object.entries(byExt).map(([e, n]) => `${n} ${e}`).join(', ')}) from ` +
      `${args.dir ?? 'node_modules (scripts/corpus.mjs)'}, picked in ${ms(performance.now() - started)}`,
  );
  console.log(
    `rules: ${Object.keys(plugin.rules).join(', ')}; ${args.pairs} lint rounds, ${args.codemodPairs} codemod rounds; Node ${process.version}\n`,
  );

  const lint = args.lint ? await lintBench({ files, plugin, rounds: args.pairs, workDir }) : undefined;
  const codemod = args.codemod ? await codemodBench({ files, rounds: args.codemodPairs, workDir }) : undefined;

  const timeRow = (label, result, variant, count) => {
    const cpu = result.medianOf(variant, 'cpu');
    return [label, ms(cpu), `${(cpu / count).toFixed(3)} ms`, ms(result.medianOf(variant, 'wall'))];
  };
  console.log('\n=== results ===');
  if (lint) {
    console.log(`\nlint, ${lint.files} files, medians over ${args.pairs} rounds`);
    console.log(
      table(
        ['run', 'CPU', 'CPU per file', 'wall'],
        [
          timeRow('all rules', lint, 'all', lint.files),
          timeRow('one rule with no listener', lint, 'empty', lint.files),
          timeRow('no rules', lint, 'none', lint.files),
        ],
      ),
    );
    console.log('\neach rule: create() and listeners (ESLint stats, from the first pass)');
    console.log(
      table(
        ['rule', 'time', 'per file', 'share of lint'],
        [
          ...Object.entries(lint.perRule).map(([rule, total]) => [
            rule,
            `${total.toFixed(1)} ms`,
            `${((total / lint.files) * 1000).toFixed(1)} µs`,
            `${((total / lint.totalMs) * 100).toFixed(2)} %`,
          ]),
          [
            '(parsing, for scale)',
            ms(lint.parseMs),
            `${((lint.parseMs / lint.files) * 1000).toFixed(0)} µs`,
            `${((lint.parseMs / lint.totalMs) * 100).toFixed(1)} %`,
          ],
        ],
      ),
    );
  }
  if (codemod) {
    const describe = (o) => `${o.ok} changed, ${o.nochange} unchanged, ${o.skip} skipped, ${o.error} errors`;
    console.log(`\ncodemod through jscodeshift's Runner (in band, dry), ${files.length} files, medians over ${args.codemodPairs} rounds`);
    console.log(
      table(
        ['transform', 'CPU', 'CPU per file', 'wall', 'outcome'],
        [
          [...timeRow('all (dist/codemods/all.js)', codemod, 'codemod', files.length), describe(codemod.outcomes.codemod)],
          [...timeRow('no-op parse + reprint', codemod, 'noop', files.length), describe(codemod.outcomes.noop)],
        ],
      ),
    );
  }
  console.log('\ntargets (ratios of CPU time, median over rounds)');
  if (lint) {
    console.log(`  all rules ÷ one empty rule: ${verdict(lint.vsEmpty, 1.05)}`);
    console.log(`  all rules ÷ no rules:       ${verdict(lint.vsNone, 1.2)}`);
    console.log(`  (ESLint's own cost of enabling any rule, one empty rule ÷ no rules: ${ratio(lint.floorVsNone)})`);
  }
  if (codemod) console.log(`  codemod all ÷ no-op:        ${verdict(codemod.ratio, 0.5)}`);
  else if (args.codemod) console.log('  codemod all ÷ no-op:        skipped (dist/codemods/all.js is not built)');
  console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
