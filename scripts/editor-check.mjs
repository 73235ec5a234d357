// `npm run test:editor`: the packed plugin in a fresh project, driven through the VS Code ESLint
// language server the way the VS Code extension drives it.
//
//   1. `npm pack` this repository and check what the tarball ships.
//   2. A fresh project in a temporary folder outside the repository (nothing resolves from this
//      repository's node_modules): the tarball, eslint 10, typescript 5.9, @opentelemetry/api 1.9,
//      node-cron 4, the config and sources in tests/editor/fixtures/project.
//   3. `vscode-eslint-language-server` (vscode-langservers-extracted, installed into its own
//      temporary folder) over stdio: squiggle on `cron.schedule`, the quick fix through
//      `workspace/executeCommand` → `workspace/applyEdit`, and no squiggle after the edit; for a
//      TypeScript and a CommonJS JavaScript file.
//   4. The codemod bin from the tarball writes the same text as the quick fix.
//   5. `require` and `import` of eslint-plugin-trace-context/wrappers run a traceJob-wrapped function;
//      tsc resolves the types of both; the fixed files typecheck and load.
//
// Prints a report; exits 1 on any failure. Every wait is bounded. Flags: --keep (leave the
// temporary folder; also EDITOR_CHECK_KEEP=1), --verbose (print the server's log).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = join(root, 'tests/editor/fixtures/project');
const RULE_ID = 'trace-context/scheduled-job-tracing';
const WRAPPERS = 'eslint-plugin-trace-context/wrappers';
const SERVER_PACKAGE = 'vscode-langservers-extracted@4.10.0';
const PROJECT_DEPENDENCIES = { '@opentelemetry/api': '~1.9', 'node-cron': '^4' };
const PROJECT_DEV_DEPENDENCIES = { eslint: '^10', typescript: '~5.9' };
const INSTALL_TIMEOUT_MS = 300_000;
const COMMAND_TIMEOUT_MS = 120_000;
const LSP_TIMEOUT_MS = 60_000;

const keep = process.argv.includes('--keep') || process.env.EDITOR_CHECK_KEEP === '1';
const verbose = process.argv.includes('--verbose');
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !process.env.CI;
const paint = (open, close) => (text) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
const bold = paint(1, 22);
const dim = paint(2, 22);
const green = paint(32, 39);
const red = paint(31, 39);
const yellow = paint(33, 39);
const indent = (text, by = '    ') => String(text).replace(/^(?=.)/gm, by);

const startedAt = Date.now();
const results = [];
const warnings = [];

class CheckError extends Error {}

function fail(message) {
  throw new CheckError(message);
}

function expect(condition, message) {
  if (!condition) fail(message);
}

function warn(message) {
  warnings.push(message);
  console.log(indent(yellow(`warning: ${message}`)));
}

function detail(label, text) {
  console.log(indent(`${dim(label)}${text.includes('\n') ? `\n${indent(text, '  ')}` : ` ${text}`}`));
}

async function step(title, run) {
  const began = Date.now();
  console.log(`\n${bold(`▸ ${title}`)}`);
  try {
    const value = await run();
    const ms = Date.now() - began;
    results.push({ title, ok: true, ms });
    console.log(indent(green(`ok (${(ms / 1000).toFixed(1)} s)`)));
    return value;
  } catch (error) {
    results.push({ title, ok: false, ms: Date.now() - began });
    console.log(indent(red(`FAILED: ${error instanceof CheckError ? error.message : (error?.stack ?? error)}`)));
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes

/**
 * The environment for npm and node children. `npm run` exports its own settings as `npm_*`
 * variables; `npm_config_local_prefix` among them would make `npm install` in the temporary
 * project install into this repository instead, and `npm_config_loglevel=silent` hides errors.
 */
function childEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    const lower = key.toLowerCase();
    if (
      lower.startsWith('npm_package_') ||
      lower.startsWith('npm_lifecycle_') ||
      ['npm_command', 'npm_config_local_prefix', 'npm_config_prefix', 'npm_config_loglevel', 'init_cwd'].includes(lower)
    ) {
      delete env[key];
    }
  }
  delete env.NODE_OPTIONS;
  return env;
}

/** Runs a command to completion; rejects with its output on another exit code or after `timeoutMs`. */
function run(command, args, { cwd, timeoutMs = COMMAND_TIMEOUT_MS, input, okCodes = [0] } = {}) {
  const isWindows = process.platform === 'win32';
  const file = command === 'npm' && isWindows ? 'npm.cmd' : command;
  const shown = `${command === process.execPath ? 'node' : command} ${args.join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env: childEnv(), shell: isWindows && /(?:^npm|\.cmd)$/.test(file), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new CheckError(`\`${shown}\` (in ${cwd}) did not finish within ${timeoutMs / 1000} s\n${indent(`${stdout}${stderr}`.trim())}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new CheckError(`\`${shown}\` could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (okCodes.includes(code)) resolve({ code, stdout, stderr });
      else reject(new CheckError(`\`${shown}\` (in ${cwd}) exited with ${code ?? signal}\n${indent(`${stdout}${stderr}`.trim())}`));
    });
    child.stdin.end(input ?? '');
  });
}

const runNode = (args, options) => run(process.execPath, args, options);

// ---------------------------------------------------------------------------------------------
// A minimal LSP client over stdio (JSON-RPC 2.0 with Content-Length framing)

class LspClient {
  constructor(serverScript, cwd) {
    this.nextId = 1;
    this.pending = new Map();
    this.requestHandlers = new Map();
    this.notificationHandlers = new Map();
    this.log = [];
    this.stderr = '';
    this.exited = false;
    this.buffer = Buffer.alloc(0);
    this.child = spawn(process.execPath, [serverScript, '--stdio'], { cwd, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk) => (this.stderr += chunk));
    this.child.stdin.on('error', () => {});
    this.exitPromise = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exited = true;
        for (const { reject, method, timer } of this.pending.values()) {
          clearTimeout(timer);
          reject(new CheckError(`the language server exited (${code ?? signal}) while ${method} was pending${this.stderrTail()}`));
        }
        this.pending.clear();
        resolve();
      });
      this.child.on('error', (error) => {
        this.exited = true;
        resolve();
        this.log.push(`[spawn error] ${error.message}`);
      });
    });
  }

  stderrTail() {
    const tail = this.stderr.trim().split('\n').slice(-20).join('\n');
    return tail ? `\nserver stderr:\n${indent(tail)}` : '';
  }

  send(message) {
    if (this.exited) fail(`the language server is not running${this.stderrTail()}`);
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /content-length:\s*(\d+)/i.exec(header);
      if (!match) {
        this.log.push(`[client] dropped a message without Content-Length: ${header}`);
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.error) waiting.reject(new CheckError(`${waiting.method} failed: ${message.error.message} (${message.error.code})`));
      else waiting.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      const handler = this.requestHandlers.get(message.method);
      Promise.resolve()
        .then(() => (handler ? handler(message.params) : undefined))
        .then(
          (result) => {
            if (!handler) this.send({ id: message.id, error: { code: -32601, message: `Unhandled method ${message.method}` } });
            else this.send({ id: message.id, result: result ?? null });
          },
          (error) => this.send({ id: message.id, error: { code: -32603, message: String(error?.message ?? error) } }),
        );
      return;
    }
    for (const handler of this.notificationHandlers.get(message.method) ?? []) handler(message.params);
  }

  onRequest(method, handler) {
    this.requestHandlers.set(method, handler);
  }

  onNotification(method, handler) {
    const list = this.notificationHandlers.get(method) ?? [];
    list.push(handler);
    this.notificationHandlers.set(method, list);
  }

  request(method, params, timeoutMs = LSP_TIMEOUT_MS) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CheckError(`no answer to ${method} within ${timeoutMs / 1000} s${this.stderrTail()}`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, method, timer });
      try {
        this.send({ id, method, params });
      } catch (error) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(error);
      }
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  /** Polite shutdown; kills the server (this process's own child) if it does not exit in time. */
  async stop() {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit', null);
    } catch {
      // fall through to the kill below
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exitPromise;
    clearTimeout(timer);
  }
}

/** The settings the VS Code ESLint extension answers `workspace/configuration` with (its defaults). */
function extensionSettings(project) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    // ESLint 10 only knows flat configs; `experimental.useFlatConfig: true` would make this server
    // look for `FlatESLint` in eslint/use-at-your-own-risk, which ESLint 10 no longer exports.
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: 'project', uri: pathToFileURL(project).href },
    workingDirectory: { mode: 'auto' },
  };
}

// ---------------------------------------------------------------------------------------------
// Text helpers (LSP positions are UTF-16 code units, as JavaScript string indices are)

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

function offsetAt(text, position) {
  const starts = lineStarts(text);
  expect(position.line < starts.length, `position line ${position.line} is past the end of the document`);
  return starts[position.line] + position.character;
}

function positionOf(text, offset) {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** Applies a WorkspaceEdit (`documentChanges` or `changes`) for one document to its text. */
function applyWorkspaceEdit(edit, uri, text, version) {
  let edits = [];
  if (Array.isArray(edit.documentChanges)) {
    for (const change of edit.documentChanges) {
      expect(change.textDocument?.uri === uri, `the edit touches another document: ${JSON.stringify(change).slice(0, 200)}`);
      expect(change.textDocument.version == null || change.textDocument.version === version,
        `the edit is for version ${change.textDocument.version}, the document is at ${version}`);
      edits.push(...change.edits);
    }
  } else if (edit.changes) {
    for (const [target, list] of Object.entries(edit.changes)) {
      expect(target === uri, `the edit touches another document: ${target}`);
      edits.push(...list);
    }
  }
  expect(edits.length > 0, 'the workspace edit holds no text edits');
  edits = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of edits) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return { text: result, edits };
}

/** A line diff (longest common subsequence; the files here are a few lines long), one line of context. */
function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const rows = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ sign: ' ', text: a[i++] });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) rows.push({ sign: '-', text: a[i++] });
    else rows.push({ sign: '+', text: b[j++] });
  }
  const near = (k) => rows.slice(Math.max(0, k - 1), k + 2).some((row) => row.sign !== ' ');
  return rows
    .map((row, k) => (near(k) ? (row.sign === '+' ? green(`+ ${row.text}`) : row.sign === '-' ? red(`- ${row.text}`) : `  ${row.text}`) : undefined))
    .filter((line, k, all) => line !== undefined || all[k - 1] !== undefined)
    .map((line) => line ?? dim('  ⋮'))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// The check

const work = realpathSync(mkdtempSync(join(tmpdir(), 'trace-context-editor-check-')));
const packDir = join(work, 'pack');
const project = join(work, 'project');
const tools = join(work, 'tools');
let server;

async function main() {
  console.log(bold('Editor check: the packed plugin in a fresh project, through the VS Code ESLint server'));
  console.log(dim(`work folder: ${work}${keep ? ' (kept)' : ' (removed at the end; --keep to keep it)'}`));
  expect(relative(root, work).startsWith('..'), `the temporary folder ${work} is inside the repository; set TMPDIR elsewhere`);
  for (let dir = dirname(work); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) {
      warn(`${join(dir, 'node_modules')} exists above the work folder: packages missing from the fresh project could resolve from there`);
    }
    if (dirname(dir) === dir) break;
  }

  const tarball = await step('npm pack', packPlugin);
  await step('fresh project and language server: npm install (in parallel)', () => installAll(tarball));
  const ruleMeta = await step('fresh project: what resolves from where', checkResolution);
  await step('eslint CLI in the fresh project (same config the server loads)', checkCli);
  const fixed = await step('VS Code ESLint server: squiggles and the quick fix', () => checkEditor(ruleMeta));
  await step('codemod bin from the tarball: same output as the quick fix', () => checkCodemod(fixed));
  await step('wrappers at run time: require and import', checkWrappersRuntime);
  await step('wrappers types (tsc, node16) and the fixed files', () => checkTypesAndFixedFiles(fixed));
}

async function packPlugin() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: root });
  const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
  const files = new Set(info.files.map((file) => file.path));
  detail('tarball:', `${info.filename} (${(info.size / 1024).toFixed(0)} KiB packed, ${info.entryCount} files)`);
  const byFolder = {};
  for (const file of files) {
    const key = file.split('/').slice(0, file.startsWith('dist/') ? 2 : 1).join('/');
    byFolder[key] = (byFolder[key] ?? 0) + 1;
  }
  detail('contents:', Object.entries(byFolder).map(([key, count]) => `${key} (${count})`).join(', '));

  const required = new Set(['package.json', 'README.md', manifest.main.replace(/^\.\//, '')]);
  const collect = (value) => {
    if (typeof value === 'string') required.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest.exports);
  collect(manifest.bin);
  required.add('dist/wrappers-esm/package.json');
  for (const entry of readdirSync(join(root, 'codemods'), { withFileTypes: true })) {
    if (entry.isFile() && /\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      required.add(`dist/codemods/${entry.name.replace(/\.([cm]?)ts$/, '.$1js')}`);
    }
  }
  for (const file of readdirRecursive(join(root, 'docs'))) required.add(`docs/${file}`);
  for (const file of readdirRecursive(join(root, 'src/wrappers'))) required.add(`src/wrappers/${file}`);
  const missing = [...required].filter((file) => !files.has(file));
  expect(missing.length === 0, `the tarball lacks files the package needs: ${missing.join(', ')}`);
  detail('present:', `${required.size} files: main, exports, bin, the built transforms (dist/codemods), docs, wrapper sources`);

  // Every relative require/import of the built code resolves inside the tarball (what the plugin,
  // the wrappers and the bin load at run time).
  const unresolved = [];
  for (const file of files) {
    if (!file.startsWith('dist/') || !file.endsWith('.js')) continue;
    const source = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const match of source.matchAll(/(?:require\(|from\s+|import\()\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const base = join(dirname(file), match[1]).split(sep).join('/');
      const candidates = [base, `${base}.js`, `${base}/index.js`];
      if (!candidates.some((candidate) => files.has(candidate))) unresolved.push(`${file} → ${match[1]}`);
    }
  }
  expect(unresolved.length === 0, `built files require files that do not ship:\n${indent(unresolved.join('\n'))}`);

  const stale = [...files].filter((file) => {
    const match = /^dist\/((?:src|codemods)\/.+)\.js$/.exec(file);
    return match && !existsSync(join(root, `${match[1]}.ts`));
  });
  if (stale.length > 0) warn(`dist/ holds output of sources that no longer exist (it would ship): ${stale.join(', ')}`);
  if (!existsSync(join(root, 'LICENSE')) && !existsSync(join(root, 'LICENSE.md'))) {
    warn(`package.json says "license": "${manifest.license}" but no LICENSE file ships`);
  }
  return join(packDir, info.filename);
}

function readdirRecursive(dir, prefix = '') {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...readdirRecursive(join(dir, entry.name), `${prefix}${entry.name}/`));
    else out.push(`${prefix}${entry.name}`);
  }
  return out;
}

async function installAll(tarball) {
  cpSync(fixture, project, { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify(
      {
        name: 'editor-check-project',
        version: '1.0.0',
        private: true,
        type: 'commonjs',
        dependencies: { 'eslint-plugin-trace-context': `file:${relative(project, tarball).split(sep).join('/')}`, ...PROJECT_DEPENDENCIES },
        devDependencies: PROJECT_DEV_DEPENDENCIES,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(tools, 'package.json'), '{ "name": "editor-check-tools", "private": true }\n', { flag: 'w' });
  const npmInstall = (cwd, args) => run('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', ...args], { cwd, timeoutMs: INSTALL_TIMEOUT_MS });
  await Promise.all([npmInstall(project, []), npmInstall(tools, ['--ignore-scripts', SERVER_PACKAGE])]);
  const installed = JSON.parse((await run('npm', ['ls', '--json', '--depth=0'], { cwd: project })).stdout).dependencies;
  detail('project:', Object.entries(installed).map(([name, info]) => `${name}@${info.version}`).join(', '));
  detail('server: ', `${SERVER_PACKAGE} in ${relative(work, tools)}/`);
}

async function checkResolution() {
  const script = `
    const path = require('node:path');
    const where = (id) => path.relative(process.cwd(), require.resolve(id));
    const plugin = require('eslint-plugin-trace-context');
    const rule = plugin.rules['scheduled-job-tracing'];
    console.log(JSON.stringify({
      plugin: where('eslint-plugin-trace-context'),
      wrappers: where('${WRAPPERS}'),
      eslint: where('eslint'),
      parser: (() => { try { return where('@typescript-eslint/parser'); } catch { return null; } })(),
      name: plugin.meta.name, version: plugin.meta.version, namespace: plugin.meta.namespace,
      recommended: plugin.configs.recommended.rules,
      messages: rule.meta.messages,
      docsUrl: rule.meta.docs.url,
    }));`;
  const info = JSON.parse((await runNode(['-e', script], { cwd: project })).stdout);
  detail('plugin:  ', `${info.name}@${info.version} (namespace ${info.namespace}) from ${info.plugin}`);
  detail('wrappers:', `require → ${info.wrappers}`);
  detail('eslint:  ', info.eslint);
  expect(info.plugin.startsWith('node_modules/eslint-plugin-trace-context/'), `the plugin resolved from ${info.plugin}, not the fresh project`);
  expect(info.recommended[RULE_ID] === 'error', `configs.recommended does not turn on ${RULE_ID}: ${JSON.stringify(info.recommended)}`);
  expect(info.parser !== null, "@typescript-eslint/parser does not resolve from the fresh project; its eslint.config.mjs imports it for .ts files");
  if (info.parser.startsWith('node_modules/@typescript-eslint/parser/')) {
    detail('parser:  ', `${info.parser} (not a dependency of the project: npm hoisted the plugin's own dependency)`);
  } else {
    detail('parser:  ', info.parser);
  }
  return info;
}

async function checkCli() {
  // eslint exits 1 when it reports errors, which is what this project should produce.
  const { stdout } = await runNode([join(project, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', 'src'], { cwd: project, okCodes: [0, 1] });
  const report = JSON.parse(stdout.slice(stdout.indexOf('[')));
  for (const file of report) {
    for (const message of file.messages) {
      detail(`${relative(project, file.filePath)}:${message.line}:${message.column}`, `${message.ruleId}: ${message.message}`);
    }
  }
  for (const name of ['jobs.ts', 'jobs.js']) {
    const file = report.find((entry) => entry.filePath.endsWith(`${sep}src${sep}${name}`));
    expect(file, `eslint did not lint src/${name}`);
    const fatal = file.messages.filter((message) => message.fatal);
    expect(fatal.length === 0, `src/${name} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
    expect(file.messages.some((message) => message.ruleId === RULE_ID), `eslint reports no ${RULE_ID} in src/${name}`);
  }
}

async function checkEditor(ruleMeta) {
  const serverScript = join(tools, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
  expect(existsSync(serverScript), `${serverScript} is missing after the install`);
  server = new LspClient(serverScript, project);
  const settings = extensionSettings(project);
  let refreshes = 0;
  const refreshWaiters = [];
  const statuses = [];

  server.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
  server.onRequest('client/registerCapability', () => null);
  server.onRequest('client/unregisterCapability', () => null);
  server.onRequest('window/workDoneProgress/create', () => null);
  server.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    refreshWaiters.splice(0).forEach((wake) => wake());
    return null;
  });
  server.onRequest('eslint/noConfig', (params) => {
    server.log.push(`[eslint/noConfig] ${JSON.stringify(params)}`);
    return {};
  });
  server.onRequest('eslint/noLibrary', (params) => {
    server.log.push(`[eslint/noLibrary] ${JSON.stringify(params)}`);
    return {};
  });
  server.onRequest('eslint/probeFailed', (params) => {
    server.log.push(`[eslint/probeFailed] ${JSON.stringify(params)}`);
    return {};
  });
  server.onRequest('eslint/openDoc', () => ({}));
  server.onNotification('window/logMessage', ({ type, message }) => server.log.push(`[${['', 'error', 'warn', 'info', 'log'][type] ?? type}] ${message}`));
  server.onNotification('eslint/status', (params) => statuses.push(params));
  let applyEditHandler = () => ({ applied: false, failureReason: 'no edit expected now' });
  server.onRequest('workspace/applyEdit', (params) => applyEditHandler(params));

  const rootUri = pathToFileURL(project).href;
  const init = await server.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'trace-context editor check', version: '1' },
    locale: 'en',
    rootPath: project,
    rootUri,
    workspaceFolders: [{ name: 'project', uri: rootUri }],
    capabilities: {
      workspace: {
        applyEdit: true,
        configuration: true,
        workspaceFolders: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional' },
        didChangeConfiguration: { dynamicRegistration: false },
        executeCommand: { dynamicRegistration: false },
        diagnostics: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true, willSave: false, willSaveWaitUntil: false },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        codeAction: {
          dynamicRegistration: false,
          isPreferredSupport: true,
          dataSupport: true,
          codeActionLiteralSupport: {
            codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.organizeImports', 'source.fixAll'] },
          },
        },
      },
      window: { workDoneProgress: false, showMessage: {} },
    },
    initializationOptions: {},
  });
  const caps = init.capabilities;
  detail('server capabilities:', `diagnostics ${caps.diagnosticProvider ? 'pulled (textDocument/diagnostic)' : 'pushed'}, code actions ${caps.codeActionProvider ? 'yes' : 'no'}, commands ${caps.executeCommandProvider?.commands?.length ?? 0}`);
  expect(caps.codeActionProvider, 'the server offers no code actions');
  server.notify('initialized', {});

  // The VS Code extension's client pulls diagnostics (the server declares a diagnosticProvider and
  // never pushes); it pulls again when the server asks for a refresh.
  const pushed = new Map();
  server.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics }) => pushed.set(uri, diagnostics));
  const pull = async (uri) => {
    if (!caps.diagnosticProvider) return pushed.get(uri) ?? [];
    const report = await server.request('textDocument/diagnostic', { textDocument: { uri } });
    return report?.items ?? [];
  };
  const waitForRefreshOr = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      refreshWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  const outcomes = {};
  for (const { file, languageId, expression } of [
    { file: 'src/jobs.ts', languageId: 'typescript', expression: "'0 3 * * *'" },
    { file: 'src/jobs.js', languageId: 'javascript', expression: "'*/5 * * * *'" },
  ]) {
    console.log(indent(bold(file)));
    const path = join(project, file);
    const uri = pathToFileURL(path).href;
    const original = readFileSync(path, 'utf8');
    let version = 1;
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text: original } });

    // Squiggle: wait for the rule's diagnostic.
    const deadline = Date.now() + LSP_TIMEOUT_MS;
    let diagnostics = [];
    let diagnostic;
    for (;;) {
      diagnostics = await pull(uri);
      diagnostic = diagnostics.find((d) => d.code === RULE_ID);
      if (diagnostic) break;
      if (Date.now() > deadline) {
        fail(
          `no ${RULE_ID} diagnostic for ${file} within ${LSP_TIMEOUT_MS / 1000} s; diagnostics: ${JSON.stringify(diagnostics)}\n` +
            `server log:\n${indent(server.log.slice(-30).join('\n'))}${server.stderrTail()}`,
        );
      }
      await waitForRefreshOr(500);
    }
    const callee = original.indexOf('cron.schedule(');
    expect(callee >= 0, `${file} has no cron.schedule( call`);
    const expectedRange = { start: positionOf(original, callee), end: positionOf(original, callee + 'cron.schedule'.length) };
    const at = (p) => `${p.line + 1}:${p.character + 1}`;
    detail('squiggle:', `${at(diagnostic.range.start)}-${at(diagnostic.range.end)} ${JSON.stringify(original.slice(offsetAt(original, diagnostic.range.start), offsetAt(original, diagnostic.range.end)))} severity ${diagnostic.severity} (${diagnostic.source})`);
    detail('message: ', diagnostic.message);
    expect(
      JSON.stringify(diagnostic.range) === JSON.stringify(expectedRange),
      `the diagnostic's range ${JSON.stringify(diagnostic.range)} is not the cron.schedule callee ${JSON.stringify(expectedRange)}`,
    );
    expect(diagnostic.severity === 1, `the diagnostic's severity is ${diagnostic.severity}, expected 1 (error, as configs.recommended sets it)`);
    const expectedMessage = ruleMeta.messages.missingRootSpan.replace(/\{\{\s*name\s*\}\}/g, expression);
    expect(diagnostic.message === expectedMessage, `the diagnostic says ${JSON.stringify(diagnostic.message)}, expected ${JSON.stringify(expectedMessage)}`);
    if (diagnostic.codeDescription) {
      detail('docs:    ', diagnostic.codeDescription.href);
      expect(diagnostic.codeDescription.href === ruleMeta.docsUrl, `the diagnostic links ${diagnostic.codeDescription.href}, the rule's docs URL is ${ruleMeta.docsUrl}`);
    }
    const others = diagnostics.filter((d) => d !== diagnostic);
    expect(others.length === 0, `unexpected other diagnostics in ${file}: ${JSON.stringify(others)}`);

    // Quick fix: ask for code actions on the squiggle, as the light bulb does.
    const actions = await server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
    const titles = (actions ?? []).map((action) => action.title);
    detail('code actions:', titles.map((title) => `• ${title}`).join('\n'));
    const suggestion = ruleMeta.messages.wrapWithTraceJob.replace(/\{\{\s*name\s*\}\}/g, expression);
    const expectedTitle = `${suggestion} (${RULE_ID})`;
    const quickFix = (actions ?? []).find((action) => action.title === expectedTitle);
    expect(quickFix, `no code action titled ${JSON.stringify(expectedTitle)}`);
    expect(quickFix.kind === 'quickfix', `the quick fix's kind is ${quickFix.kind}`);

    // Apply it the way VS Code does: the action's edit, or its command, which makes the server send
    // workspace/applyEdit back to the client.
    let applied;
    if (quickFix.edit) {
      applied = applyWorkspaceEdit(quickFix.edit, uri, original, version);
    } else {
      expect(quickFix.command, 'the quick fix has neither an edit nor a command');
      const received = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new CheckError(`no workspace/applyEdit within ${LSP_TIMEOUT_MS / 1000} s after ${quickFix.command.command}`)), LSP_TIMEOUT_MS);
        applyEditHandler = (params) => {
          clearTimeout(timer);
          try {
            applied = applyWorkspaceEdit(params.edit, uri, original, version);
            resolve();
            return { applied: true };
          } catch (error) {
            reject(error);
            return { applied: false, failureReason: String(error.message) };
          }
        };
      });
      await server.request('workspace/executeCommand', { command: quickFix.command.command, arguments: quickFix.command.arguments });
      await received;
      applyEditHandler = () => ({ applied: false, failureReason: 'no edit expected now' });
      detail('applied via:', `${quickFix.command.command} → workspace/applyEdit (${applied.edits.length} text edit${applied.edits.length === 1 ? '' : 's'})`);
    }
    const fixedText = applied.text;
    detail('diff:', lineDiff(original, fixedText));
    const importLine =
      languageId === 'typescript' ? `import { traceJob } from '${WRAPPERS}';` : `const { traceJob } = require('${WRAPPERS}');`;
    expect(fixedText.includes(importLine), `the fixed ${file} lacks ${JSON.stringify(importLine)}`);
    expect(fixedText.includes(`cron.schedule(${expression}, traceJob(${expression}, async () => {`),
      `the fixed ${file} does not wrap the callback as cron.schedule(${expression}, traceJob(${expression}, async () => {…}))`);
    expect(fixedText.split(importLine).length === 2, `the fixed ${file} imports the wrapper more than once`);

    // The edit lands in the editor buffer (didChange); the squiggle must go away.
    version++;
    server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: fixedText }] });
    const after = await pull(uri);
    expect(!after.some((d) => d.code === RULE_ID), `the ${RULE_ID} diagnostic is still there after the fix: ${JSON.stringify(after)}`);
    expect(after.length === 0, `diagnostics after the fix: ${JSON.stringify(after)}`);
    detail('after the fix:', 'no diagnostics');

    // Control: the same document back at its original text shows the squiggle again, so the empty
    // answer above comes from linting the fixed text, not from a server that stopped linting.
    version++;
    server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: original }] });
    const reverted = await pull(uri);
    expect(reverted.some((d) => d.code === RULE_ID), `after undoing the fix the ${RULE_ID} diagnostic did not come back: ${JSON.stringify(reverted)}`);
    detail('undo (control):', 'the squiggle comes back');
    server.notify('textDocument/didClose', { textDocument: { uri } });
    outcomes[file] = fixedText;
  }

  const loaded = server.log.find((line) => line.includes('ESLint library loaded from'));
  if (loaded) detail('server:', loaded.replace(/^\[\w+\]\s*/, ''));
  expect(!loaded || loaded.includes(`${project}${sep}node_modules${sep}eslint`), `the server loaded ESLint from elsewhere: ${loaded}`);
  const errors = server.log.filter((line) => line.startsWith('[error]'));
  expect(errors.length === 0, `the server logged errors:\n${indent(errors.join('\n'))}`);
  if (verbose) detail('server log:', server.log.join('\n'));
  detail('refresh requests from the server:', String(refreshes));
  await server.stop();
  server = undefined;
  return outcomes;
}

async function checkCodemod(fixed) {
  const copy = join(project, 'codemod-copy');
  cpSync(join(fixture, 'src'), join(copy, 'src'), { recursive: true });
  const bin = join(project, 'node_modules/.bin', process.platform === 'win32' ? 'trace-context-codemod.cmd' : 'trace-context-codemod');
  expect(existsSync(bin), 'npm linked no trace-context-codemod bin into node_modules/.bin');
  const { stdout, stderr } = await run(bin, ['scheduled-job-tracing', 'codemod-copy'], { cwd: project });
  const summary = `${stdout}${stderr}`.trim().split('\n').filter((line) => /^\s*(would change|changed|unchanged|skipped|failed):/.test(line));
  detail('trace-context-codemod scheduled-job-tracing codemod-copy:', summary.map((line) => line.trim()).join(', '));
  for (const [file, text] of Object.entries(fixed)) {
    const written = readFileSync(join(copy, file), 'utf8');
    expect(written === text, `the codemod's ${file} differs from the editor's quick fix:\n${indent(lineDiff(text, written))}`);
  }
  detail('compared:', `${Object.keys(fixed).join(', ')}: byte for byte equal to the editor's result`);
}

async function checkWrappersRuntime() {
  const cjs = `
    const assert = require('node:assert/strict');
    const path = require('node:path');
    require('@opentelemetry/api');
    const { traceJob } = require('${WRAPPERS}');
    assert.equal(typeof traceJob, 'function');
    const job = traceJob('nightly', function addTotals(a, b) { return { sum: a + b, self: this }; });
    const self = { id: 'caller' };
    const out = job.call(self, 2, 3);
    assert.equal(out.sum, 5);
    assert.equal(out.self, self);
    assert.equal(job.name, 'addTotals');
    assert.equal(job.length, 2);
    (async () => {
      const value = await traceJob('async-job', async () => 'ok')();
      assert.equal(value, 'ok');
      console.log(JSON.stringify({ file: path.relative(process.cwd(), require.resolve('${WRAPPERS}')), sum: out.sum, name: job.name, length: job.length, value }));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const viaRequire = JSON.parse((await runNode(['-e', cjs], { cwd: project })).stdout);
  detail('require:', `${viaRequire.file}: traceJob(...)(2, 3).sum = ${viaRequire.sum}, name ${viaRequire.name}, length ${viaRequire.length}; async job → ${JSON.stringify(viaRequire.value)}`);
  expect(viaRequire.file.startsWith('node_modules/eslint-plugin-trace-context/dist/'), `require resolved ${viaRequire.file}`);

  const esm = `
    import assert from 'node:assert/strict';
    import { fileURLToPath } from 'node:url';
    import { relative } from 'node:path';
    import '@opentelemetry/api';
    import { traceJob } from '${WRAPPERS}';
    import * as namespace from '${WRAPPERS}';
    assert.equal(typeof traceJob, 'function');
    assert.equal(namespace.traceJob, traceJob);
    const job = traceJob('nightly', function addTotals(a, b) { return a + b; });
    assert.equal(job(2, 3), 5);
    assert.equal(job.name, 'addTotals');
    assert.equal(job.length, 2);
    const value = await traceJob('async-job', async () => 'ok')();
    assert.equal(value, 'ok');
    const file = relative(process.cwd(), fileURLToPath(import.meta.resolve('${WRAPPERS}')));
    console.log(JSON.stringify({ file, sum: job(2, 3), value }));`;
  const viaImport = JSON.parse((await runNode(['--input-type=module', '-e', esm], { cwd: project })).stdout);
  detail('import: ', `${viaImport.file}: traceJob(...)(2, 3) = ${viaImport.sum}; async job → ${JSON.stringify(viaImport.value)}`);
  expect(viaImport.file.startsWith('node_modules/eslint-plugin-trace-context/dist/'), `import resolved ${viaImport.file}`);
  expect(viaImport.file !== viaRequire.file, `require and import load the same file (${viaImport.file}); the ESM build is not used`);
  const esmSource = readFileSync(join(project, viaImport.file), 'utf8');
  expect(!/\brequire\(|exports\.|module\.exports/.test(esmSource), `${viaImport.file} is not an ES module`);
}

async function checkTypesAndFixedFiles(fixed) {
  // The quick fix's output, saved as the editor would.
  for (const [file, text] of Object.entries(fixed)) writeFileSync(join(project, file), text);
  const tsc = join(project, 'node_modules/typescript/bin/tsc');
  const { stdout } = await runNode([tsc, '-p', 'tsconfig.json', '--explainFiles'], { cwd: project }).catch((error) =>
    fail(`tsc found errors in the fresh project (wrapper types or the fixed src/jobs.ts):\n${indent(error.message)}`),
  );
  const typeFiles = [...new Set(stdout.split('\n').filter((line) => /eslint-plugin-trace-context\/dist\/[^ ]*index\.d\.ts$/.test(line.trim())).map((line) => line.trim()))];
  detail('tsc:', `no errors; wrapper declarations used:\n${typeFiles.join('\n')}`);
  expect(typeFiles.some((file) => file.includes('/dist/wrappers-esm/')), 'tsc did not use the ESM declarations for the import');
  expect(typeFiles.some((file) => file.includes('/dist/src/wrappers/')), 'tsc did not use the CommonJS declarations for the require');

  // The fixed CommonJS file loads: the require the quick fix added resolves at run time.
  const { stdout: loaded } = await runNode(['-e', "console.log(typeof require('./src/jobs.js').startJobs)"], { cwd: project });
  expect(loaded.trim() === 'function', `the fixed src/jobs.js did not load: ${loaded}`);
  detail('node:', "require('./src/jobs.js') (after the quick fix) loads and exports startJobs");
}

// ---------------------------------------------------------------------------------------------

let exitCode = 0;
try {
  mkdirSync(tools, { recursive: true });
  mkdirSync(packDir, { recursive: true });
  await main();
} catch (error) {
  exitCode = 1;
  if (!(error instanceof CheckError) && !results.some((result) => !result.ok)) console.error(error);
} finally {
  if (server) {
    if (exitCode !== 0 && server.log.length > 0) {
      console.log(`\n${bold('language server log (last 40 lines)')}\n${indent(server.log.slice(-40).join('\n'))}${server.stderrTail()}`);
    }
    await server.stop().catch(() => {});
  }
  const total = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\n${bold('Summary')}`);
  for (const result of results) console.log(`  ${result.ok ? green('✔') : red('✘')} ${result.title} ${dim(`${(result.ms / 1000).toFixed(1)} s`)}`);
  for (const message of warnings) console.log(`  ${yellow('!')} ${message}`);
  console.log(exitCode === 0 ? green(`\nEditor check passed in ${total} s.`) : red(`\nEditor check FAILED after ${total} s.`));
  if (keep || exitCode !== 0) console.log(dim(`work folder kept: ${work}`));
  else rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
