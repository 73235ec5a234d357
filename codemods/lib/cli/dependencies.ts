/**
 * The production-dependency guard: fixed code that imports the default wrapper module needs the
 * plugin in the importing package's `dependencies` (a devDependency is gone after
 * `npm ci --omit=dev`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface MissingDependency {
  /** The nearest package.json, or undefined when there is none. */
  manifest: string | undefined;
  files: string[];
}

const manifests = new Map<string, string | undefined>();

/** The nearest package.json above (or in) `dir`. */
export function nearestManifest(dir: string): string | undefined {
  if (manifests.has(dir)) return manifests.get(dir);
  const candidate = join(dir, 'package.json');
  let found: string | undefined;
  if (existsSync(candidate)) found = candidate;
  else {
    const parent = dirname(dir);
    found = parent === dir ? undefined : nearestManifest(parent);
  }
  manifests.set(dir, found);
  return found;
}

function providesPlugin(manifest: string, pluginName: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; dependencies?: Record<string, unknown> };
    return pkg.name === pluginName || (typeof pkg.dependencies === 'object' && pkg.dependencies !== null && pluginName in pkg.dependencies);
  } catch {
    return false;
  }
}

/** Files (absolute paths) whose nearest package.json does not list `pluginName` in `dependencies`. */
export function findMissingDependency(files: readonly string[], pluginName: string): MissingDependency[] {
  const byManifest = new Map<string | undefined, string[]>();
  for (const file of files) {
    const manifest = nearestManifest(dirname(file));
    if (manifest && providesPlugin(manifest, pluginName)) continue;
    const list = byManifest.get(manifest) ?? [];
    list.push(file);
    byManifest.set(manifest, list);
  }
  return [...byManifest].map(([manifest, list]) => ({ manifest, files: list }));
}
