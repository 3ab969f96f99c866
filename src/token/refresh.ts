import { createFileTokenStore } from './token-store.js';
import { TokenError } from '../core/errors.js';
import type { Account } from './account.js';
import type { TokenClient } from './token-client.js';
import { AccessTokenError, toAccessTokenError } from './errors.js';
import { acquireLock, lockPathFor, type LockOptions } from './lock.js';
import { writeRecord, type TokenRecord } from './record.js';
import { expiredOn, requireUnexpired } from './expiry-check.js';
import { recordAfterRefresh, usableRecord } from './record-update.js';
import { readSaved, type Saved } from './saved.js';

/** Everything with a side effect or a clock, so tests run against the local Spotify; the client retries. */
export interface RefreshDeps {
  tokenFile: string;
  clientId: string;
  client: Pick<TokenClient, 'refresh' | 'fetchProfile'>;
  now(): number;
  lock?: LockOptions;
}

export interface ObtainOptions {
  /** A cached access token is reused while it has more than this left. Default 60 s. */
  minValidityMs?: number;
  /** Always refresh and check GET /me: proves the authorization works now (`status`). */
  verify?: boolean;
}

export interface Obtained {
  accessToken: string;
  tokenType: string;
  expiresAt: number;
  scopes: string[];
  refreshed: boolean;
  rotated: boolean;
  account?: Account;
  record: TokenRecord;
  /** Problems that did not stop us (a corrupt record replaced, a record that could not be written). */
  warnings: string[];
}

function requireToken(saved: Saved): asserts saved is Saved & { token: string } {
  if (saved.token === undefined) {
    throw new AccessTokenError(
      'REAUTHORIZE_REQUIRED',
      'NO_TOKEN',
      `not authorized: no refresh token in ${saved.tokenFile} — run pytify-auth to authorize`,
    );
  }
}

function fromRecord(record: TokenRecord, refreshed: boolean, rotated: boolean, warnings: string[]): Obtained {
  const { accessToken, tokenType, accessTokenExpiresAt, scopes, account } = record;
  return {
    accessToken: accessToken!,
    tokenType: tokenType ?? 'Bearer',
    expiresAt: accessTokenExpiresAt!,
    scopes,
    account,
    refreshed,
    rotated,
    record,
    warnings,
  };
}

async function saveRotated(tokenFile: string, refreshToken: string): Promise<void> {
  try {
    await createFileTokenStore(tokenFile).save(refreshToken);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const next = 'the previous refresh token no longer works: make the file writable, then run pytify-auth again';
    throw new AccessTokenError(
      'CONFIG_ERROR',
      'TOKEN_STORE_ERROR',
      `Spotify issued a new refresh token, but: ${why}; ${next}`,
      { cause: error },
    );
  }
}

/** The record is a cache: failing to write it is worth a warning, never the token. */
async function saveRecord(path: string, record: TokenRecord, warnings: string[]): Promise<boolean> {
  try {
    await writeRecord(path, record);
    return true;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    warnings.push(`could not update the record ${path} (${reason}); the token file is fine`);
    return false;
  }
}

/**
 * Spotify says the authorization is dead: stop handing out its cached access token (likely revoked
 * with it), so every caller hears "authorize again" now, not within the hour. The token file stays.
 */
async function forgetAccessToken(saved: Saved): Promise<void> {
  if (!saved.record?.accessToken) return;
  const withoutToken = {
    ...saved.record,
    accessToken: undefined,
    tokenType: undefined,
    accessTokenExpiresAt: undefined,
  };
  await writeRecord(saved.recordFile, withoutToken).catch(() => undefined);
}

async function refreshHoldingLock(
  saved: Saved & { token: string },
  deps: RefreshDeps,
  verify: boolean,
): Promise<Obtained> {
  const warnings: string[] = [];
  const grant = await deps.client.refresh(saved.token).catch(async (error: unknown) => {
    if (error instanceof TokenError && error.code === 'INVALID_GRANT') await forgetAccessToken(saved);
    throw error;
  });
  const now = deps.now();
  const rotated = grant.refreshToken !== undefined && grant.refreshToken !== saved.token;
  const refreshToken = rotated ? grant.refreshToken! : saved.token;
  // Logins save under this lock too, but a writer that does not take it (an older version, another
  // tool, a logout) may have changed the file while Spotify answered: its token is the newer one.
  const current = await createFileTokenStore(saved.tokenFile)
    .read()
    .catch(() => null);
  if (current !== saved.token) {
    const record = recordAfterRefresh(saved, deps.clientId, grant, refreshToken, now);
    const why = `${saved.tokenFile} changed while the token was being refreshed; it was kept, not overwritten`;
    return fromRecord(record, true, rotated, [why]);
  }
  // The new refresh token first, atomically: the old one is already spent. Without rotation the
  // token file is not touched at all, so it stays byte-identical.
  if (rotated) await saveRotated(saved.tokenFile, refreshToken);
  let record = recordAfterRefresh(saved, deps.clientId, grant, refreshToken, now);
  const replaced = await saveRecord(saved.recordFile, record, warnings);
  if (saved.recordProblem) warnings.unshift(replaced ? `${saved.recordProblem}; it was replaced` : saved.recordProblem);
  if (verify || !record.account) {
    try {
      // Retried only when it is the check itself; otherwise one try, so `token` does not wait for it.
      const account = await deps.client.fetchProfile(grant.accessToken, { retry: verify });
      if (account.id !== record.account?.id || account.displayName !== record.account?.displayName) {
        record = { ...record, account };
        await saveRecord(saved.recordFile, record, warnings);
      }
    } catch (error) {
      if (verify) throw error; // otherwise the account is only nice to know: the token is fine
    }
  }
  return fromRecord(record, true, rotated, warnings);
}

/**
 * A valid access token: the cached one while it lasts, else a refresh serialized by the lock file.
 * After the lock, the files are read again: another process may have refreshed (and rotated) while
 * we waited, and its token is then the only one that still works. Never deletes anything.
 */
export async function obtainAccessToken(deps: RefreshDeps, options: ObtainOptions = {}): Promise<Obtained> {
  try {
    return await obtain(deps, options);
  } catch (error) {
    throw toAccessTokenError(error);
  }
}

/** The record's access token, when it may be handed out as it is (no warnings on this path). */
function cachedIn(
  saved: Saved & { token: string },
  clientId: string,
  now: number,
  minValidityMs: number,
): Obtained | undefined {
  // Past the 6 months the cached access token is not handed out either: the full path says why.
  if (expiredOn(saved, clientId, now) !== undefined) return undefined;
  const record = usableRecord(saved, clientId, now, minValidityMs);
  return record && fromRecord(record, false, false, []);
}

/**
 * The cached access token when it is usable as the files are now, else undefined (no token file,
 * no usable record): what obtainAccessToken returns before it takes the lock to refresh.
 */
export async function readCachedToken(
  { tokenFile, clientId }: Pick<RefreshDeps, 'tokenFile' | 'clientId'>,
  now: number,
  minValidityMs: number,
): Promise<Obtained | undefined> {
  const saved = await readSaved(tokenFile);
  return saved.token === undefined
    ? undefined
    : cachedIn(saved as Saved & { token: string }, clientId, now, minValidityMs);
}

async function obtain(deps: RefreshDeps, options: ObtainOptions): Promise<Obtained> {
  const minValidityMs = options.minValidityMs ?? 60_000;
  const verify = options.verify ?? false;
  const first = await readSaved(deps.tokenFile);
  requireToken(first);
  requireUnexpired(first, deps.clientId, deps.now());
  const early = verify ? undefined : cachedIn(first, deps.clientId, deps.now(), minValidityMs);
  if (early) return early;
  // The lock polls in real time (its staleness is judged by file times), not with deps.sleep.
  const lock = await acquireLock(lockPathFor(deps.tokenFile), deps.lock);
  try {
    const saved = await readSaved(deps.tokenFile);
    requireToken(saved);
    requireUnexpired(saved, deps.clientId, deps.now());
    const late = verify ? undefined : cachedIn(saved, deps.clientId, deps.now(), minValidityMs);
    if (late) return late;
    return await refreshHoldingLock(saved, deps, verify);
  } finally {
    await lock.release();
  }
}
