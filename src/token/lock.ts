import { randomBytes } from 'node:crypto';
import { link, lstat, lutimes, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { PytifyError } from '../core/errors.js';
import { refuseSymlink, writeFileAtomic, type AtomicWriteIo } from '../core/private-file.js';
import { AccessTokenError } from './errors.js';
import { processAlive } from '../core/process-alive.js';

/**
 * A lock file next to the token file, so two players refreshing at once cannot both spend a
 * single-use (rotating) refresh token. Created whole or not at all (a create-only private write);
 * holds pid, host and a nonce. Not fsynced: after a power cut its holder is gone, and a lock lost,
 * empty or left behind is taken over by its age (saves about 1 ms of every save). A crashed holder never blocks for long: a lock whose process is
 * gone, or that nobody has touched for `staleMs` (the holder touches it every `heartbeatMs`), is
 * taken over. A symbolic link at the lock path is refused, never followed.
 *
 * Not proper-lockfile: it judges a holder by mtime alone, so a SIGKILLed holder blocks for its
 * `stale` time (measured: 2.0-2.9 s at its minimum of 2000 ms, 10.6-10.8 s at its default, 30.2-
 * 30.8 s at our 30 s; here 4-5 ms, by the pid), and at 2000 ms a holder whose event loop stalls
 * for 3 s was taken over while still holding, i.e. two refreshes of one rotating token.
 */
export interface LockOptions {
  waitMs?: number;
  staleMs?: number;
  pollMs?: number;
  heartbeatMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** The file operations of creating the lock; tests pass failing ones. */
  io?: AtomicWriteIo;
}

export interface HeldLock {
  release(): Promise<void>;
}

export const lockPathFor = (tokenFile: string): string => `${tokenFile}.lock`;

/** Nonces of the locks this process holds: the same pid in a lock file may be us or a dead predecessor. */
const heldHere = new Set<string>();

interface Holder {
  content: string;
  pid?: number;
  host?: string;
  nonce?: string;
  mtimeMs: number;
}

async function inspect(path: string): Promise<Holder | undefined> {
  await refuseSymlink(path); // its target's content and age say nothing about a holder
  try {
    const [content, stats] = await Promise.all([readFile(path, 'utf8'), lstat(path)]);
    let data: Partial<Holder> = {};
    try {
      data = JSON.parse(content) as Partial<Holder>;
    } catch {
      // Garbage, or being written (without hard links the create is not atomic): only its age can tell.
    }
    return { content, pid: data.pid, host: data.host, nonce: data.nonce, mtimeMs: stats.mtimeMs };
  } catch {
    return undefined; // released in the meantime
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (Date.now() - holder.mtimeMs > staleMs) return true;
  if (holder.host !== hostname() || typeof holder.pid !== 'number') return false;
  if (holder.pid === process.pid) return !heldHere.has(holder.nonce ?? '');
  return !processAlive(holder.pid);
}

/** Moves the stale lock aside first, so a lock taken by someone else in between is put back, not deleted. */
async function removeStale(path: string, staleContent: string): Promise<void> {
  const aside = `${path}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else removed it first
  }
  const moved = await readFile(aside, 'utf8').catch(() => staleContent);
  if (moved !== staleContent) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

export async function acquireLock(path: string, options: LockOptions = {}): Promise<HeldLock> {
  const { waitMs = 30_000, staleMs = 30_000, pollMs = 50, heartbeatMs = 5_000 } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const nonce = randomBytes(8).toString('hex');
  const content = JSON.stringify({ pid: process.pid, host: hostname(), nonce });
  const deadline = Date.now() + waitMs;
  // Known as ours before the file appears: another caller in this process that finds our lock in
  // the moment between its creation and this function's return must not take it for a dead one.
  heldHere.add(nonce);
  for (;;) {
    try {
      // Its own temporaries of killed processes are swept by the next login (reserveSave).
      await writeFileAtomic(path, content, { createOnly: true, durable: false, sweep: false, io: options.io });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        heldHere.delete(nonce);
        throw new PytifyError('TOKEN_STORE_ERROR', `Could not create the lock file ${path} (${code ?? 'failed'})`, {
          cause: error,
        });
      }
    }
    const holder = await inspect(path);
    if (holder && isStale(holder, staleMs)) {
      await removeStale(path, holder.content);
      continue;
    }
    if (Date.now() >= deadline) {
      heldHere.delete(nonce);
      const who = holder?.pid ? ` (pid ${holder.pid})` : '';
      throw new AccessTokenError(
        'TEMPORARY_FAILURE',
        'LOCK_TIMEOUT',
        `another pytify-auth process${who} is still refreshing the token (lock file ${path}); try again`,
      );
    }
    await sleep(pollMs);
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    lutimes(path, now, now).catch(() => undefined);
  }, heartbeatMs);
  heartbeat.unref();
  return {
    async release() {
      clearInterval(heartbeat);
      heldHere.delete(nonce);
      // Only our own lock: if it was (wrongly) taken over, the new holder's file stays.
      if ((await readFile(path, 'utf8').catch(() => '')) === content) await unlink(path).catch(() => undefined);
    },
  };
}
