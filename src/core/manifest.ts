/**
 * The nearest `package.json` above a file, with the union of its dependency fields.
 * Cached by directory (which manifest applies) and by manifest path + mtime (its content): an
 * editor's ESLint server lives for hours while manifests change under it.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface Manifest {
  readonly path: string;
  readonly dir: string;
  readonly name?: string;
  readonly type?: string;
  /** Union of `dependencies`, `devDependencies` and `optionalDependencies` names. */
  readonly allDependencies: ReadonlySet<string>;
  /** Names in `dependencies` only (what production installs keep). */
  readonly dependencies: ReadonlySet<string>;
}

interface Entry {
  mtimeMs: number;
  manifest: Manifest | null;
}

const byPath = new Map<string, Entry>();
const manifestPathOfDir = new Map<string, string | null>();

function mtimeOf(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

function readManifest(path: string, mtimeMs: number): Manifest | null {
  const cached = byPath.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.manifest;
  let manifest: Manifest | null = null;
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const names = (field: string) =>
      json[field] && typeof json[field] === 'object' ? Object.keys(json[field] as object) : [];
    manifest = {
      path,
      dir: dirname(path),
      name: typeof json.name === 'string' ? json.name : undefined,
      type: typeof json.type === 'string' ? json.type : undefined,
      allDependencies: new Set([...names('dependencies'), ...names('devDependencies'), ...names('optionalDependencies')]),
      dependencies: new Set(names('dependencies')),
    };
  } catch {
    manifest = null; // unreadable or invalid JSON: treated as no manifest at this level
  }
  byPath.set(path, { mtimeMs, manifest });
  return manifest;
}

/** The nearest readable `package.json` at or above the file's directory. */
export function findManifest(filename: string): Manifest | undefined {
  if (!filename || filename.startsWith('<')) return undefined;
  let dir = dirname(resolve(filename));
  const visited: string[] = [];
  for (;;) {
    const known = manifestPathOfDir.get(dir);
    if (known !== undefined) {
      const mtime = known === null ? undefined : mtimeOf(known);
      if (known === null || mtime !== undefined) {
        for (const seen of visited) manifestPathOfDir.set(seen, known);
        const manifest = known === null ? null : readManifest(known, mtime!);
        if (manifest || known === null) return manifest ?? undefined;
      }
      manifestPathOfDir.delete(dir); // stale: the manifest was removed; look again
    }
    visited.push(dir);
    const candidate = join(dir, 'package.json');
    const mtime = mtimeOf(candidate);
    if (mtime !== undefined) {
      const manifest = readManifest(candidate, mtime);
      if (manifest) {
        for (const seen of visited) manifestPathOfDir.set(seen, candidate);
        return manifest;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      for (const seen of visited) manifestPathOfDir.set(seen, null);
      return undefined;
    }
    dir = parent;
  }
}

/** For tests: forget everything read so far. */
export function clearManifestCache(): void {
  byPath.clear();
  manifestPathOfDir.clear();
}
