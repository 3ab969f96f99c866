import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { TokenError } from '../src/core/errors.js';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { AccessTokenError } from '../src/token/errors.js';
import { fingerprint, parseRecord } from '../src/token/record.js';
import { obtainAccessToken } from '../src/token/refresh.js';
import { PKCE_APP, SCOPES, SECRET_APP, USER, depsFor, readText, savedToken } from './helpers/token-fixture.js';

let spotify: FakeSpotify;
beforeAll(async () => {
  // Rotating PKCE refresh tokens (Spotify before July 2026): the client must still save a rotated one.
  spotify = await startFakeSpotify({ clients: [PKCE_APP, SECRET_APP], user: USER, rotateRefreshTokens: 'pkce' });
});
afterAll(() => spotify.close());

const requestsSince = (before: number) => spotify.tokenRequests.slice(before);

async function failure(promise: Promise<unknown>): Promise<AccessTokenError | TokenError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeDefined();
  return error as AccessTokenError;
}

describe('refresh: rotation', () => {
  it('saves a rotated refresh token (PKCE, client_id): the old one is then rejected and the next refresh works', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'pkce');
    const { deps, client } = depsFor(spotify, 'pkce', tokenFile);
    const before = spotify.tokenRequests.length;
    const first = await obtainAccessToken(deps);
    expect(requestsSince(before)).toEqual([{ grantType: 'refresh_token', clientAuth: 'pkce', status: 200 }]);
    expect(first.rotated).toBe(true);
    const rotated = await readText(tokenFile);
    expect(rotated).not.toBe(token);
    expect(rotated).toMatch(/^[A-Za-z0-9_-]{40,}$/); // exactly the token: no newline, no JSON
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const record = parseRecord(await readText(`${tokenFile}.json`));
    expect(record.refreshTokenSha256).toBe(fingerprint(rotated));
    expect(record.accessToken).toBe(first.accessToken);
    expect(record.scopes).toEqual(SCOPES);
    expect(record.account).toEqual(USER); // rebuilt from GET /me, since nothing recorded it
    expect((await stat(`${tokenFile}.json`)).mode & 0o777).toBe(0o600);

    await expect(client.refresh(token)).rejects.toMatchObject({ code: 'INVALID_GRANT' });
    const second = await obtainAccessToken(deps, { minValidityMs: Infinity });
    expect(second.rotated).toBe(true);
    expect(await readText(tokenFile)).not.toBe(rotated);
  });

  it('leaves the token file byte-identical (and untouched) without rotation (secret, Basic auth)', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'secret');
    const mtime = (await stat(tokenFile)).mtimeMs;
    const { deps } = depsFor(spotify, 'secret', tokenFile);
    const before = spotify.tokenRequests.length;
    const result = await obtainAccessToken(deps);
    expect(requestsSince(before)).toEqual([{ grantType: 'refresh_token', clientAuth: 'basic', status: 200 }]);
    expect(result.rotated).toBe(false);
    expect(await readFile(tokenFile)).toEqual(Buffer.from(token));
    expect((await stat(tokenFile)).mtimeMs).toBe(mtime);
  });

  it('keeps the old refresh token when a PKCE answer carries none', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'pkce');
    const { deps } = depsFor(spotify, 'pkce', tokenFile);
    spotify.failNextTokenRequests({ kind: 'omit-refresh-token' });
    const result = await obtainAccessToken(deps);
    expect(result.rotated).toBe(false);
    expect(await readText(tokenFile)).toBe(token);
    expect((await obtainAccessToken(deps, { minValidityMs: Infinity })).rotated).toBe(true); // and it still works
  });
});

describe('refresh: the cached access token', () => {
  it('is reused while it has more than a minute left, refreshed after', async () => {
    const { tokenFile } = await savedToken(spotify, 'secret');
    let now = Date.now();
    const { deps } = depsFor(spotify, 'secret', tokenFile, () => now);
    const first = await obtainAccessToken(deps);
    const before = spotify.tokenRequests.length;
    const again = await obtainAccessToken(deps);
    expect(again).toMatchObject({ accessToken: first.accessToken, refreshed: false });
    expect(spotify.tokenRequests.length).toBe(before);
    now = first.expiresAt - 59_000;
    const renewed = await obtainAccessToken(deps);
    expect(renewed.refreshed).toBe(true);
    expect(renewed.accessToken).not.toBe(first.accessToken);
  });

  it('is not reused when the record belongs to another app or another refresh token', async () => {
    const { tokenFile } = await savedToken(spotify, 'secret');
    const { deps } = depsFor(spotify, 'secret', tokenFile);
    await obtainAccessToken(deps);
    const record = await readText(`${tokenFile}.json`);
    await writeFile(`${tokenFile}.json`, record.replace(SECRET_APP.clientId, 'another-app'));
    expect((await obtainAccessToken(deps)).refreshed).toBe(true);
    await writeFile(tokenFile, spotify.issueRefreshToken(SECRET_APP.clientId, SCOPES)); // another tool re-authorized
    expect((await obtainAccessToken(deps)).refreshed).toBe(true);
  });
});

describe('refresh: failures', () => {
  it('reports invalid_grant as "authorization expired or revoked" and keeps the token file', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'pkce');
    spotify.revokeRefreshToken(token);
    const { deps } = depsFor(spotify, 'pkce', tokenFile);
    const error = await failure(obtainAccessToken(deps));
    expect(error).toMatchObject({ code: 'REAUTHORIZE_REQUIRED', reason: 'INVALID_GRANT', status: 400 });
    expect(error.message).toContain('authorization expired or revoked — run pytify-auth again');
    expect(error.message).toContain('Refresh token revoked');
    expect(error.message).not.toContain(token);
    expect(await readText(tokenFile)).toBe(token);
  });

  it('stops handing out the cached access token once Spotify has said invalid_grant', async () => {
    const { tokenFile } = await savedToken(spotify, 'secret');
    const { deps } = depsFor(spotify, 'secret', tokenFile);
    await obtainAccessToken(deps);
    expect((await obtainAccessToken(deps)).refreshed).toBe(false); // cached
    spotify.revokeRefreshToken(await readText(tokenFile));
    expect(await failure(obtainAccessToken(deps, { verify: true }))).toMatchObject({ reason: 'INVALID_GRANT' });
    expect(await failure(obtainAccessToken(deps))).toMatchObject({ reason: 'INVALID_GRANT' });
    expect(parseRecord(await readText(`${tokenFile}.json`))).toMatchObject({ accessToken: undefined, account: USER });
  });

  it('asks for an authorization when there is no token file', async () => {
    const { deps } = depsFor(spotify, 'pkce', '/nonexistent-dir/.pytify');
    expect(await failure(obtainAccessToken(deps))).toMatchObject({ code: 'REAUTHORIZE_REQUIRED', reason: 'NO_TOKEN' });
  });

  it('waits for Retry-After on 429 and retries', async () => {
    const { tokenFile } = await savedToken(spotify, 'secret');
    const { deps, sleeps } = depsFor(spotify, 'secret', tokenFile);
    spotify.failNextTokenRequests({ kind: 'status', status: 429, headers: { 'retry-after': '2' }, body: '' });
    const before = spotify.tokenRequests.length;
    await obtainAccessToken(deps);
    expect(sleeps).toEqual([2000]);
    expect(requestsSince(before).map((request) => request.status)).toEqual([429, 200]);
  });

  it('does not wait for a Retry-After beyond the bound: a temporary failure at once', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'secret');
    const { deps, sleeps } = depsFor(spotify, 'secret', tokenFile);
    spotify.failNextTokenRequests({ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: '' });
    const error = await failure(obtainAccessToken(deps));
    expect(error).toMatchObject({ code: 'TEMPORARY_FAILURE', reason: 'RATE_LIMITED', retryAfterSeconds: 3600 });
    expect(sleeps).toEqual([]);
    expect(await readText(tokenFile)).toBe(token);
  });

  it('retries 5xx with backoff, then fails as temporary and keeps the file', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'pkce');
    const { deps, sleeps } = depsFor(spotify, 'pkce', tokenFile);
    const fault = { kind: 'status' as const, status: 503, body: '{"error":"server_error"}' };
    spotify.failNextTokenRequests(fault, fault, fault, fault);
    const error = await failure(obtainAccessToken(deps));
    expect(error).toMatchObject({ code: 'TEMPORARY_FAILURE', reason: 'SERVER_ERROR', status: 503 });
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(await readText(tokenFile)).toBe(token);
    spotify.failNextTokenRequests(fault, { kind: 'destroy' });
    expect((await obtainAccessToken(deps)).refreshed).toBe(true); // a blip is ridden out
  });
});

describe('refresh: the record', () => {
  it('reports a corrupt record and replaces it; the consent time is then bounded by the token file', async () => {
    const { tokenFile } = await savedToken(spotify, 'pkce');
    const mtime = (await stat(tokenFile)).mtimeMs;
    await writeFile(`${tokenFile}.json`, '{"version": 1, "client_id": ');
    const { deps } = depsFor(spotify, 'pkce', tokenFile);
    const result = await obtainAccessToken(deps);
    expect(result.warnings).toEqual([
      `the record ${tokenFile}.json could not be read (not valid JSON); it was replaced`,
    ]);
    const record = parseRecord(await readText(`${tokenFile}.json`));
    expect(record.authorizedAt).toBeUndefined();
    expect(record.knownSince).toBe(Math.floor(mtime));
  });

  it('returns the token and keeps the rotated refresh token when the record cannot be written', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'pkce');
    await mkdir(`${tokenFile}.json`); // a directory where the record should be
    const { deps } = depsFor(spotify, 'pkce', tokenFile);
    const result = await obtainAccessToken(deps);
    expect(result.warnings.join('\n')).toContain('could not update the record');
    const saved = await readText(tokenFile);
    expect(saved).not.toBe(token);
    expect((await obtainAccessToken(deps)).refreshed).toBe(true); // the token file alone is enough
  });
});

describe('refresh: concurrency', () => {
  it('serializes concurrent refreshes: every caller succeeds and the file ends with the latest token', async () => {
    const { tokenFile, token } = await savedToken(spotify, 'pkce');
    const { deps, client } = depsFor(spotify, 'pkce', tokenFile);
    const before = spotify.tokenRequests.length;
    // Infinity: the cache never suffices, so each caller spends (and rotates) the refresh token.
    const results = await Promise.all(
      Array.from({ length: 5 }, () => obtainAccessToken(deps, { minValidityMs: Infinity })),
    );
    expect(results.every((result) => result.rotated)).toBe(true);
    expect(requestsSince(before).map((request) => request.status)).toEqual([200, 200, 200, 200, 200]);
    const latest = await readText(tokenFile);
    await expect(client.refresh(token)).rejects.toMatchObject({ code: 'INVALID_GRANT' });
    const next = await client.refresh(latest); // the one in the file is the live one
    expect(next.refreshToken).toBeDefined();
  });
});
