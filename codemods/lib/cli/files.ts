/**
 * The files a run covers: the given paths walked the way jscodeshift's runner walks them (same
 * path strings, same ignore matcher), filtered by extension. Knowing the list up front lets the
 * CLI read settings per directory, honour the ESLint config's ignores and pick in-band runs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

interface IgnoreMatcher {
  add(patterns: string | readonly string[]): void;
  shouldIgnore(path: string): boolean;
}

// jscodeshift's own matcher (a module-level list the runner also adds the patterns to).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ignores = require('jscodeshift/src/ignoreFiles') as IgnoreMatcher;

/** Always skipped: dependencies, build output, declaration files, git internals. */
export const DEFAULT_IGNORE_PATTERNS: readonly string[] = [
  '**/node_modules/**',
  '**/dist/**',
  '**/.git/**',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
];

export interface FileSelection {
  /** Files as the runner names them (the user's path joined with the relative names below it). */
  files: string[];
  /** Given paths that do not exist. */
  missing: string[];
}

export function selectFiles(paths: readonly string[], extensions: readonly string[], ignorePatterns: readonly string[]): FileSelection {
  ignores.add([...ignorePatterns]);
  const wanted = new Set(extensions.map((ext) => `.${ext}`));
  const matches = (file: string): boolean => wanted.has(extname(file)) && !ignores.shouldIgnore(file);
  const files = new Set<string>();
  const missing: string[] = [];

  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = join(dir, entry.name);
      if (ignores.shouldIgnore(name)) continue;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Linked files count; linked folders are not followed (they may loop).
        const target = statSync(name, { throwIfNoEntry: false });
        isDirectory = false;
        isFile = target?.isFile() ?? false;
      }
      if (isDirectory) walk(name);
      else if (isFile && matches(name)) files.add(name);
    }
  };

  for (const path of paths) {
    if (!existsSync(path)) {
      missing.push(path);
      continue;
    }
    if (statSync(path).isDirectory()) walk(path);
    else if (matches(path)) files.add(path);
  }
  return { files: [...files].sort(), missing };
}
