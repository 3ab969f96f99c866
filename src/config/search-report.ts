import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfigFile, searchDirs, SEARCH_PLACES, type FoundConfig } from './read-file.js';

/** One directory of the upward search: which candidates exist there, and which one was used. */
export interface SearchedDir {
  readonly dir: string;
  readonly present: string[];
  readonly used?: string;
}

// expandHome and defaultStopDir mirror the private helpers of load-config.ts.
export function expandHome(file: string, home: string): string {
  return file === '~' || file.startsWith('~/') || file.startsWith(`~${path.sep}`)
    ? path.join(home, file.slice(1))
    : file;
}

export function defaultStopDir(cwd: string, home: string): string {
  const relative = path.relative(home, cwd);
  return !relative.startsWith('..') && !path.isAbsolute(relative) ? path.resolve(home) : path.parse(cwd).root;
}

/** `--config <file>`; with `allowMissing` (init), a file still to be created reads as none. */
export async function findFile(cwd: string, file: string, allowMissing: boolean): Promise<FoundConfig | undefined> {
  if (allowMissing && !existsSync(file)) return undefined;
  return loadConfigFile(file, cwd);
}

/**
 * The directories the search went through, nearest first, up to the one it stopped in. A
 * candidate that exists but was passed over (an empty file, a package.json without a "spotify"
 * key) shows in `present` without being `used`, which is what a puzzled user needs to see.
 */
export function searched(found: FoundConfig | undefined, cwd: string, stopDir: string): SearchedDir[] {
  const result: SearchedDir[] = [];
  for (const dir of searchDirs(cwd, stopDir)) {
    const present = SEARCH_PLACES.filter((place) => existsSync(path.join(dir, place)));
    const used = found && path.dirname(found.file) === dir ? path.basename(found.file) : undefined;
    result.push({ dir, present, ...(used ? { used } : {}) });
    if (used) break;
  }
  return result;
}
