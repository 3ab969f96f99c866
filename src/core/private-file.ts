// Every private file this tool writes (the token file, its record, a saved config) goes through
// here: readers see the old file or the new one, never a partial one, and nobody else can read it.
// node:fs's `promises` is loaded on first use: reading the token (`pytify-auth token`) uses file-reads.ts.
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

/** The two file operations that can fail half-way; tests pass failing ones (a full disk, say). */
export interface AtomicWriteIo {
  writeTemporary(path: string, content: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export const nodeFileIo: AtomicWriteIo = {
  async writeTemporary(path, content) {
    const handle = await fs.open(path, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async rename(from, to) {
    await fs.rename(from, to);
    // Flush the directory entry too: after a power cut the rename must not be undone, or a
    // rotated-away (already revoked) refresh token could come back.
    const directory = await fs.open(dirname(to), 'r').catch(() => undefined);
    await directory?.sync().catch(() => undefined);
    await directory?.close();
  },
};

/** Temporary files of earlier saves that were killed half-way: `.<name>.<pid>.<hex>.tmp`. */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  const entries = await fs.readdir(dirname(path)).catch(() => [] as string[]);
  for (const entry of entries) {
    const match = entry.startsWith(prefix) ? /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length)) : null;
    if (!match || Number(match[1]) === process.pid || processAlive(Number(match[1]))) continue;
    await fs.unlink(join(dirname(path), entry)).catch(() => undefined);
  }
}

/**
 * Writes `content` to `path` so that readers see the old file or the new one, never a partial one:
 * a private temporary file in the same directory, flushed, then renamed over the target.
 */
export async function writeFileAtomic(path: string, content: string, io: AtomicWriteIo = nodeFileIo): Promise<void> {
  await refuseSymlink(path);
  // Loaded here, not at the top: reading the token (`pytify-auth token`) should not pay for node:crypto.
  const { randomBytes } = await import('node:crypto');
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await io.writeTemporary(temporary, content);
    await io.rename(temporary, path);
    await removeStaleTemporaries(path);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
}
