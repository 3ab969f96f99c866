import { tokenDirProblem } from '../config/token-dir.js';

/**
 * A directory others can write to lets them replace or swap the token file. Returns the problem in
 * words, or undefined when the directory is private enough (or does not exist yet: saving will
 * say so). The configuration checks the same for every command (config/token-dir.ts).
 */
export async function tokenDirectoryWarning(tokenFile: string, uid = process.getuid?.()): Promise<string | undefined> {
  return (await tokenDirProblem(tokenFile, uid))?.message;
}
