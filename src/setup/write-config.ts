import { randomBytes } from 'node:crypto';
import { link, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../core/private-file.js';

/** Why a save did not happen; the setup screen picks its words and next step by `code`. */
export class SetupWriteError extends Error {
  constructor(
    readonly code: 'FILE_EXISTS' | 'WRITE_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SetupWriteError';
  }
}

const errno = (error: unknown): string => String((error as NodeJS.ErrnoException).code ?? 'write failed');

/** Filesystems without hard links (some FUSE and FAT mounts) answer link() with these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

async function writeNew(path: string, content: string, flags: string): Promise<void> {
  const handle = await open(path, flags, 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates `path` only if nothing is there, atomically: the content goes to a private temporary
 * file first, and link() puts it in place or fails with EEXIST — so a file that appeared after the
 * user was asked (another terminal, an editor) is never replaced, and no reader sees half a file.
 */
async function createExclusive(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await writeNew(temporary, content, 'wx');
  try {
    await link(temporary, path);
  } catch (error) {
    if (!NO_LINKS.has(errno(error))) throw error;
    await writeNew(path, content, 'wx'); // still exclusive, just not atomic
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * Saves the config with mode 0600 (it may hold a client secret). `replace: false` never touches an
 * existing file (FILE_EXISTS); `replace: true` is for after the user said yes, and swaps the file
 * atomically, refusing a symbolic link as the token file does.
 */
export async function writeConfigFile(path: string, content: string, options: { replace: boolean }): Promise<void> {
  try {
    if (options.replace) await writeFileAtomic(path, content);
    else await createExclusive(path, content);
  } catch (error) {
    if (errno(error) === 'EEXIST') {
      throw new SetupWriteError('FILE_EXISTS', `${path} already exists`, { cause: error });
    }
    const reason = error instanceof Error && !(error as NodeJS.ErrnoException).code ? error.message : errno(error);
    throw new SetupWriteError('WRITE_FAILED', `Could not write ${path} (${reason})`, { cause: error });
  }
}
