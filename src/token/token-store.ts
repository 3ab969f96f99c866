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

/** A login's save in steps (see reserve()): the lock first, the writes once the requests are done. */
export interface ReservedTokenSave {
  /** The exchange has answered: the token can be written under a temporary name while /me is out. */
  stage(refreshToken: string): void;
  save(refreshToken: string, context: SaveContext): Promise<void>;
  /** Lets the lock go (after save(), or instead of it); safe to call twice. */
  release(): Promise<void>;
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
  /**
   * A save in steps, begun when the callback arrives: what it needs before there is a token (the
   * lock) is taken while the exchange is out, so save() only writes. Optional: without it the
   * login calls save().
   */
  reserve?(): ReservedTokenSave;
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
      await writeFileAtomic(path, refreshToken, { io }).catch((error: unknown) => {
        throw tokenSaveError(path, error);
      });
    },
  };
}

/** The store's reservation, or for a store without one a stand-in whose save() is the store's. */
export function reserveTokenSave(store: TokenStore): ReservedTokenSave {
  if (store.reserve) return store.reserve();
  return {
    stage: () => undefined,
    save: (refreshToken, context) => store.save(refreshToken, context),
    release: async () => undefined,
  };
}

/** What a failed write of the token file says, with the path and the system's code. */
export function tokenSaveError(path: string, error: unknown): PytifyError {
  if (error instanceof PytifyError) return error;
  const reason = (error as NodeJS.ErrnoException).code ?? 'write failed';
  return new PytifyError('TOKEN_STORE_ERROR', `Could not save the refresh token to ${path} (${reason})`, {
    cause: error,
  });
}
