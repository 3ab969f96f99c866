// The login's save in steps: the lock while the requests are out, the token staged while /me is
// out, the record after the page (docs/tokens.md, "How a login saves").
import { flushDirectory, prepareFileAtomic, removeStaleTemporaries, type PreparedWrite } from '../core/private-file.js';
import { PytifyError } from '../core/errors.js';
import type { Account } from './account.js';
import { acquireLock, lockPathFor, type HeldLock, type LockOptions } from './lock.js';
import { fingerprint, recordPathFor, writeRecord } from './record.js';
import type { TokenGrant } from './token-client.js';
import { tokenSaveError } from './token-store.js';

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

/** The login's save in steps (reserveSave): the lock first, the writes once the requests are done. */
export interface ReservedSave {
  /**
   * Starts writing the token file under a temporary name as soon as the exchange has answered,
   * while GET /me is out; nothing at the token file changes until save(). Errors show at save().
   */
  stage(refreshToken: string): void;
  /**
   * Puts the token file in place (atomically, 0600, exactly the token) and starts the record;
   * `record` settles once it is written, with a warning if it could not be. Throws
   * TOKEN_STORE_ERROR only when the token file could not be written.
   */
  save(input: Omit<NewAuthorization, 'lock'>): Promise<{ record: Promise<{ warnings: string[] }> }>;
  /** Waits for the record, then lets the lock go; removes a staged token never saved. Safe twice. */
  release(): Promise<void>;
}

/**
 * The login's save, begun when the callback arrives: the lock (2-3 ms of file work in a fresh
 * process, up to 7 ms beside the requests) is taken while the exchange and /me are out instead of
 * after them; the temporary files of earlier, killed saves are swept then too. A failure to take
 * the lock shows at save().
 */
export function reserveSave(tokenFile: string, lockOptions?: LockOptions): ReservedSave {
  // Serialized with players' refreshes, so a rotation in flight cannot overwrite the new token.
  const lock = lockForLogin(tokenFile, lockOptions);
  lock.catch(() => undefined); // reported by save()
  const sweep = lock.then(() => removeStaleTemporaries(tokenFile, recordPathFor(tokenFile), lockPathFor(tokenFile)));
  sweep.catch(() => undefined); // reported by save()
  let staged: { refreshToken: string; write: Promise<PreparedWrite> } | undefined;
  let record: Promise<unknown> = Promise.resolve();
  let released: Promise<void> | undefined;
  const discardStaged = async () => {
    const write = staged?.write;
    staged = undefined;
    await write?.then((prepared) => prepared.discard()).catch(() => undefined);
  };
  return {
    stage(refreshToken) {
      void discardStaged();
      // A temporary name of our own: nothing another process reads, so no need to wait for the lock.
      const write = prepareFileAtomic(tokenFile, refreshToken);
      write.catch(() => undefined); // reported by save()
      staged = { refreshToken, write };
    },
    async save(input) {
      await sweep;
      const write =
        staged?.refreshToken === input.refreshToken ? staged.write : prepareFileAtomic(tokenFile, input.refreshToken);
      if (write === staged?.write) staged = undefined; // this save's now; release() discards any other
      try {
        // Flushed with the record's rename, after the page: see writeRecordFor.
        await (await write).commit({ flushDirectory: false });
      } catch (error) {
        throw tokenSaveError(tokenFile, error);
      }
      // The record's own rename flushes the directory; without a record, the token's needs it here.
      const written = writeRecordFor(tokenFile, input).then(async (result) => {
        if (result.warnings.length > 0) await flushDirectory(tokenFile);
        return result;
      });
      record = written;
      return { record: written };
    },
    release: () =>
      (released ??= (async () => {
        await discardStaged();
        const held = await lock.catch(() => undefined);
        await sweep.catch(() => undefined);
        await record; // written under the lock: a refresh writes the record too
        await held?.release();
      })()),
  };
}

/**
 * After the token file, and after the login's page: a crash in between leaves the old record,
 * whose fingerprint no longer matches the token, which readers ignore and the next refresh
 * rebuilds. Its directory flush makes the token file's rename durable too (the same directory;
 * the caller flushes it itself if the record failed): a directory fsync costs 0.3-3 ms here,
 * and the page no longer waits for one. A power cut in those milliseconds can only bring back
 * the previous token file, as if this login had not happened; never a partial or empty one.
 */
async function writeRecordFor(
  tokenFile: string,
  input: Omit<NewAuthorization, 'lock'>,
): Promise<{ warnings: string[] }> {
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
}
