// A deterministic sample of real source files that nobody here wrote: the JavaScript and TypeScript
// sources under the repository's node_modules. Shared by tests/robustness and scripts/bench.mjs.
//
// The walk visits directories in sorted order; the candidates are then ordered by a hash of their
// path relative to the root, so the sample is spread over many packages and is the same on every
// machine with the same lockfile. Files are only read while the sample is being filled.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder that holds package.json and node_modules). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_EXTENSIONS = Object.freeze(['.js', '.ts', '.mjs', '.cjs']);
export const DEFAULT_MAX_BYTES = 200 * 1024;
export const DEFAULT_MAX_LINE_LENGTH = 1000;

const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const MINIFIED_NAME = /[.-]min\.[cm]?js$/;
/** Folders never walked: tool caches, and links to binaries. */
export const DEFAULT_EXCLUDED_DIRS = Object.freeze(['.bin', '.cache', '.git', '.vite', '.vitest']);
/** What to leave out when sampling a project rather than node_modules. */
export const PROJECT_EXCLUDED_DIRS = Object.freeze([...DEFAULT_EXCLUDED_DIRS, 'node_modules', 'dist', 'build', 'coverage']);

/**
 * Every file under `dir` whose extension is listed, in sorted walk order. Symbolic links are not
 * followed (node_modules/.bin and workspace links would only repeat files).
 * @param {string} dir
 * @param {readonly string[]} extensions
 * @param {readonly string[]} excludedDirs folder names not to walk into
 * @returns {string[]}
 */
export function listSourceFiles(dir, extensions = DEFAULT_EXTENSIONS, excludedDirs = DEFAULT_EXCLUDED_DIRS) {
  const skipped = new Set(excludedDirs);
  const found = [];
  const walk = (folder) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) walk(full);
      } else if (
        entry.isFile() &&
        extensions.includes(extname(entry.name)) &&
        !DECLARATION_FILE.test(entry.name) &&
        !MINIFIED_NAME.test(entry.name)
      ) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found;
}

/**
 * Reads a file when it is small enough and not minified; `undefined` otherwise.
 * @param {string} file
 * @param {number} maxBytes
 * @param {number} maxLineLength
 * @returns {string | undefined}
 */
function readIfSuitable(file, maxBytes, maxLineLength) {
  let size;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  if (size === 0 || size > maxBytes) return undefined;
  const buffer = Buffer.alloc(size);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  if (buffer.includes(0)) return undefined; // binary
  const text = buffer.toString('utf8');
  let lineStart = 0;
  for (;;) {
    const next = text.indexOf('\n', lineStart);
    const end = next === -1 ? text.length : next;
    if (end - lineStart > maxLineLength) return undefined;
    if (next === -1) return text;
    lineStart = next + 1;
  }
}

const hashOf = (text) => createHash('sha1').update(text).digest('hex');

/**
 * @typedef {object} PickCorpusOptions
 * @property {number} [count] how many files (default 3000); fewer when the tree has fewer
 * @property {string} [root] the folder to sample (default `<repo>/node_modules`)
 * @property {readonly string[]} [extensions] with the dot (default .js, .ts, .mjs, .cjs)
 * @property {number} [maxBytes] larger files are left out (default 200 KiB)
 * @property {number} [maxLineLength] files with a longer line count as minified (default 1000)
 * @property {readonly string[]} [excludedDirs] folder names not to walk into (default: tool caches)
 * @property {string} [seed] changes the sample while keeping it deterministic
 */

/**
 * A deterministic sample of source files (absolute paths, in sample order).
 * @param {PickCorpusOptions} [options]
 * @returns {string[]}
 */
export function pickCorpus(options = {}) {
  const {
    count = 3000,
    root = join(REPO_ROOT, 'node_modules'),
    extensions = DEFAULT_EXTENSIONS,
    maxBytes = DEFAULT_MAX_BYTES,
    maxLineLength = DEFAULT_MAX_LINE_LENGTH,
    excludedDirs = DEFAULT_EXCLUDED_DIRS,
    seed = '',
  } = options;
  const base = resolve(root);
  const ranked = listSourceFiles(base, extensions, excludedDirs)
    .map((file) => ({ file, key: hashOf(seed + relative(base, file).split(sep).join('/')) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const picked = [];
  for (const { file } of ranked) {
    if (picked.length >= count) break;
    if (readIfSuitable(file, maxBytes, maxLineLength) !== undefined) picked.push(file);
  }
  return picked;
}

// `node scripts/corpus.mjs [count] [root]` prints the sample, one path a line, then a summary on stderr.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const files = pickCorpus({
    count: process.argv[2] ? Number(process.argv[2]) : undefined,
    root: process.argv[3],
  });
  const ms = performance.now() - started;
  process.stdout.write(files.map((f) => `${f}\n`).join(''));
  const byExt = {};
  for (const f of files) byExt[extname(f)] = (byExt[extname(f)] ?? 0) + 1;
  process.stderr.write(`${files.length} files in ${ms.toFixed(0)} ms ${JSON.stringify(byExt)}\n`);
}
