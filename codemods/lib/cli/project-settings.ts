/**
 * `settings['trace-context']` of the target project, read from its own ESLint config with
 * `ESLint#calculateConfigForFile` (the project's own `eslint` when it has one, else ours), and the
 * files that config ignores.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';

import type { ESLint as ESLintClass } from 'eslint';

export const CONFIG_FILE_NAMES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
] as const;

export interface FileSettings {
  /** Absolute path of the file. */
  file: string;
  /** The config file the settings come from, or undefined when none was found. */
  configFile: string | undefined;
  /** The raw `settings['trace-context']` (undefined: not set). */
  raw: unknown;
  /** Options the config gives this plugin's rules (rule name without the prefix → options). */
  ruleOptions?: Record<string, unknown[]>;
}

export interface ProjectSettings {
  files: FileSettings[];
  /** Files the project's ESLint config ignores (absolute). */
  ignored: string[];
  /** Directories (absolute) with no ESLint config above them. */
  unconfiguredDirs: string[];
}

/** Raised when a project's ESLint config cannot be loaded. */
export class ConfigLoadError extends Error {}

type ESLintInstance = Pick<ESLintClass, 'calculateConfigForFile'>;
interface ESLintModule {
  ESLint: new (options: { cwd: string }) => ESLintInstance;
  loadESLint?: (options: { useFlatConfig: boolean; cwd: string }) => Promise<new (options: { cwd: string }) => ESLintInstance>;
}

const configDirs = new Map<string, string | undefined>();

/** The directory of the nearest flat config file at or above `dir`. */
function findConfigFile(dir: string): string | undefined {
  if (configDirs.has(dir)) return configDirs.get(dir);
  let found: string | undefined;
  for (const name of CONFIG_FILE_NAMES) {
    if (existsSync(join(dir, name))) {
      found = join(dir, name);
      break;
    }
  }
  if (!found) {
    const parent = dirname(dir);
    found = parent === dir ? undefined : findConfigFile(parent);
  }
  configDirs.set(dir, found);
  return found;
}

function loadEslintModule(fromDir: string): ESLintModule {
  try {
    const projectRequire = createRequire(join(fromDir, 'package.json'));
    return projectRequire(projectRequire.resolve('eslint')) as ESLintModule;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('eslint') as ESLintModule;
  }
}

const instances = new Map<string, Promise<ESLintInstance>>();

function eslintFor(configFile: string): Promise<ESLintInstance> {
  let instance = instances.get(configFile);
  if (!instance) {
    const cwd = dirname(configFile);
    instance = (async () => {
      const mod = loadEslintModule(cwd);
      const ESLint = mod.loadESLint ? await mod.loadESLint({ useFlatConfig: true, cwd }) : mod.ESLint;
      return new ESLint({ cwd });
    })();
    instances.set(configFile, instance);
  }
  return instance;
}

type Calculated = { settings?: Record<string, unknown>; rules?: Record<string, unknown> } | undefined;

async function calculate(eslint: ESLintInstance, file: string, configFile: string): Promise<Calculated> {
  try {
    return (await eslint.calculateConfigForFile(file)) as Calculated;
  } catch (error) {
    throw new ConfigLoadError(`Could not load the ESLint config ${configFile}: ${(error as Error).message}`);
  }
}

/** `'trace-context/<rule>': ['error', { … }]` → `{ <rule>: [{ … }] }`. */
function ruleOptionsOf(rules: Record<string, unknown> | undefined): Record<string, unknown[]> | undefined {
  if (!rules) return undefined;
  const options: Record<string, unknown[]> = {};
  for (const [id, entry] of Object.entries(rules)) {
    if (!id.startsWith('trace-context/') || !Array.isArray(entry) || entry.length < 2) continue;
    options[id.slice('trace-context/'.length)] = entry.slice(1);
  }
  return Object.keys(options).length > 0 ? options : undefined;
}

/**
 * Settings and ignores for every file. A file the config leaves out is "ignored" only when a
 * `.js` file of the same name beside it is left out too; otherwise the config merely does not
 * cover its extension (a project that lints only JavaScript), and the file is processed with the
 * settings that twin gets.
 */
export async function readProjectSettings(absoluteFiles: readonly string[]): Promise<ProjectSettings> {
  const files: FileSettings[] = [];
  const ignored: string[] = [];
  const unconfigured = new Set<string>();

  for (const file of absoluteFiles) {
    const dir = dirname(file);
    const configFile = findConfigFile(dir);
    if (!configFile) {
      unconfigured.add(dir);
      files.push({ file, configFile: undefined, raw: undefined });
      continue;
    }
    const eslint = await eslintFor(configFile);
    let config = await calculate(eslint, file, configFile);
    if (!config && extname(file) !== '.js') {
      const twin = join(dir, `${basename(file, extname(file))}.js`);
      config = await calculate(eslint, twin, configFile);
    }
    if (!config) {
      ignored.push(file);
      continue;
    }
    files.push({ file, configFile, raw: config.settings?.['trace-context'], ruleOptions: ruleOptionsOf(config.rules) });
  }
  return { files, ignored, unconfiguredDirs: [...unconfigured].sort() };
}
