import { dirname } from 'node:path';
import { stat } from '../core/file-reads.js';

export interface TokenDirProblem {
  readonly level: 'error' | 'warning';
  readonly message: string;
}

/**
 * The token file's directory, checked by every command that resolves the configuration. Owned by
 * another user: they could swap the token for theirs at any time, so nothing is read or written
 * there (an error). Writable by others (not sticky): a warning, since the private-file writer
 * refuses links and swaps atomically. A directory that does not exist yet is for saving to report.
 */
export async function tokenDirProblem(
  tokenFile: string,
  uid = process.getuid?.(),
): Promise<TokenDirProblem | undefined> {
  const dir = dirname(tokenFile);
  const stats = await stat(dir).catch(() => undefined);
  if (!stats) return undefined;
  if (uid !== undefined && uid !== 0 && stats.uid !== uid) {
    return {
      level: 'error',
      message: `The token file's directory ${dir} belongs to another user (uid ${stats.uid}), who could replace the token. Use a directory you own or --token-file.`,
    };
  }
  const sticky = (stats.mode & 0o1000) !== 0;
  if ((stats.mode & 0o022) !== 0 && !sticky) {
    const who = (stats.mode & 0o002) !== 0 ? 'everyone' : 'its group';
    return {
      level: 'warning',
      message: `The token file's directory ${dir} can be written by ${who}: another user could replace the token. Use a private directory (chmod go-w ${dir}) or --token-file.`,
    };
  }
  return undefined;
}
