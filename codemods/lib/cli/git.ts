/** The "uncommitted changes" guard: tracked files under the target paths must be committed first. */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { statSync } from 'node:fs';

export interface GitCheck {
  /** `git status --porcelain` lines of tracked files with changes (untracked files do not count). */
  dirty: string[];
  /** Paths git could not be asked about (git missing); they count as clean. */
  unchecked: string[];
}

export function checkGitClean(paths: readonly string[]): GitCheck {
  const dirty: string[] = [];
  const unchecked: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    const cwd = statSync(absolute).isDirectory() ? absolute : dirname(absolute);
    let output: string;
    try {
      output = execFileSync('git', ['status', '--porcelain', '--', absolute], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & { stderr?: string };
      if (failure.code === 'ENOENT') {
        unchecked.push(path);
        continue;
      }
      // Outside a work tree: nothing to lose, counts as clean.
      if (/not a git repository/i.test(String(failure.stderr ?? ''))) continue;
      throw new Error(`git status failed in ${cwd}: ${String(failure.stderr ?? failure.message).trim()}`);
    }
    for (const line of output.split('\n')) {
      if (line.trim() !== '' && !line.startsWith('??') && !dirty.includes(line)) dirty.push(line);
    }
  }
  return { dirty, unchecked };
}
