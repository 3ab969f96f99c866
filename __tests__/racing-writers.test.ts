import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { access, rename, writeFile } from 'node:fs/promises';
import { PytifyError } from '../src/core/errors.js';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { LOGIN_LOCK_WAIT_MS, saveAuthorization, type NewAuthorization } from '../src/token/authorization.js';
import { DEFAULT_RETRY } from '../src/token/retry.js';
import { acquireLock, lockPathFor } from '../src/token/lock.js';
import { fingerprint, parseRecord } from '../src/token/record.js';
import { obtainAccessToken } from '../src/token/refresh.js';
import { createTokenClient } from '../src/token/token-client.js';
import { PKCE_APP, SCOPES, USER, readText, savedToken } from './helpers/token-fixture.js';

let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startFakeSpotify({ clients: [PKCE_APP], user: USER, rotateRefreshTokens: 'always' });
});
afterAll(() => spotify.close());

/** A client patient enough for a refresh the local Spotify holds for several seconds. */
const slowDeps = (tokenFile: string) => ({
  tokenFile,
  clientId: PKCE_APP.clientId,
  client: createTokenClient({
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
    clientId: PKCE_APP.clientId,
    timeoutMs: 30_000,
  }),
  now: () => Date.now(),
});

/** What a login has after the exchange: a new refresh token of a new authorization. */
function newLogin(extra: Partial<NewAuthorization> = {}): NewAuthorization {
  const refreshToken = spotify.issueRefreshToken(PKCE_APP.clientId, SCOPES);
  return {
    refreshToken,
    grant: { accessToken: 'access-of-the-login', tokenType: 'Bearer', scopes: SCOPES, expiresInSeconds: 3600 },
    account: USER,
    clientId: PKCE_APP.clientId,
    now: Date.now(),
    ...extra,
  };
}

async function untilExists(path: string): Promise<void> {
  for (;;) {
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a login and a slow refresh', () => {
  it('by default a login waits as long as a refresh can hold the lock, far beyond the 10 s it once did', () => {
    // A refresh and a checked GET /me, each up to `attempts` tries of 10 s (the token client's
    // timeout) with Retry-After waits of up to maxRetryAfterMs between them.
    const { attempts, maxRetryAfterMs } = DEFAULT_RETRY;
    const oneRequest = attempts * 10_000 + (attempts - 1) * maxRetryAfterMs;
    expect(LOGIN_LOCK_WAIT_MS).toBeGreaterThanOrEqual(2 * oneRequest);
  });

  it('the login waits for a refresh that holds the lock, then saves; its token is the one left', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'pkce');
    spotify.failNextTokenRequests({ kind: 'delay', ms: 3_000 });
    const finished: string[] = [];
    const refreshing = obtainAccessToken(slowDeps(tokenFile)).then((result) => (finished.push('refresh'), result));
    await untilExists(lockPathFor(tokenFile));
    const login = newLogin();
    const saving = saveAuthorization(tokenFile, login).then((result) => (finished.push('login'), result));
    const [refreshed, saved] = await Promise.all([refreshing, saving]);

    expect(finished).toEqual(['refresh', 'login']);
    expect(refreshed.rotated).toBe(true);
    expect(saved.warnings).toEqual([]);
    expect(await readText(tokenFile)).toBe(login.refreshToken);
    expect(login.refreshToken).not.toBe(token);
    const record = parseRecord(await readText(`${tokenFile}.json`));
    expect(record.refreshTokenSha256).toBe(fingerprint(login.refreshToken));
    expect(record.accessToken).toBe('access-of-the-login');
  }, 30_000);

  it('a refresh never writes over a token saved meanwhile without the lock', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'pkce');
    spotify.failNextTokenRequests({ kind: 'delay', ms: 1_500 });
    const refreshing = obtainAccessToken(slowDeps(tokenFile));
    await untilExists(lockPathFor(tokenFile));
    // The refresh reads the file again right after taking the lock, then waits 1.5 s for Spotify:
    // the other writer comes in that wait (and renames its file into place, so the refresh's
    // reread never meets a half-written one).
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A writer that ignores the lock: an older version of this tool, another tool, a hand edit.
    const newer = spotify.issueRefreshToken(PKCE_APP.clientId, SCOPES);
    await writeFile(`${tokenFile}.other`, newer, { mode: 0o600 });
    await rename(`${tokenFile}.other`, tokenFile);
    const refreshed = await refreshing;

    expect(refreshed.rotated).toBe(true);
    expect(refreshed.warnings).toEqual([
      `${tokenFile} changed while the token was being refreshed; it was kept, not overwritten`,
    ]);
    expect(await readText(tokenFile)).toBe(newer);
    expect(newer).not.toBe(token);
    // The next run refreshes the newer authorization, and it works.
    const next = await obtainAccessToken(slowDeps(tokenFile), { minValidityMs: Infinity });
    expect(next.warnings).toEqual([]);
    expect(parseRecord(await readText(`${tokenFile}.json`)).refreshTokenSha256).toBe(
      fingerprint(await readText(tokenFile)),
    );
  }, 15_000);

  it('a login that cannot have the lock in time says so and writes nothing', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'pkce');
    const held = await acquireLock(lockPathFor(tokenFile));
    try {
      const started = performance.now();
      const error = await saveAuthorization(tokenFile, newLogin({ lock: { waitMs: 400 } })).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(performance.now() - started).toBeGreaterThanOrEqual(395);
      expect(error).toBeInstanceOf(PytifyError);
      expect((error as PytifyError).code).toBe('TOKEN_STORE_ERROR');
      expect((error as Error).message).toBe(
        `The new authorization was not saved: another pytify-auth process (pid ${process.pid}) is still refreshing the token (lock file ${tokenFile}.lock) after 400 ms of waiting. Nothing was written; run pytify-auth again once it has finished.`,
      );
      expect(await readText(tokenFile)).toBe(token);
      await expect(access(`${tokenFile}.json`)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await held.release();
    }
  });

  it('a symbolic link at the lock path stops the login before it writes', async () => {
    const { dir, tokenFile, token } = await savedToken(spotify, 'pkce');
    const { symlink } = await import('node:fs/promises');
    await symlink(`${dir}/elsewhere`, lockPathFor(tokenFile));
    await expect(saveAuthorization(tokenFile, newLogin({ lock: { waitMs: 400 } }))).rejects.toMatchObject({
      code: 'TOKEN_STORE_ERROR',
      message: `Refusing to use ${tokenFile}.lock: it is a symbolic link`,
    });
    expect(await readText(tokenFile)).toBe(token);
  });
});
