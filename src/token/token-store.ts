import { PytifyError } from '../core/errors.js';
import { readText } from '../core/file-reads.js';
import { nodeFileIo, refuseSymlink, writeFileAtomic, type AtomicWriteIo } from '../core/private-file.js';
import type { Account } from './account.js';
import type { TokenGrant } from './token-client.js';
import { tokenDirectoryProblem } from './token-dir-writable.js';

/** What a login knows when it saves: for stores that keep a record next to the token. */
export interface SaveContext {
  grant: TokenGrant;
  account: Account;
  now: number;
}

/** A line of the launch screen; the view picks the colour by tone, never by the text. */
export interface SavedAuthorizationLine {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

/** Where the refresh token lives: exactly the token, nothing else, as the original tool wrote it. */
export interface TokenStore {
  readonly path: string;
  read(): Promise<string | undefined>;
  save(refreshToken: string, context?: SaveContext): Promise<void>;
  /** What the launch screen says about the saved authorization (who, when, expiry); optional. */
  describe?(now: number): Promise<SavedAuthorizationLine[]>;
  /** Why a save would fail now (a missing or read-only folder), asked before a login starts. */
  saveProblem?(): Promise<string | undefined>;
}

export function createFileTokenStore(path: string, io: AtomicWriteIo = nodeFileIo): TokenStore {
  return {
    path,
    saveProblem: () => tokenDirectoryProblem(path),
    async read() {
      try {
        await refuseSymlink(path);
        const token = (await readText(path)).trim();
        return token === '' ? undefined : token;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async save(refreshToken) {
      try {
        await writeFileAtomic(path, refreshToken, { io });
      } catch (error) {
        if (error instanceof PytifyError) throw error;
        const reason = (error as NodeJS.ErrnoException).code ?? 'write failed';
        throw new PytifyError('TOKEN_STORE_ERROR', `Could not save the refresh token to ${path} (${reason})`, {
          cause: error,
        });
      }
    },
  };
}
