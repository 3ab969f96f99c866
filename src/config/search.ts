import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConfigFile, type FoundConfig } from './read-file.js';
import type { TrustContext } from './trust.js';
import { isInside } from './where.js';

/** Dedicated files first: if a directory has both, `.spotifyrc` beats package.json. */
export const SEARCH_PLACES = [
  '.spotifyrc',
  '.spotifyrc.json',
  '.spotifyrc.yaml',
  '.spotifyrc.yml',
  'spotify.config.js',
  'spotify.config.mjs',
  'package.json',
  // The book's tool kept its settings here, in the musicterminal/ folder it ran from.
  'pytify/config.yaml',
];

/** One directory of the upward search: which candidates exist there, and which one was used. */
export interface SearchedDir {
  readonly dir: string;
  readonly present: string[];
  readonly used?: string;
}

export interface SearchResult {
  readonly found?: FoundConfig;
  /** Nearest first, up to the directory the search stopped in (doctor shows them). */
  readonly searched: SearchedDir[];
}

/** The directories searched: `from`, then each parent up to and including `stopDir` (or /). */
function searchDirs(from: string, stopDir: string): string[] {
  const dirs = [from];
  for (let current = from; current !== stopDir && path.dirname(current) !== current;) {
    current = path.dirname(current);
    dirs.push(current);
  }
  return dirs;
}

/**
 * The home directory when cwd is inside it, else cwd alone: outside home every directory above
 * (/tmp, /srv) may be another user's, and a file there must not steer this user's tokens.
 */
export function defaultStopDir(cwd: string, home: string): string {
  return isInside(cwd, home) ? path.resolve(home) : path.resolve(cwd);
}

/** The book's `pytify/config.yaml` keeps its `.pytify` in the folder holding `pytify/`. */
export function bookFolder(file: string | undefined): string | undefined {
  if (!file || path.basename(file) !== 'config.yaml' || path.basename(path.dirname(file)) !== 'pytify')
    return undefined;
  return path.dirname(path.dirname(file));
}

export function expandHome(file: string, home: string): string {
  return file === '~' || file.startsWith('~/') || file.startsWith(`~${path.sep}`)
    ? path.join(home, file.slice(1))
    : file;
}

/**
 * The first place holding settings, nearest directory first, and the trail that led there. Like
 * cosmiconfig's search, an empty file or a package.json without a "spotify" key does not count
 * (it shows in `present` without being `used`, which is what a puzzled user needs to see); unlike
 * its `global` strategy, nothing is read from ~/.config/spotify/, the Spotify desktop client's.
 *
 * The search is ours, not cosmiconfig's explorer: cosmiconfig 9 reads and runs a "meta config"
 * (`.config/config.{json,yaml,js,…}` in the current directory) as soon as an explorer is created,
 * before any check of ours, with no option to turn that off — any project directory could make
 * `pytify-auth token` run its code. cspell dropped cosmiconfig for the same reason.
 */
export async function searchConfig(
  from: string,
  stopDir: string,
  cwd: string,
  trust: TrustContext,
): Promise<SearchResult> {
  const searched: SearchedDir[] = [];
  for (const dir of searchDirs(path.resolve(from), path.resolve(stopDir))) {
    const present: string[] = [];
    for (const [index, place] of SEARCH_PLACES.entries()) {
      const found = await readConfigFile(path.join(dir, place), cwd, true, trust);
      if (found === 'absent') continue;
      present.push(place);
      if (found === 'unreadable' || found.data === undefined) continue;
      // The places of lower rank next to the used one were never read; doctor says so.
      const rest = SEARCH_PLACES.slice(index + 1).filter((other) => existsSync(path.join(dir, other)));
      searched.push({ dir, present: [...present, ...rest], used: place });
      return { found, searched };
    }
    searched.push({ dir, present });
  }
  return { searched };
}
