// The `trace-context-codemod` bin, run as users run it (a child process on the built CLI), on
// small projects written to temporary folders.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, eslintConfigSource, makeTmpDir, repoRoot, runCli } from '../codemods/support';

const RULE = 'scheduled-job-tracing';
const WRAPPERS = 'eslint-plugin-trace-context/wrappers';

const GOOD_TS = `import cron from 'node-cron';

import { buildReport } from './report';

cron.schedule('0 3 * * *', async () => {
  await buildReport();
});
`;
const OTHER_JS = `import { CronJob } from 'cron';

export const job = new CronJob('0 * * * * *', async function refresh() {
  await fetch('https://example.com');
});
`;
const BAD_TS = `import cron from 'node-cron';

cron.schedule('* * * * *', async () => {
  await work(;
});
`;
const CRLF_TS = "import cron from 'node-cron';\r\n\r\ncron.schedule('0 1 * * *', async () => {\r\n  await rotate();\r\n});\r\n";
const BOM_JS = '\uFEFF#!/usr/bin/env node\nimport cron from "node-cron";\n\ncron.schedule("0 2 * * *", async () => {\n  await compact();\n});\n';
const PLAIN_TS = 'export const answer = 42;\n';
const POLL_TS = `import { setInterval } from 'node:timers/promises';

export async function poll(done: () => Promise<boolean>): Promise<void> {
  for await (const _ of setInterval(1000)) {
    if (await done()) break;
  }
}
`;

const PACKAGE_WITH_PLUGIN = { name: 'svc', private: true, dependencies: { 'eslint-plugin-trace-context': '^0.1.0', 'node-cron': '^4.0.0' } };
const PACKAGE_DEV_PLUGIN = { name: 'svc', private: true, dependencies: { 'node-cron': '^4.0.0' }, devDependencies: { 'eslint-plugin-trace-context': '^0.1.0' } };

interface ProjectOptions {
  pkg?: object | null;
  /** eslint.config.mjs source; null: none. */
  eslintConfig?: string | null;
  /** Where the project lives: the repository's tests/.tmp (default) or the OS temp folder. */
  parent?: 'repo' | 'os';
}

const created: (() => void)[] = [];

/** Writes a project (package.json, eslint.config.mjs, the given files) and returns its folder. */
function project(files: Record<string, string>, options: ProjectOptions = {}): string {
  let dir: string;
  if (options.parent === 'os') {
    dir = mkdtempSync(join(tmpdir(), 'trace-context-cli-'));
    created.push(() => rmSync(dir, { recursive: true, force: true }));
  } else {
    const tmp = makeTmpDir('cli-');
    dir = tmp.dir;
    created.push(tmp.remove);
  }
  const pkg = options.pkg === undefined ? PACKAGE_WITH_PLUGIN : options.pkg;
  if (pkg) writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const eslintConfig = options.eslintConfig === undefined ? eslintConfigSource() : options.eslintConfig;
  if (eslintConfig !== null) writeFileSync(join(dir, 'eslint.config.mjs'), eslintConfig);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Every file's bytes under `dir` (relative path → base64), .git left out. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      if (name === '.git') continue;
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return out;
}

const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

beforeAll(() => ensureBuilt());
afterAll(() => {
  for (const remove of created) remove();
});

describe('a run over a folder with an unparsable file', () => {
  let dir: string;
  let before: Record<string, string>;
  let first: ReturnType<typeof runCli>;

  beforeAll(() => {
    dir = project({
      'src/good.ts': GOOD_TS,
      'src/other.js': OTHER_JS,
      'src/bad.ts': BAD_TS,
      'src/crlf.ts': CRLF_TS,
      'src/bom.js': BOM_JS,
      'src/plain.ts': PLAIN_TS,
    });
    before = snapshot(dir);
    first = runCli([RULE, 'src'], dir);
  });

  it('reports the file with its path and the parser message, and exits non-zero', () => {
    expect(first.status, first.output).toBe(1);
    expect(first.stdout).toMatch(/Failed \(left untouched\):\n {2}src\/bad\.ts: Parsing error: .+ \(4:\d+\)/);
    expect(first.stdout).toMatch(/failed: 1\b/);
  });

  it('leaves the unparsable file byte-for-byte untouched', () => {
    expect(snapshot(dir)['src/bad.ts']).toBe(before['src/bad.ts']);
  });

  it('changes the other files and counts every outcome', () => {
    expect(first.stdout).toMatch(/changed: 4\b/);
    expect(first.stdout).toMatch(/unchanged: 0\b/);
    expect(first.stdout).toMatch(/skipped: 1\b/);
    expect(read(dir, 'src/good.ts')).toBe(`import cron from 'node-cron';

import { buildReport } from './report';
import { traceJob } from '${WRAPPERS}';

cron.schedule('0 3 * * *', traceJob('0 3 * * *', async () => {
  await buildReport();
}));
`);
    expect(read(dir, 'src/other.js')).toContain("new CronJob('0 * * * * *', traceJob('refresh', async function refresh() {");
    expect(read(dir, 'src/plain.ts')).toBe(PLAIN_TS);
  });

  it('keeps CRLF line endings', () => {
    const text = read(dir, 'src/crlf.ts');
    expect(text).toContain('traceJob(');
    expect(text).not.toMatch(/(?<!\r)\n/);
  });

  it('keeps the BOM and the shebang', () => {
    const bytes = readFileSync(join(dir, 'src/bom.js'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF#!/usr/bin/env node\nimport cron from "node-cron";\nimport { traceJob } from "')).toBe(true);
    expect(text).toContain('traceJob("0 2 * * *", async () => {');
  });

  it('changes nothing on a second run', () => {
    const after = snapshot(dir);
    const second = runCli([RULE, 'src', '--force'], dir);
    expect(second.status, second.output).toBe(1);
    expect(second.stdout).toMatch(/changed: 0\b/);
    expect(second.stdout).toMatch(/unchanged: 4\b/);
    expect(snapshot(dir)).toEqual(after);
  });
});

describe('--dry and --print', () => {
  it('writes nothing, reports what would change and prints the new text', () => {
    const dir = project({ 'src/good.ts': GOOD_TS, 'src/crlf.ts': CRLF_TS });
    const before = snapshot(dir);
    const result = runCli([RULE, 'src', '--dry', '--print'], dir);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/would change: 2\b/);
    expect(result.stdout).toContain("cron.schedule('0 3 * * *', traceJob('0 3 * * *', async () => {");
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('a file with an eslint-env comment (ESLint 10 refuses to lint those)', () => {
  it('is fixed, and keeps its comment', () => {
    const source = `/* eslint-env node, mocha */
'use strict';
const cron = require('node-cron');

cron.schedule('0 4 * * *', async () => {
  await rotate();
});
`;
    const dir = project({ 'src/legacy.js': source });
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(0);
    expect(read(dir, 'src/legacy.js')).toBe(`/* eslint-env node, mocha */
'use strict';
const cron = require('node-cron');
const { traceJob } = require('eslint-plugin-trace-context/wrappers');

cron.schedule('0 4 * * *', traceJob('0 4 * * *', async () => {
  await rotate();
}));
`);
  });
});

describe('the uncommitted-changes guard', () => {
  function repo(): string {
    const dir = project({ 'src/good.ts': GOOD_TS, 'src/other.js': OTHER_JS });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'initial');
    return dir;
  }

  it('refuses to write when a tracked file under the paths has uncommitted changes, and says why', () => {
    const dir = repo();
    writeFileSync(join(dir, 'src/other.js'), `${OTHER_JS}// edited\n`);
    const before = snapshot(dir);
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(1);
    expect(result.stderr).toContain('Refusing to write');
    expect(result.stderr).toContain('src/other.js');
    expect(result.stderr).toMatch(/--force/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes with --force, and --dry never needs a clean tree', () => {
    const dir = repo();
    writeFileSync(join(dir, 'src/other.js'), `${OTHER_JS}// edited\n`);
    expect(runCli([RULE, 'src', '--dry'], dir).status).toBe(0);
    expect(read(dir, 'src/good.ts')).toBe(GOOD_TS);
    const forced = runCli([RULE, 'src', '--force'], dir);
    expect(forced.status, forced.output).toBe(0);
    expect(read(dir, 'src/good.ts')).toContain('traceJob(');
  });

  it('does not count untracked files', () => {
    const dir = repo();
    writeFileSync(join(dir, 'src/new.ts'), GOOD_TS);
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(0);
    expect(read(dir, 'src/new.ts')).toContain('traceJob(');
  });

  it('treats a folder outside git as clean', () => {
    const dir = project({ 'src/good.ts': GOOD_TS }, { parent: 'os' });
    writeFileSync(join(dir, 'eslint.config.mjs'), eslintConfigSource());
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(0);
    expect(read(dir, 'src/good.ts')).toContain('traceJob(');
  });
});

describe('the production-dependency guard', () => {
  it('stops before writing when the package has the plugin only in devDependencies, and explains both ways', () => {
    const dir = project({ 'src/good.ts': GOOD_TS, 'src/other.js': OTHER_JS }, { pkg: PACKAGE_DEV_PLUGIN });
    const before = snapshot(dir);
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(1);
    expect(result.stderr).toContain('Nothing was written');
    expect(result.stderr).toContain('package.json: 2 files');
    expect(result.stderr).toContain('npm install --save-prod eslint-plugin-trace-context');
    expect(result.stderr).toContain('trace-context-codemod eject-wrappers <dir>');
    expect(result.stderr).toContain('--wrapper-module');
    expect(snapshot(dir)).toEqual(before);
  });

  it('only warns in a dry run', () => {
    const dir = project({ 'src/good.ts': GOOD_TS }, { pkg: PACKAGE_DEV_PLUGIN });
    const result = runCli([RULE, 'src', '--dry'], dir);
    expect(result.status, result.output).toBe(0);
    expect(result.stderr).toContain('A run without --dry stops here.');
  });

  it('lets the fixes import an ejected copy instead', () => {
    const dir = project({ 'src/jobs/good.ts': GOOD_TS }, { pkg: PACKAGE_DEV_PLUGIN });
    const result = runCli([RULE, 'src', '--wrapper-module', './src/tracing/wrappers'], dir);
    expect(result.status, result.output).toBe(0);
    expect(read(dir, 'src/jobs/good.ts')).toContain("import { traceJob } from '../tracing/wrappers';");
  });
});

describe('settings', () => {
  it("reads settings['trace-context'] from the project's ESLint config", () => {
    const dir = project({ 'src/good.ts': GOOD_TS }, { pkg: PACKAGE_DEV_PLUGIN, eslintConfig: eslintConfigSource({ wrapperModule: '@acme/tracing' }) });
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(0);
    expect(read(dir, 'src/good.ts')).toContain("import { traceJob } from '@acme/tracing';");
  });

  it("applies the rule options the project's ESLint config sets", () => {
    const plugin = JSON.stringify(join(repoRoot, 'dist/src/index.js'));
    const config =
      `import traceContext from ${plugin};\n` +
      "export default [traceContext.configs.recommended, { settings: { 'trace-context': { wrapperModule: '@acme/tracing' } }, rules: { 'trace-context/scheduled-job-tracing': ['error', { checkIntervals: false }] } }];\n";
    const source = "const cron = require('node-cron');\nsetInterval(async () => { await poll(); }, 1000);\ncron.schedule('* * * * *', async () => { await sweep(); });\n";
    const dir = project({ 'src/jobs.cjs': source }, { eslintConfig: config });
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(0);
    const output = read(dir, 'src/jobs.cjs');
    expect(output).toContain("cron.schedule('* * * * *', traceJob('* * * * *', async () => { await sweep(); }));");
    expect(output).toContain('setInterval(async () => { await poll(); }, 1000);');
  });

  it('lets flags override the config', () => {
    const dir = project({ 'src/good.ts': GOOD_TS }, { eslintConfig: eslintConfigSource({ wrapperModule: '@acme/tracing' }) });
    const result = runCli([RULE, 'src', '--wrapper-module', '@acme/other', '--instrumented', 'http,undici'], dir);
    expect(result.status, result.output).toBe(0);
    expect(read(dir, 'src/good.ts')).toContain("import { traceJob } from '@acme/other';");
  });

  it('rejects invalid settings with a clear error and writes nothing', () => {
    const dir = project({ 'src/good.ts': GOOD_TS }, { eslintConfig: eslintConfigSource({ wrapperModul: 'x' }) });
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(2);
    expect(result.stderr).toContain("Invalid settings['trace-context']: unknown key `wrapperModul`");
    expect(result.stderr).toContain('eslint.config.mjs');
    expect(read(dir, 'src/good.ts')).toBe(GOOD_TS);
  });

  it('rejects an invalid --instrumented value', () => {
    const dir = project({ 'src/good.ts': GOOD_TS });
    const result = runCli([RULE, 'src', '--instrumented', 'http,bogus'], dir);
    expect(result.status, result.output).toBe(2);
    expect(result.stderr).toContain("'bogus'");
    expect(result.stderr).toContain('(from the command line)');
  });

  it('reports an ESLint config that cannot be loaded', () => {
    const dir = project({ 'src/good.ts': GOOD_TS }, { eslintConfig: "import missing from 'no-such-eslint-config-package';\nexport default [missing];\n" });
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(2);
    expect(result.stderr).toContain('Could not load the ESLint config');
    expect(read(dir, 'src/good.ts')).toBe(GOOD_TS);
  });

  it('uses the defaults without an ESLint config, and says so once', () => {
    const dir = project({ 'src/a/good.ts': GOOD_TS, 'src/b/other.js': OTHER_JS }, { parent: 'os', eslintConfig: null });
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout.match(/No ESLint config/g)).toHaveLength(1);
    expect(read(dir, 'src/a/good.ts')).toContain(`from '${WRAPPERS}'`);
  });

  it("honours the ESLint config's ignores", () => {
    const dir = project(
      { 'src/good.ts': GOOD_TS, 'src/generated/jobs.ts': GOOD_TS },
      { eslintConfig: eslintConfigSource({}, "{ ignores: ['src/generated/**'] }, ") },
    );
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('1 ignored by the ESLint config');
    expect(read(dir, 'src/good.ts')).toContain('traceJob(');
    expect(read(dir, 'src/generated/jobs.ts')).toBe(GOOD_TS);
  });
});

describe('file selection', () => {
  it('skips node_modules, dist and declaration files, and honours --ignore-pattern and --extensions', () => {
    const dir = project({
      'src/good.ts': GOOD_TS,
      'src/legacy/old.ts': GOOD_TS,
      'src/other.js': OTHER_JS,
      'src/types.d.ts': GOOD_TS,
      'node_modules/lib/index.js': OTHER_JS,
      'dist/out.js': OTHER_JS,
    });
    const result = runCli([RULE, '.', '--ignore-pattern', '**/legacy/**', '--extensions', 'ts'], dir);
    expect(result.status, result.output).toBe(0);
    expect(read(dir, 'src/good.ts')).toContain('traceJob(');
    expect(read(dir, 'src/legacy/old.ts')).toBe(GOOD_TS);
    expect(read(dir, 'src/other.js')).toBe(OTHER_JS);
    expect(read(dir, 'src/types.d.ts')).toBe(GOOD_TS);
    expect(read(dir, 'node_modules/lib/index.js')).toBe(OTHER_JS);
    expect(read(dir, 'dist/out.js')).toBe(OTHER_JS);
  });

  it('spreads many files over worker processes', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`src/job-${String(i).padStart(2, '0')}.ts`] = GOOD_TS;
    files['src/bad.ts'] = BAD_TS;
    const dir = project(files);
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toMatch(/changed: 40\b/);
    expect(result.stdout).toContain('src/bad.ts: Parsing error');
    for (let i = 0; i < 40; i++) expect(read(dir, `src/job-${String(i).padStart(2, '0')}.ts`)).toContain('traceJob(');
  });

  it('lists what is left for manual work with file, line and reason', () => {
    const dir = project({ 'src/poll.ts': POLL_TS, 'src/good.ts': GOOD_TS });
    const result = runCli([RULE, 'src'], dir);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/Left for manual work \(1\):\n {2}src\/poll\.ts:4:\d+ {2}Scheduled job 'every 1000ms' .+ \(trace-context\/scheduled-job-tracing\)/);
    expect(read(dir, 'src/poll.ts')).toBe(POLL_TS);
  });

  it('runs the all transform', () => {
    const dir = project({ 'src/good.ts': GOOD_TS });
    const result = runCli(['all', 'src'], dir);
    expect(result.status, result.output).toBe(0);
    expect(read(dir, 'src/good.ts')).toContain('traceJob(');
  });
});

describe('usage', () => {
  it('prints the usage with --help', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: trace-context-codemod <rule\|all> <paths\.\.\.> \[options\]/);
    expect(result.stdout).toContain(RULE);
  });

  it('lists the valid transforms for an unknown one', () => {
    const result = runCli(['no-such-rule', 'src']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown transform 'no-such-rule'");
    const names = readdirSync(join(__dirname, '../../src/rules'))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.slice(0, -3))
      .sort();
    expect(result.stderr).toContain(`Valid transforms: ${['all', ...names].join(', ')}`);
  });

  it('rejects unknown options, missing paths and unsupported extensions', () => {
    expect(runCli([RULE, 'src', '--bogus']).status).toBe(2);
    expect(runCli([RULE]).stderr).toContain('missing <paths...>');
    const missing = runCli([RULE, 'no/such/dir']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('No such file or directory: no/such/dir');
    expect(runCli([RULE, 'src', '--extensions', 'ts,vue']).stderr).toContain('unsupported vue');
  });
});

describe('eject-wrappers', () => {
  it('writes the wrappers and prints the wrapperModule setting', () => {
    const dir = project({ 'src/good.ts': GOOD_TS }, { pkg: { name: 'svc', private: true, type: 'module' } });
    const result = runCli(['eject-wrappers', 'src/tracing'], dir);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/Wrote \d+ files? \(JavaScript, ES modules\)/);
    expect(result.stdout).toContain(`settings: { 'trace-context': { wrapperModule: "./src/tracing/index.js" } }`);
    expect(existsSync(join(dir, 'src/tracing'))).toBe(true);

    const again = runCli(['eject-wrappers', 'src/tracing'], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('trace-context-codemod eject-wrappers:');
    expect(runCli(['eject-wrappers', 'src/tracing', '--force'], dir).status).toBe(0);
  });
});
