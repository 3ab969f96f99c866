import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDebugLog } from '../src/core/debug-log.js';
import { TokenError } from '../src/core/errors.js';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { codeChallengeS256, createCodeVerifier } from '../src/oauth/pkce.js';
import { DEFAULT_RETRY } from '../src/token/retry.js';
import { createTokenClient, type TokenClientOptions } from '../src/token/token-client.js';
import { authorizeCode } from './helpers/authorize-code.js';
import { closeServer, deadPort } from './helpers/free-port.js';
import { recordWaits } from './helpers/retry-waits.js';

const SECRET = 'retry-secret-0c7e4a91b25f';
const REDIRECT_URI = 'http://127.0.0.1:43119/callback';
const SCOPES = ['user-read-private'];
const USER = { displayName: 'Ada Listener', id: 'ada-1815' };
const SECRET_APP = { clientId: 'retry-secret-app', clientSecret: SECRET, redirectUris: ['http://127.0.0.1/callback'] };
const PKCE_APP = { clientId: 'retry-pkce-app', redirectUris: ['http://127.0.0.1/callback'] };

let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startFakeSpotify({ clients: [SECRET_APP, PKCE_APP], user: USER, rotateRefreshTokens: 'never' });
});
afterAll(() => spotify.close());

function pkceClient(extra: Partial<TokenClientOptions> = {}) {
  return createTokenClient({
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
    clientId: PKCE_APP.clientId,
    ...extra,
  });
}

const statusesSince = (before: number) => spotify.tokenRequests.slice(before).map((request) => request.status);

async function rejection(promise: Promise<unknown>): Promise<TokenError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

describe('got retries the token endpoint (POST)', () => {
  it('succeeds when a refresh is answered 503, then 200', async () => {
    const waits: number[] = [];
    const token = spotify.issueRefreshToken(PKCE_APP.clientId, SCOPES);
    spotify.failNextTokenRequests({ kind: 'status', status: 503, body: '{"error":"server_error"}' });
    const before = spotify.tokenRequests.length;
    const grant = await pkceClient({ log: recordWaits(waits) }).refresh(token);
    expect(grant.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(spotify.tokenRequests.slice(before)).toEqual([
      { grantType: 'refresh_token', clientAuth: 'pkce', status: 503 },
      { grantType: 'refresh_token', clientAuth: 'pkce', status: 200 },
    ]);
    expect(waits).toEqual([DEFAULT_RETRY.baseDelayMs]);
  });

  it('waits for Retry-After: 1 about a second, and retries once', async () => {
    const waits: number[] = [];
    const token = spotify.issueRefreshToken(PKCE_APP.clientId, SCOPES);
    spotify.failNextTokenRequests({ kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: '' });
    const before = spotify.tokenRequests.length;
    const started = performance.now();
    await pkceClient({ log: recordWaits(waits) }).refresh(token);
    // Timers may fire a millisecond early; the answer itself takes longer than that.
    expect(performance.now() - started).toBeGreaterThanOrEqual(999);
    expect(statusesSince(before)).toEqual([429, 200]);
    expect(waits).toEqual([1000]);
  });

  it.each([
    ['3600 s, beyond the default bound of 10 s', '3600', DEFAULT_RETRY],
    ['1 s, beyond a bound of 0.5 s', '1', { ...DEFAULT_RETRY, maxRetryAfterMs: 500 }],
  ])('does not wait for a Retry-After of %s: RATE_LIMITED at once', async (_, retryAfter, retry) => {
    const waits: number[] = [];
    const token = spotify.issueRefreshToken(PKCE_APP.clientId, SCOPES);
    spotify.failNextTokenRequests({ kind: 'status', status: 429, headers: { 'retry-after': retryAfter }, body: '' });
    const before = spotify.tokenRequests.length;
    const started = performance.now();
    const error = await rejection(pkceClient({ retry, log: recordWaits(waits) }).refresh(token));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: Number(retryAfter) });
    expect(performance.now() - started).toBeLessThan(500);
    expect(statusesSince(before)).toEqual([429]);
    expect(waits).toEqual([]);
  });

  it('gives NETWORK_ERROR for a closed port after the bounded retries', async () => {
    const port = await deadPort();
    const waits: number[] = [];
    const events: string[] = [];
    const log = (event: string, details?: Record<string, unknown>) => {
      events.push(`${event} ${String(details?.attempt ?? details?.reason)}`);
      recordWaits(waits)(event, details);
    };
    const client = pkceClient({ tokenUrl: `http://127.0.0.1:${port}/api/token`, log });
    const started = performance.now();
    const error = await rejection(client.refresh('any-refresh-token-value'));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toBe(`Could not reach 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(waits).toEqual([250, 500, 1000]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1740);
    expect(events.filter((event) => event.startsWith('http request'))).toEqual(
      [1, 2, 3, 4].map((attempt) => `http request ${attempt}`),
    );
    expect(events.at(-1)).toBe('http failure ECONNREFUSED');
  });
});

describe('got retries GET /me', () => {
  let server: Server;
  let answers: number[];
  let seen: number;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const status = answers[seen++] ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(status === 200 ? JSON.stringify({ id: USER.id, display_name: USER.displayName }) : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => closeServer(server));

  const client = () => pkceClient({ apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });

  it('retries a 502, and sends once with retry: false', async () => {
    [answers, seen] = [[502], 0];
    expect(await client().fetchProfile('an-access-token-value')).toEqual(USER);
    expect(seen).toBe(2);
    [answers, seen] = [[502], 0];
    expect(await rejection(client().fetchProfile('an-access-token-value', { retry: false }))).toMatchObject({
      code: 'PROFILE_ERROR',
      status: 502,
    });
    expect(seen).toBe(1);
  });
});

describe('--debug', () => {
  it("comes from got's hooks, one line per attempt, and holds no secret", async () => {
    const lines: string[] = [];
    // No known secrets to scrub: the hooks must not write any in the first place.
    const log = createDebugLog((line) => void lines.push(line));
    const secrets = [SECRET];
    const keep = (value: string | undefined) => value && secrets.push(value);

    const secretClient = createTokenClient({ ...SECRET_APP, tokenUrl: spotify.tokenUrl, apiUrl: spotify.apiUrl, log });
    const code = await authorizeCode({
      authUrl: spotify.authUrl,
      clientId: SECRET_APP.clientId,
      redirectUri: REDIRECT_URI,
    });
    keep(code);
    const grant = await secretClient.exchangeCode({ code, redirectUri: REDIRECT_URI });
    [grant.accessToken, grant.refreshToken].forEach(keep);
    // The exchange is sent once; a refresh is what got retries.
    spotify.failNextTokenRequests({ kind: 'status', status: 503, body: '' });
    keep((await secretClient.refresh(grant.refreshToken!)).accessToken);
    await secretClient.fetchProfile(grant.accessToken);

    const verifier = createCodeVerifier();
    keep(verifier);
    const pkceCode = await authorizeCode({
      authUrl: spotify.authUrl,
      clientId: PKCE_APP.clientId,
      redirectUri: REDIRECT_URI,
      codeChallenge: codeChallengeS256(verifier),
    });
    keep(pkceCode);
    const pkce = pkceClient({ log });
    const pkceGrant = await pkce.exchangeCode({ code: pkceCode, redirectUri: REDIRECT_URI, codeVerifier: verifier });
    [pkceGrant.accessToken, pkceGrant.refreshToken].forEach(keep);
    // A 200 cut short carries a token; it is retried, and neither its body nor the new token shows.
    const cut = keep('cut-short-access-token-5d1f0b6e') as string;
    spotify.failNextTokenRequests({
      kind: 'status',
      status: 200,
      body: `{"access_token":"${cut}`,
      contentType: 'application/json',
    });
    keep((await pkce.refresh(pkceGrant.refreshToken!)).accessToken);
    const port = await deadPort();
    await pkceClient({ tokenUrl: `http://127.0.0.1:${port}/api/token`, log, retry: { ...DEFAULT_RETRY, attempts: 2 } })
      .refresh(pkceGrant.refreshToken!)
      .catch(() => undefined);

    const text = lines.join('');
    expect(secrets.filter(Boolean).length).toBeGreaterThanOrEqual(9);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    expect(text).not.toMatch(/Basic |Bearer /);
    // One got call per refresh, two attempts: only got's hooks see the second one.
    const firstRefresh = lines.slice(2, 6).map((line) => line.replace(/^\[pytify-auth [^\]]+\] /, ''));
    expect(firstRefresh).toEqual([
      `http request method="POST" url="${spotify.tokenUrl}" fields="grant_type,refresh_token" attempt=1\n`,
      expect.stringMatching(/^http response method="POST" url="[^"]+" status=503 ms=\d+\n$/),
      `http retry method="POST" url="${spotify.tokenUrl}" attempt=2 reason=503 waitedMs=250\n`,
      `http request method="POST" url="${spotify.tokenUrl}" fields="grant_type,refresh_token" attempt=2\n`,
    ]);
    expect(text).toContain('reason="ERR_UNREADABLE_ANSWER" waitedMs=250');
    expect(text).toMatch(/http failure method="POST" url="[^"]+" reason="ECONNREFUSED"/);
  });
});
