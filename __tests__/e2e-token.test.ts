import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeSpotify, type FakeFault, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { parseRecord } from '../src/token/record.js';
import { createTokenClient } from '../src/token/token-client.js';
import { CLIENT_ID, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';

// The built binary against the local Spotify: `token` and `status` end to end.
const SECRET = 'e2e-client-secret-70c4b1';
const SCOPES = ['user-read-private', 'user-modify-playback-state'];
let pkce: FakeSpotify;
let secret: FakeSpotify;
beforeAll(async () => {
  // Rotating PKCE refresh tokens, as Spotify did before July 2026: the client still saves a rotated one.
  [pkce, secret] = await Promise.all([
    startSpotify({ rotateRefreshTokens: 'pkce' }),
    startSpotify({ clientSecret: SECRET }),
  ]);
});
afterAll(() => Promise.all([pkce.close(), secret.close()]));

/** A folder with a .spotifyrc for `service` and a .pytify it issued, as after a login. */
async function authorized(service: FakeSpotify, extra: Record<string, unknown> = {}) {
  const dir = await tempDir('pytify-e2e-token-');
  await writeConfig(dir, service, extra);
  const token = service.issueRefreshToken(CLIENT_ID, SCOPES);
  const tokenFile = join(dir, '.pytify');
  await writeFile(tokenFile, token, { mode: 0o600 });
  return { dir, token, tokenFile, run: (...args: string[]) => runPlain(args, { cwd: dir }) };
}

const clientFor = (service: FakeSpotify, clientSecret?: string) =>
  createTokenClient({ tokenUrl: service.tokenUrl, apiUrl: service.apiUrl, clientId: CLIENT_ID, clientSecret });
const statusesSince = (service: FakeSpotify, before: number) =>
  service.tokenRequests.slice(before).map((request) => request.status);

describe('pytify-auth token', () => {
  it('prints only the access token, saves the rotated refresh token, then reuses the cached access token', async () => {
    const { token, tokenFile, run } = await authorized(pkce);
    const first = await run('token');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^[A-Za-z0-9_-]{40,}\n$/);
    const rotated = await readFile(tokenFile, 'utf8');
    expect(rotated).not.toBe(token);
    await expect(clientFor(pkce).refresh(token)).rejects.toMatchObject({ code: 'INVALID_GRANT' }); // the old one is spent
    const before = pkce.tokenRequests.length;
    const again = await run('token', '--json');
    expect(pkce.tokenRequests.length).toBe(before); // cached: no request at all
    const json = JSON.parse(again.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['access_token', 'token_type', 'expires_at', 'scope']);
    expect(json).toMatchObject({ access_token: first.stdout.trim(), token_type: 'Bearer', scope: SCOPES.join(' ') });
    expect(Date.parse(json.expires_at as string)).toBeGreaterThan(Date.now() + 3_000_000);
    expect((await clientFor(pkce).refresh(rotated)).accessToken).toBeTruthy(); // and the saved one works
  });

  it('keeps the token file byte-identical when Spotify does not rotate (client secret, Basic auth)', async () => {
    const { token, tokenFile, run } = await authorized(secret, { clientSecret: SECRET });
    const before = secret.tokenRequests.length;
    expect((await run('token')).code).toBe(0);
    expect(secret.tokenRequests.slice(before)).toEqual([
      { grantType: 'refresh_token', clientAuth: 'basic', status: 200 },
    ]);
    expect(await readFile(tokenFile)).toEqual(Buffer.from(token));
  });

  it('exits 1 on invalid_grant, says to authorize again, and keeps the file', async () => {
    const { token, tokenFile, run } = await authorized(pkce);
    pkce.revokeRefreshToken(token);
    const result = await run('token');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('authorization expired or revoked — run pytify-auth again');
    expect(result.stderr).not.toContain(token);
    expect(await readFile(tokenFile, 'utf8')).toBe(token);
    const status = await run('status');
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('To authorize again: pytify-auth');
    expect(await readFile(tokenFile, 'utf8')).toBe(token);
  });

  it('waits for Retry-After on 429 and succeeds', async () => {
    const { run } = await authorized(pkce);
    pkce.failNextTokenRequests({
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '1' },
      body: '{"error":"rate_limited"}',
    });
    const before = pkce.tokenRequests.length;
    const started = Date.now();
    expect((await run('token')).code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(statusesSince(pkce, before)).toEqual([429, 200]);
  });

  it('retries a 500, then exits 2 as a temporary failure with the file untouched', async () => {
    const { token, tokenFile, run } = await authorized(pkce);
    const fault: FakeFault = {
      kind: 'status',
      status: 500,
      body: '{"error":"server_error","error_description":"Server error"}',
    };
    pkce.failNextTokenRequests(fault, fault, fault, fault);
    const before = pkce.tokenRequests.length;
    const result = await run('token');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('try again later');
    expect(statusesSince(pkce, before)).toEqual([500, 500, 500, 500]);
    expect(await readFile(tokenFile, 'utf8')).toBe(token);
    pkce.failNextTokenRequests(fault, fault, fault, fault);
    const status = await run('status', '--json');
    expect(status.code).toBe(2);
    expect(JSON.parse(status.stdout)).toMatchObject({
      state: 'temporary_failure',
      works: null,
      error: { code: 'TEMPORARY_FAILURE', reason: 'SERVER_ERROR' },
    });
  });

  it('reports a corrupt record, replaces it, and still prints the token', async () => {
    const { tokenFile, run } = await authorized(pkce);
    await writeFile(`${tokenFile}.json`, '{"version": 1, "access_token": "trunc');
    const result = await run('token');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `pytify-auth: warning: the record ${tokenFile}.json could not be read (not valid JSON); it was replaced\n`,
    );
    const record = parseRecord(await readFile(`${tokenFile}.json`, 'utf8'));
    expect(record).toMatchObject({
      clientId: CLIENT_ID,
      scopes: SCOPES,
      account: { displayName: 'Test Listener', id: 'test-listener' },
    });
  });

  it('exits 1 with the way out when nothing was authorized, and 2 on a bad flag', async () => {
    const dir = await tempDir('pytify-e2e-token-');
    await writeConfig(dir, pkce);
    const none = await runPlain(['token'], { cwd: dir });
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toContain(`no refresh token in ${join(dir, '.pytify')} — run pytify-auth to authorize`);
    const bad = await runPlain(['token', '--frobnicate'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--frobnicate'");
    const elsewhere = await runPlain(['token', '--token-file', 'players/ada'], { cwd: dir });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('To authorize: pytify-auth --token-file players/ada\n');
    const help = await runPlain(['token', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pytify-auth token');
  });
});

describe('pytify-auth token: two players at once', () => {
  let shortLived: FakeSpotify;
  beforeAll(async () => {
    // Access tokens shorter than the 60 s margin: every run must refresh (and rotate).
    shortLived = await startFakeSpotify({
      clients: [{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }],
      accessTokenSeconds: 30,
      rotateRefreshTokens: 'pkce',
    });
  });
  afterAll(() => shortLived.close());

  it('serializes their refreshes: both succeed and the file ends holding the latest refresh token', async () => {
    const { token, tokenFile, run } = await authorized(shortLived);
    const before = shortLived.tokenRequests.length;
    const results = await Promise.all([run('token'), run('token'), run('token')]);
    expect(results.map((result) => result.code)).toEqual([0, 0, 0]);
    expect(results.map((result) => result.stderr)).toEqual(['', '', '']);
    expect(new Set(results.map((result) => result.stdout)).size).toBe(3);
    expect(statusesSince(shortLived, before)).toEqual([200, 200, 200]);
    const latest = await readFile(tokenFile, 'utf8');
    await expect(clientFor(shortLived).refresh(token)).rejects.toMatchObject({ code: 'INVALID_GRANT' });
    expect((await clientFor(shortLived).refresh(latest)).refreshToken).toBeDefined(); // the file holds the live one
  });
});

describe('pytify-auth status', () => {
  it('shows the account and that it works, in text and JSON, never a token', async () => {
    const { token, tokenFile, run } = await authorized(pkce);
    const text = await run('status');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Account      Test Listener (test-listener)');
    expect(text.stdout).toContain('Works now    yes · refreshed, and GET /me answered as test-listener');
    const json = await run('status', '--json');
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(data).toMatchObject({
      state: 'ok',
      works: true,
      account: { display_name: 'Test Listener', id: 'test-listener' },
      scope: SCOPES.join(' '),
      missing_scopes: [],
      token_file: tokenFile,
      expiry_is_upper_bound: true, // a token file without a record: only the file's age bounds the consent
    });
    const record = await readFile(`${tokenFile}.json`, 'utf8');
    const saved = await readFile(tokenFile, 'utf8');
    for (const secretValue of [token, saved, parseRecord(record).accessToken!]) {
      expect(text.stdout + text.stderr + json.stdout + json.stderr).not.toContain(secretValue);
    }
  });

  it('exits 2 on a configuration problem, with the guide on stderr and one JSON object on stdout', async () => {
    const dir = await tempDir('pytify-e2e-token-');
    const result = await runPlain(['status', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No Spotify client id is configured.');
    expect(JSON.parse(result.stdout)).toMatchObject({
      state: 'config_error',
      works: null,
      error: { code: 'CONFIG_ERROR', reason: 'CONFIG_MISSING_CLIENT_ID' },
    });
  });

  it('says which configured scopes are not granted', async () => {
    const { run } = await authorized(pkce, { scopes: [...SCOPES, 'playlist-read-private'] });
    const result = await run('status');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Configured but not granted: playlist-read-private. To add them, authorize again: pytify-auth',
    );
  });
});
