/** Extensions the engine can lint (without the dot). `.d.ts` files are left out by the runner. */
export const SUPPORTED_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'] as const;
