import { lstat } from '../core/file-reads.js';
import { recordPathFor } from './record.js';

/**
 * The token file and its record hold credentials: anything but 0600 (owner only) lets others on
 * this computer read them. Every private write replaces the file with a fresh 0600 one, so a mode
 * widened by hand (or by an older tool) is fixed on the next save; until then `status`, `doctor`
 * and the launch screen say so, from this one check.
 */
export async function privateFileWarnings(tokenFile: string): Promise<string[]> {
  const warnings: string[] = [];
  for (const [file, what] of [
    [tokenFile, 'the refresh token'],
    [recordPathFor(tokenFile), 'the access token'],
  ] as const) {
    const stats = await lstat(file).catch(() => undefined);
    if (!stats?.isFile() || (stats.mode & 0o077) === 0) continue;
    const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
    const who = stats.mode & 0o004 ? 'every user on this computer' : "the file's group";
    warnings.push(
      `${file} holds ${what} and can be read by ${who} (mode ${mode}): the next save makes it 0600; to fix it now, run "chmod 600 ${file}"`,
    );
  }
  return warnings;
}
