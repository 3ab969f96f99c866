import { summarize, type Expectations, type SavedAuthorization } from './lifetime.js';
import { reserveSave, type NewAuthorization } from './login-save.js';
import { recordPathFor } from './record.js';
import { readSaved } from './saved.js';

export type { SavedAuthorization } from './lifetime.js';
export { describeSavedAuthorization } from './describe-saved.js';
export type { SavedAuthorizationLine } from './token-store.js';
export { LOGIN_LOCK_WAIT_MS, type NewAuthorization } from './login-save.js';

/**
 * For the login flow, after the code exchange and GET /me: the token file first, then the record.
 * Throws TOKEN_STORE_ERROR only when the token file could not be written; a record that could not
 * be written is returned as a warning.
 */
export async function saveAuthorization(tokenFile: string, input: NewAuthorization): Promise<{ warnings: string[] }> {
  const reserved = reserveSave(tokenFile, input.lock);
  try {
    const { record } = await reserved.save(input);
    return await record;
  } finally {
    await reserved.release();
  }
}

/** For the launch screen and `status`: reads both files, never throws, never asks Spotify. */
export async function readAuthorization(tokenFile: string, expectations: Expectations): Promise<SavedAuthorization> {
  try {
    return summarize(await readSaved(tokenFile), expectations);
  } catch (error) {
    const unreadable = summarize({ tokenFile, recordFile: recordPathFor(tokenFile) }, expectations);
    return { ...unreadable, tokenProblem: (error as Error).message };
  }
}
