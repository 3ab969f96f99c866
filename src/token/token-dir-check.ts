import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A directory others can write to lets them replace or swap the token file. Returns a warning in
 * words, or undefined when the directory is private enough (or does not exist yet: saving will
 * say so). Sticky directories such as /tmp protect each user's files from the others.
 */
export async function tokenDirectoryWarning(tokenFile: string, uid = process.getuid?.()): Promise<string | undefined> {
  const dir = dirname(tokenFile);
  const stats = await stat(dir).catch(() => undefined);
  if (!stats) return undefined;
  const sticky = (stats.mode & 0o1000) !== 0;
  if ((stats.mode & 0o022) !== 0 && !sticky) {
    const who = (stats.mode & 0o002) !== 0 ? 'everyone' : 'its group';
    return `The token file's directory ${dir} can be written by ${who}: another user could replace the token. Use a private directory (chmod go-w ${dir}) or --token-file.`;
  }
  if (uid !== undefined && uid !== 0 && stats.uid !== uid) {
    return `The token file's directory ${dir} belongs to another user, who could replace the token. Use a directory you own or --token-file.`;
  }
  return undefined;
}
