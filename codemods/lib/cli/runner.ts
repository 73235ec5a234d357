/** Drives jscodeshift's `Runner` with a built transform (DESIGN.md §1: the runner, never the printer). */
import { existsSync } from 'node:fs';

import { SUPPORTED_EXTENSIONS } from '../extensions';

export interface RunnerStats {
  ok: number;
  nochange: number;
  skip: number;
  error: number;
}

interface RunnerModule {
  run(transformFile: string, paths: string[], options: Record<string, unknown>): Promise<RunnerStats> | undefined;
}

/** Up to this many files run in the CLI's own process; more are spread over forked workers. */
export const IN_BAND_LIMIT = 24;

export interface RunOptions {
  dry: boolean;
  print: boolean;
  ignorePatterns: readonly string[];
  extensions: readonly string[];
  /** Passed through to the transform. */
  transformOptions: Record<string, unknown>;
}

export async function runTransform(transformFile: string, files: readonly string[], options: RunOptions): Promise<RunnerStats> {
  if (files.length === 0) return { ok: 0, nochange: 0, skip: 0, error: 0 };
  if (!existsSync(transformFile)) throw new Error(`The transform ${transformFile} is missing: build the package first.`);
  const runInBand = files.length <= IN_BAND_LIMIT;
  if (runInBand) {
    // An in-band worker is a module-level emitter that keeps the previous run's listeners:
    // load a fresh one for every run.
    delete require.cache[require.resolve('jscodeshift/src/Worker')];
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Runner = require('jscodeshift/src/Runner') as RunnerModule;
  const result = await Runner.run(transformFile, [...files], {
    ...options.transformOptions,
    babel: false,
    extensions: (options.extensions.length > 0 ? options.extensions : SUPPORTED_EXTENSIONS).join(','),
    ignorePattern: [...options.ignorePatterns],
    parser: 'tsx',
    verbose: 0,
    silent: true,
    dry: options.dry,
    print: options.print,
    runInBand,
    failOnError: false,
  });
  if (!result) throw new Error(`jscodeshift could not load the transform ${transformFile}.`);
  return { ok: result.ok, nochange: result.nochange, skip: result.skip, error: result.error };
}
