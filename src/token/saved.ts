import { stat } from '../core/file-reads.js';
import { createFileTokenStore } from './token-store.js';
import { PytifyError } from '../core/errors.js';
import { readRecord, recordPathFor, type TokenRecord } from './record.js';

/** The two files as they are on disk right now. */
export interface Saved {
  tokenFile: string;
  recordFile: string;
  /** The refresh token, exactly as the token file holds it. */
  token?: string;
  /** When the token file was last written: an upper bound for the consent time when no record says. */
  tokenMtimeMs?: number;
  record?: TokenRecord;
  /** Why the record was ignored (corrupt, unreadable…), for the user; the token is unaffected. */
  recordProblem?: string;
}

/** Throws TOKEN_STORE_ERROR only when the token file exists but cannot be read: never guesses. */
export async function readSaved(tokenFile: string): Promise<Saved> {
  const recordFile = recordPathFor(tokenFile);
  let token: string | undefined;
  let tokenMtimeMs: number | undefined;
  try {
    token = await createFileTokenStore(tokenFile).read();
    if (token !== undefined) tokenMtimeMs = Math.floor((await stat(tokenFile)).mtimeMs);
  } catch (error) {
    if (error instanceof PytifyError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? 'read failed';
    throw new PytifyError('TOKEN_STORE_ERROR', `Could not read the token file ${tokenFile} (${reason})`, {
      cause: error,
    });
  }
  const { record, problem } = await readRecord(recordFile);
  return { tokenFile, recordFile, token, tokenMtimeMs, record, recordProblem: problem };
}
