/** Types for scripts/corpus.mjs (a deterministic sample of real source files from node_modules). */
export declare const REPO_ROOT: string;
export declare const DEFAULT_EXTENSIONS: readonly string[];
export declare const DEFAULT_MAX_BYTES: number;
export declare const DEFAULT_MAX_LINE_LENGTH: number;
/** Folders never walked: tool caches, `.git`, links to binaries. */
export declare const DEFAULT_EXCLUDED_DIRS: readonly string[];
/** The defaults plus `node_modules`, `dist`, `build`, `coverage`: for sampling a project. */
export declare const PROJECT_EXCLUDED_DIRS: readonly string[];

export interface PickCorpusOptions {
  /** How many files (default 3000); fewer when the tree holds fewer. */
  count?: number;
  /** The folder to sample (default `<repo>/node_modules`). */
  root?: string;
  /** Extensions with the dot (default `.js`, `.ts`, `.mjs`, `.cjs`); declaration files are always left out. */
  extensions?: readonly string[];
  /** Larger files are left out (default 200 KiB). */
  maxBytes?: number;
  /** A file with a longer line counts as minified and is left out (default 1000). */
  maxLineLength?: number;
  /** Folder names not to walk into (default: `DEFAULT_EXCLUDED_DIRS`). */
  excludedDirs?: readonly string[];
  /** Changes the sample while keeping it deterministic. */
  seed?: string;
}

/** Every file under `dir` with a listed extension, in sorted walk order (no symlinks, no `.d.ts`). */
export declare function listSourceFiles(
  dir: string,
  extensions?: readonly string[],
  excludedDirs?: readonly string[],
): string[];

/** A deterministic sample of source files: absolute paths, in sample order. */
export declare function pickCorpus(options?: PickCorpusOptions): string[];
