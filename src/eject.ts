/**
 * `eject-wrappers`: writes a copy of the runtime wrappers into a project, so that production code
 * does not import from a lint plugin that is usually a devDependency.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Options of {@link ejectWrappers}. */
export interface EjectOptions {
  /** Overwrite wrapper files that already exist in the target folder. */
  force?: boolean;
}

/** What {@link ejectWrappers} wrote. */
export interface EjectResult {
  /** Absolute paths of the files written, sorted. */
  files: string[];
  /**
   * The folder of the copy relative to the target package's root, with a leading `./`
   * (e.g. `./src/tracing/wrappers/index.js`): the value for `settings['trace-context'].wrapperModule`.
   */
  wrapperModule: string;
  /** `ts` when a `tsconfig.json` governs the folder, else `js`. */
  language: 'ts' | 'js';
  /** The module format of the target package (`"type": "module"` → `esm`, otherwise `cjs`). */
  format: 'esm' | 'cjs';
}

/** A problem the user must resolve: no package.json, files in the way, a missing build. */
export class EjectError extends Error {
  override name = 'EjectError';
}

const PLUGIN_NAME = 'eslint-plugin-trace-context';

interface Manifest {
  name?: unknown;
  version?: unknown;
  type?: unknown;
}

function readManifest(file: string): Manifest {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    throw new EjectError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** The folders from `start` up to the file-system root, `start` first. */
function* ancestors(start: string): Generator<string> {
  let current = resolve(start);
  for (;;) {
    yield current;
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** This plugin's own root: the folder whose package.json is named eslint-plugin-trace-context. */
function pluginRoot(): string {
  for (const folder of ancestors(__dirname)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && readManifest(manifest).name === PLUGIN_NAME) return folder;
  }
  throw new EjectError(`Cannot find the ${PLUGIN_NAME} package root above ${__dirname}.`);
}

/**
 * The wrapper modules in `folder` with extension `ext` (declarations and tests left out), sorted so
 * that the output is the same on every machine.
 */
function moduleFiles(folder: string, ext: '.ts' | '.js'): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith(ext) && !file.endsWith('.d.ts') && !/\.(test|spec)\.[jt]s$/.test(file))
    .sort();
}

function header(version: string, language: 'ts' | 'js'): string {
  return [
    `// Ejected from ${PLUGIN_NAME}@${version} by \`trace-context-codemod eject-wrappers\`.`,
    '// This copy is yours: edit it freely; upgrading or removing the plugin does not change it.',
    `// It needs @opentelemetry/api in your package's dependencies${language === 'ts' ? '' : ' at run time'}.`,
    '',
  ].join('\n');
}

function withoutSourceMapComment(text: string): string {
  return text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/**
 * Writes a copy of the runtime wrappers (`traceJob`, `injectContext`, …) into `targetDir`, as
 * source the team owns and edits, so that fixed code can import them from the project itself
 * instead of from this plugin (which `npm ci --omit=dev` removes when it is a devDependency).
 *
 * The copy matches the package that contains `targetDir` (its nearest `package.json`):
 * TypeScript when a `tsconfig.json` exists in `targetDir` or a folder above it, up to that
 * package's root; otherwise JavaScript, as ES modules when the package.json says
 * `"type": "module"` and CommonJS otherwise. Every file starts with a comment naming the plugin
 * version it came from. The copy imports only `@opentelemetry/api`, which the package must list in
 * its dependencies.
 *
 * Nothing is written when any of the files already exists, unless `options.force` is set.
 *
 * @param targetDir - The folder to write into (created when missing), e.g. `src/tracing/wrappers`.
 * @param options - `force` to overwrite existing files.
 * @returns The files written, the `wrapperModule` setting to use (relative to the package root,
 *   with a leading `./`), and the language and module format chosen.
 * @throws {@link EjectError} when no package.json is found above `targetDir`, when files would be
 *   overwritten without `force`, or when this plugin's build output is missing.
 */
export function ejectWrappers(targetDir: string, options: EjectOptions = {}): EjectResult {
  const target = resolve(targetDir);
  let packageRoot: string | undefined;
  for (const folder of ancestors(target)) {
    if (existsSync(join(folder, 'package.json'))) {
      packageRoot = folder;
      break;
    }
  }
  if (packageRoot === undefined) {
    throw new EjectError(`No package.json found in ${target} or above: eject into a folder of a package.`);
  }

  const format = readManifest(join(packageRoot, 'package.json')).type === 'module' ? 'esm' : 'cjs';
  let language: 'ts' | 'js' = 'js';
  for (const folder of ancestors(target)) {
    if (existsSync(join(folder, 'tsconfig.json'))) {
      language = 'ts';
      break;
    }
    if (folder === packageRoot) break;
  }

  const root = pluginRoot();
  const version = String(readManifest(join(root, 'package.json')).version ?? 'unknown');
  const sourceFolder =
    language === 'ts'
      ? join(root, 'src/wrappers')
      : format === 'esm'
        ? join(root, 'dist/wrappers-esm')
        : join(root, 'dist/src/wrappers');
  const sources = moduleFiles(sourceFolder, language === 'ts' ? '.ts' : '.js');
  if (!sources.includes(`index.${language}`)) {
    throw new EjectError(
      `The wrappers' ${language === 'ts' ? 'source' : 'build'} is missing from ${sourceFolder}` +
        (language === 'ts' ? '.' : ': build the plugin first (`npm run build`).'),
    );
  }

  const destinations = sources.map((file) => join(target, file));
  const existing = destinations.filter((file) => existsSync(file));
  if (existing.length > 0 && options.force !== true) {
    const list = existing.map((file) => relative(process.cwd(), file) || file).join(', ');
    throw new EjectError(`Refusing to overwrite ${list}: pass --force to replace them.`);
  }

  mkdirSync(target, { recursive: true });
  const banner = header(version, language);
  sources.forEach((file, index) => {
    const text = withoutSourceMapComment(readFileSync(join(sourceFolder, file), 'utf8'));
    writeFileSync(destinations[index]!, banner + text);
  });

  const fromRoot = relative(packageRoot, target).split(sep).join('/');
  return {
    files: [...destinations].sort(),
    // The entry file, not the folder: ES modules do not resolve directory imports, and TypeScript maps
    // `.js` to the `.ts` source under every module resolution mode.
    wrapperModule: fromRoot === '' ? './index.js' : `./${fromRoot}/index.js`,
    language,
    format,
  };
}
