import type { Stats } from 'node:fs';
import path from 'node:path';
import { stat } from '../core/file-reads.js';
import { ConfigError } from '../core/errors.js';
import { isInside } from './where.js';

/**
 * Whose files a run may trust, as ssh decides for its config: a config file (a JS one runs as the
 * user) counts only if the user or root owns it and nobody else can write it, nor any directory
 * above it up to the home directory (up to / outside it): whoever can write a directory can swap
 * what is in it. A sticky directory (/tmp) lets others write, but not replace what the user owns.
 */
export interface TrustContext {
  /** undefined where there are no uids (Windows): nothing to check. */
  readonly uid: number | undefined;
  readonly home: string;
}

export const currentTrust = (home: string): TrustContext => ({ uid: process.getuid?.(), home });

const ownedOk = (stats: Stats, uid: number): boolean => stats.uid === uid || stats.uid === 0;
const othersWrite = (stats: Stats): boolean => (stats.mode & 0o022) !== 0;
const sticky = (stats: Stats): boolean => (stats.mode & 0o1000) !== 0;

/** The last directory checked above `file`: home for a file inside it, else the root. */
export const trustedUpTo = (file: string, home: string): string =>
  isInside(file, home) ? path.resolve(home) : path.parse(path.resolve(file)).root;

/** What makes `file` untrustworthy, in words completing "<file>: …", or undefined when it is fine. */
export async function distrust(file: string, trust: TrustContext): Promise<string | undefined> {
  const { uid } = trust;
  if (uid === undefined) return undefined;
  const own = await stat(file).catch(() => undefined);
  if (!own) return undefined;
  if (!ownedOk(own, uid)) return `belongs to another user (uid ${own.uid})`;
  if (othersWrite(own)) return `can be written by ${own.mode & 0o002 ? 'every user' : 'its group'}`;
  const stop = trustedUpTo(file, trust.home);
  let below = own;
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    const stats = await stat(dir).catch(() => undefined);
    if (!stats) return `sits below ${dir}, which cannot be checked`;
    if (!ownedOk(stats, uid)) return `sits in ${dir}, which belongs to another user (uid ${stats.uid})`;
    if (othersWrite(stats) && !(sticky(stats) && ownedOk(below, uid)))
      return `sits in ${dir}, which others can write to`;
    if (dir === stop || path.dirname(dir) === dir) return undefined;
    below = stats;
  }
}

/** Throws CONFIG_INVALID naming the file and the fix, before the file is read (or run). */
export async function assertTrusted(file: string, label: string, trust: TrustContext): Promise<void> {
  const reason = await distrust(file, trust);
  if (reason === undefined) return;
  throw new ConfigError(
    'CONFIG_INVALID',
    `${label}: bad owner or permissions: it ${reason}. pytify-auth reads a config file only if you (or root) ` +
      'own it and nobody else can write it or a directory above it. Fix: remove it if it is not yours, ' +
      `or "chown $(id -u) ${file} && chmod go-w ${file}" (and chmod go-w on that directory).`,
    { file },
  );
}
