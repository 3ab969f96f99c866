// node:fs's `promises` is read on first use: the cached `token` path, which loads this module with
// the token store, never pays for node:fs/promises.
import { constants, promises as fs } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Why the token file could not be saved right now: its folder is missing, not a folder, or not
 * writable by us. Asked at launch, before any authorization starts: found only at the save, the
 * user had approved and the single-use code was spent for nothing. Undefined when a save can work.
 * (Root passes access() whatever the mode bits say; a read-only mount still answers EROFS.)
 */
export async function tokenDirectoryProblem(tokenFile: string): Promise<string | undefined> {
  const dir = dirname(tokenFile);
  let stats;
  try {
    stats = await fs.stat(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'failed'})`;
    return `The token file's folder ${dir} ${why}: create it, or choose another place with --token-file.`;
  }
  if (!stats.isDirectory()) {
    return `The token file's folder ${dir} is not a folder: choose another place with --token-file.`;
  }
  const denied = await fs.access(dir, constants.W_OK | constants.X_OK).then(
    () => undefined,
    (error: NodeJS.ErrnoException) => error.code ?? 'denied',
  );
  if (denied === undefined) return undefined;
  const why = denied === 'EROFS' ? 'is on a read-only file system' : 'is not writable by you';
  return `The token file's folder ${dir} ${why}, so the token could not be saved: make it writable, or choose another place with --token-file.`;
}
