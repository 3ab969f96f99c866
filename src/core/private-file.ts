// Every private file this tool writes (the token file, its record, a saved config, the refresh
// lock) goes through here, and nothing else in src/ opens a file for writing: readers see the old
// file or the new one, never a partial one, and nobody else can read it.
// node:fs's `promises` is loaded on first use: reading the token (`pytify-auth token`) uses file-reads.ts.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PytifyError } from './errors.js';
import { lstat } from './file-reads.js';
import { processAlive } from './process-alive.js';

export async function refuseSymlink(path: string): Promise<void> {
  const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  // A link planted at the token path could redirect the credential into someone else's file.
  if (stats?.isSymbolicLink()) {
    throw new PytifyError('TOKEN_STORE_ERROR', `Refusing to use ${path}: it is a symbolic link`);
  }
}

/**
 * The file operations that can fail half-way; tests pass failing ones (a full disk, say). `flush`
 * false skips the fsyncs, for a file whose loss in a power cut harms nothing (the lock).
 */
export interface AtomicWriteIo {
  /** Creates `path` (it must not exist) with mode 0600, writes and flushes it; a failure leaves nothing there. */
  writeNew(path: string, content: string, flush?: boolean): Promise<void>;
  /** Moves `from` over `to`, then flushes the directory entry. */
  rename(from: string, to: string, flush?: boolean): Promise<void>;
  /** Gives `from` the second name `to`, failing with EEXIST if anything (even a link) is there; flushes the directory. */
  link(from: string, to: string, flush?: boolean): Promise<void>;
}

/** After a power cut a rename must not be undone: the file would be the old one again. */
export async function flushDirectory(path: string): Promise<void> {
  const directory = await fs.open(dirname(path), 'r').catch(() => undefined);
  await directory?.sync().catch(() => undefined);
  await directory?.close();
}

export const nodeFileIo: AtomicWriteIo = {
  async writeNew(path, content, flush = true) {
    const handle = await fs.open(path, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      if (flush) await handle.sync();
    } catch (error) {
      // Ours since the exclusive open succeeded: an empty or partial file must not stay (an empty
      // lock would hold others off until it is stale).
      await handle.close().catch(() => undefined);
      await fs.unlink(path).catch(() => undefined);
      throw error;
    }
    await handle.close();
  },
  async rename(from, to, flush = true) {
    await fs.rename(from, to);
    if (flush) await flushDirectory(to);
  },
  async link(from, to, flush = true) {
    await fs.link(from, to);
    if (flush) await flushDirectory(to);
  },
};

/** Filesystems without hard links (some FUSE and FAT mounts) answer link() with these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Temporary files of earlier saves that were killed half-way: `.<name>.<pid>.<hex>.tmp`, for
 * each of `paths` (files in one directory: it is read once).
 */
export async function removeStaleTemporaries(...paths: string[]): Promise<void> {
  const directory = dirname(paths[0]!);
  const prefixes = paths.map((path) => `.${basename(path)}.`);
  const entries = await fs.readdir(directory).catch(() => [] as string[]);
  for (const entry of entries) {
    const prefix = prefixes.find((candidate) => entry.startsWith(candidate));
    const match = prefix ? /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length)) : null;
    if (!match || Number(match[1]) === process.pid || processAlive(Number(match[1]))) continue;
    await fs.unlink(join(directory, entry)).catch(() => undefined);
  }
}

export interface PrivateWriteOptions {
  /**
   * Create only: if anything is at `path` already (a file, a symbolic link), fail with EEXIST and
   * leave it untouched. For a file that appeared after the user was asked, and for the lock.
   */
  createOnly?: boolean;
  /** False: no fsync of the file or its directory, for a file nobody needs after a power cut (the lock). */
  durable?: boolean;
  /** False: writeFileAtomic leaves earlier temporaries to removeStaleTemporaries (the lock's, to the login). */
  sweep?: boolean;
  io?: AtomicWriteIo;
}

/** A private file written and flushed under a temporary name; nothing at its path has changed yet. */
export interface PreparedWrite {
  /**
   * Puts it at its path (renamed over it, or with `createOnly` linked to it) and flushes the
   * directory, unless `flushDirectory` is false: then the caller calls flushDirectory() itself
   * (after other renames in the same directory: one flush for all). Leaves earlier saves'
   * temporary files alone: see removeStaleTemporaries.
   */
  commit(options?: { flushDirectory?: boolean }): Promise<void>;
  /** Removes the temporary file; the path keeps what it had. Safe after commit(). */
  discard(): Promise<void>;
}

/**
 * The first half of writeFileAtomic: the slow part (the write and its fsync) without touching
 * `path`, so that several files can be written at once and then put in place in a chosen order.
 */
export async function prepareFileAtomic(
  path: string,
  content: string,
  options: PrivateWriteOptions = {},
): Promise<PreparedWrite> {
  const { createOnly = false, durable = true, io = nodeFileIo } = options;
  // link() refuses a symbolic link itself (EEXIST), which create-only callers must see as "exists".
  if (!createOnly) await refuseSymlink(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let committed = false;
  const discard = async () => {
    if (!committed) await fs.unlink(temporary).catch(() => undefined);
  };
  try {
    await io.writeNew(temporary, content, durable);
  } catch (error) {
    await discard(); // whatever part of it was written
    throw error;
  }
  return {
    async commit({ flushDirectory: flush = durable } = {}) {
      try {
        if (createOnly) await linkOrCreate(io, temporary, path, content, flush);
        else {
          await io.rename(temporary, path, flush);
          committed = true; // the temporary name is gone with the rename
        }
      } finally {
        // After a link, it is the file's second name.
        await discard();
      }
    },
    discard,
  };
}

/**
 * Writes `content` to `path` with mode 0600 so that readers see the old file or the new one, never a
 * partial one: a private temporary file in the same directory, flushed, then renamed over the target
 * (or, with `createOnly`, linked to it: link() never replaces anything). A symbolic link at `path`
 * is refused, never followed.
 */
export async function writeFileAtomic(path: string, content: string, options: PrivateWriteOptions = {}): Promise<void> {
  await (await prepareFileAtomic(path, content, options)).commit();
  if (options.sweep !== false) await removeStaleTemporaries(path);
}

async function linkOrCreate(
  io: AtomicWriteIo,
  temporary: string,
  path: string,
  content: string,
  durable: boolean,
): Promise<void> {
  try {
    await io.link(temporary, path, durable);
  } catch (error) {
    if (!NO_LINKS.has(String((error as NodeJS.ErrnoException).code))) throw error;
    await io.writeNew(path, content, durable); // still create-only, just not atomic
  }
}
