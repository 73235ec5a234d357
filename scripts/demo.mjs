// `npm run demo`: the plugin on the example service in examples/scheduled-service, on a temporary copy
// under tests/.tmp/demo (inside the repository, so the copy resolves this repository's node_modules).
// Prints the ESLint findings, the codemod's diff, and the trace trees of one run before and after.
// Each mode adds its part as another entry in `sections`.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const require = createRequire(import.meta.url);
const { traceTrees } = require('../tests/helpers/trace-tree.cjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/codemods/cli.js');
const example = join(root, 'examples/scheduled-service');
const work = join(root, 'tests/.tmp/demo');
const original = join(work, 'original');
const rewritten = join(work, 'scheduled-service');

const color = process.env.FORCE_COLOR !== undefined ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const style = (codes) => (text) => (color ? `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m` : text);
const bold = style([1, 22]);
const dim = style([2, 22]);
const cyan = style([36, 39]);
const indent = (text, by = '  ') => text.replace(/^(?=.)/gm, by);

/** Runs one of the example's entry points and returns the spans it printed. */
function runOnce(dir) {
  const stdout = execFileSync(process.execPath, ['run-once.js'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  const line = stdout.split('\n').find((text) => text.startsWith('SPANS '));
  if (!line) throw new Error(`run-once.js printed no spans:\n${stdout}`);
  return JSON.parse(line.slice('SPANS '.length));
}

const sections = [
  {
    title: 'Mode 4 · scheduled-job-tracing: ESLint findings',
    intro: 'What `eslint .` reports in the example (its eslint.config.js uses traceContext.configs.recommended).',
    async run() {
      const eslint = new ESLint({ cwd: rewritten });
      const results = await eslint.lintFiles(['.']);
      for (const result of results) result.filePath = relative(rewritten, result.filePath);
      const formatter = await eslint.loadFormatter('stylish');
      const text = await formatter.format(results, { color });
      return text.trim() ? text.replace(/^(?:\u001b\[0m)?\n+/, '').trimEnd() : 'No findings.';
    },
  },
  {
    title: 'Mode 4 · scheduled-job-tracing: the codemod',
    intro: '`trace-context-codemod scheduled-job-tracing <copy> --force`, then `git diff` against the original.',
    async run() {
      const codemod = spawnSync(process.execPath, [cli, 'scheduled-job-tracing', rewritten, '--force'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: color ? '1' : '0' },
      });
      const summary = `${codemod.stdout}${codemod.stderr}`.trim();
      if (codemod.status !== 0) throw new Error(`the codemod exited with status ${codemod.status}:\n${summary}`);
      const diff = spawnSync(
        'git',
        ['diff', '--no-index', `--color=${color ? 'always' : 'never'}`, '--', 'original', 'scheduled-service'],
        { cwd: work, encoding: 'utf8' },
      );
      if (diff.status !== 0 && diff.status !== 1) throw new Error(`git diff failed:\n${diff.stderr}`);
      const patch = diff.stdout.replaceAll('a/original/', 'a/').replaceAll('b/scheduled-service/', 'b/');
      return [summary, patch.trim() || 'No changes.'].filter(Boolean).join('\n\n');
    },
  },
  {
    title: 'Mode 4 · scheduled-job-tracing: traces of one run, before',
    intro:
      'The service starts inside a `startup` span, then each job runs once through its library (node-cron `execute()`,\n' +
      'cron `fireOnTick()`) and the poller ticks twice. Without a root span per run, runs started by a timer that was\n' +
      'armed at start-up join the start-up trace, and the others fall apart into one trace per database call.\n' +
      '(The NestJS class is linted and rewritten above but not run: @nestjs/schedule is not installed.)',
    async run() {
      return traceTrees(runOnce(original), { color });
    },
  },
  {
    title: 'Mode 4 · scheduled-job-tracing: traces of one run, after',
    intro: 'The same run on the rewritten copy: every job run is a root trace of its own, with its work inside it.',
    async run() {
      return traceTrees(runOnce(rewritten), { color });
    },
  },
];

function prepare() {
  if (!existsSync(cli)) throw new Error('dist/ is missing: run `npm run build` first (`npm run demo` does).');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  // Installed the way `npm install eslint-plugin-trace-context` would, but pointing at this checkout.
  symlinkSync(root, join(work, 'node_modules/eslint-plugin-trace-context'), 'dir');
  cpSync(example, original, { recursive: true });
  cpSync(example, rewritten, { recursive: true });
}

async function main() {
  prepare();
  console.log(bold(`eslint-plugin-trace-context demo on ${relative(root, example)}`));
  console.log(dim(`(working copy: ${relative(root, rewritten)}; the original stays untouched)`));
  for (const [index, section] of sections.entries()) {
    const heading = `${index + 1}/${sections.length}  ${section.title}`;
    console.log(`\n${bold(cyan(heading))}\n${cyan('─'.repeat(heading.length))}`);
    if (section.intro) console.log(dim(section.intro) + '\n');
    console.log(indent(await section.run()));
  }
}

main().catch((error) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
