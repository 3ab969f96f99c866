import { createFileTokenStore } from './token-store.js';
import type { Account } from './account.js';
import { PytifyError } from '../core/errors.js';
import { acquireLock, lockPathFor, type HeldLock, type LockOptions } from './lock.js';
import { summarize, type Expectations, type SavedAuthorization } from './lifetime.js';
import { fingerprint, recordPathFor, writeRecord } from './record.js';
import { readSaved } from './saved.js';
import type { TokenGrant } from './token-client.js';

export type { SavedAuthorization } from './lifetime.js';
export { describeSavedAuthorization } from './describe-saved.js';
export type { SavedAuthorizationLine } from './token-store.js';

export interface NewAuthorization {
  refreshToken: string;
  grant: TokenGrant;
  account: Account;
  clientId: string;
  /** Epoch ms of the consent: the 6 months run from here. */
  now: number;
  /** Tests shorten the wait. */
  lock?: LockOptions;
}

/**
 * How long a refresh may hold the lock: a refresh and a checked GET /me, each at most 70 s with
 * got's retries (retry.ts), plus the file writes. A login waits that long rather than write beside
 * it: a refresh that finished after the login's save put the old authorization's token back.
 */
export const LOGIN_LOCK_WAIT_MS = 150_000;

/** The lock or a clear refusal: a login never writes the token file without it. */
async function lockForLogin(tokenFile: string, options: LockOptions | undefined): Promise<HeldLock> {
  const path = lockPathFor(tokenFile);
  const waitMs = options?.waitMs ?? LOGIN_LOCK_WAIT_MS;
  try {
    return await acquireLock(path, { ...options, waitMs });
  } catch (error) {
    if (error instanceof PytifyError) throw error; // a symbolic link, an unwritable folder: it says so
    const waited = waitMs < 1000 ? `${waitMs} ms` : `${Math.round(waitMs / 1000)} s`;
    const message = (error as Error).message;
    const why =
      (error as { reason?: string }).reason === 'LOCK_TIMEOUT'
        ? `${message.replace(/; try again$/, '')} after ${waited} of waiting`
        : message;
    throw new PytifyError(
      'TOKEN_STORE_ERROR',
      `The new authorization was not saved: ${why}. Nothing was written; run pytify-auth again once it has finished.`,
      { cause: error },
    );
  }
}

/**
 * For the login flow, after the code exchange and GET /me: the token file first (atomically, 0600,
 * exactly the token), then the record. Throws TOKEN_STORE_ERROR only when the token file could not
 * be written; a record that could not be written is returned as a warning.
 */
export async function saveAuthorization(tokenFile: string, input: NewAuthorization): Promise<{ warnings: string[] }> {
  // Serialized with players' refreshes, so a rotation in flight cannot overwrite the new token.
  const lock = await lockForLogin(tokenFile, input.lock);
  try {
    await createFileTokenStore(tokenFile).save(input.refreshToken);
    const { grant, now } = input;
    const recordFile = recordPathFor(tokenFile);
    try {
      await writeRecord(recordFile, {
        clientId: input.clientId,
        authorizedAt: now,
        knownSince: now,
        scopes: grant.scopes,
        account: input.account,
        accessToken: grant.accessToken,
        tokenType: grant.tokenType,
        accessTokenExpiresAt: now + grant.expiresInSeconds * 1000,
        refreshTokenSha256: fingerprint(input.refreshToken),
      });
      return { warnings: [] };
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return {
        warnings: [
          `could not write ${recordFile} (${reason}); the token is saved, and the record is rebuilt on the next refresh`,
        ],
      };
    }
  } finally {
    await lock.release();
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
