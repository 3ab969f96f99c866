import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenError } from '../src/core/errors.js';
import type { DebugLog } from '../src/core/debug-log.js';
import { startFakeSpotify, type FakeFault, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { createTokenClient, type TokenClientOptions } from '../src/token/token-client.js';
import { authorizeCode } from './helpers/authorize-code.js';
import { deadPort } from './helpers/free-port.js';

// A code is single-use: a second copy can only come back invalid_grant (hiding the real failure),
// and a server may revoke what the first one issued. So the exchange goes out once, unless it
// provably never left; refreshes and GET /me keep got's retries (token-retry.test.ts).
const APP = { clientId: 'once-app', clientSecret: 'once-secret-5e21', redirectUris: ['http://127.0.0.1/callback'] };
const REDIRECT_URI = 'http://127.0.0.1:43127/callback';

let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startFakeSpotify({ clients: [APP] });
});
afterAll(() => spotify.close());

const client = (extra: Partial<TokenClientOptions> = {}) =>
  createTokenClient({ ...APP, tokenUrl: spotify.tokenUrl, apiUrl: spotify.apiUrl, ...extra });
const newCode = () => authorizeCode({ authUrl: spotify.authUrl, clientId: APP.clientId, redirectUri: REDIRECT_URI });

async function exchangeAfter(fault: FakeFault) {
  const code = await newCode();
  spotify.failNextTokenRequests(fault);
  const before = spotify.tokenRequests.length;
  const error = await client()
    .exchangeCode({ code, redirectUri: REDIRECT_URI })
    .then(
      () => undefined,
      (reason: unknown) => reason,
    );
  expect(error).toBeInstanceOf(TokenError);
  return { error: error as TokenError, sent: spotify.tokenRequests.slice(before).map((request) => request.status) };
}

describe('the code exchange is sent once', () => {
  it('on a 503: one request at the local Spotify, and the real error', async () => {
    const { error, sent } = await exchangeAfter({ kind: 'status', status: 503, body: 'Service Unavailable' });
    expect(sent).toEqual([503]);
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_ERROR', status: 503 });
    expect(error.message).toBe('The token endpoint answered HTTP 503: Service Unavailable');
  });

  it('on a 429 with a short Retry-After: one request, RATE_LIMITED', async () => {
    const fault = { kind: 'status', status: 429, body: '', headers: { 'retry-after': '1' } } as const;
    const { error, sent } = await exchangeAfter(fault);
    expect(sent).toEqual([429]);
    expect(error.code).toBe('RATE_LIMITED');
  });

  it('on a connection reset after the request arrived: one request, NETWORK_ERROR', async () => {
    const { error, sent } = await exchangeAfter({ kind: 'destroy' });
    expect(sent).toEqual([0]);
    expect(error.code).toBe('NETWORK_ERROR');
  });

  it('on a 200 nobody can read: one request (the code is spent by then)', async () => {
    const fault = {
      kind: 'status',
      status: 200,
      body: '{"access_token":"cut',
      contentType: 'application/json',
    } as const;
    const { error, sent } = await exchangeAfter(fault);
    expect(sent).toEqual([200]);
    expect(error.message).not.toContain('cut');
  });

  it('is resent when it provably never left: a refused connection is tried again', async () => {
    const port = await deadPort();
    const attempts: unknown[] = [];
    const log: DebugLog = (event, details) => void (event === 'http request' && attempts.push(details?.attempt));
    const error = await client({ tokenUrl: `http://127.0.0.1:${port}/api/token`, log })
      .exchangeCode({ code: 'never-sent-code', redirectUri: REDIRECT_URI })
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(attempts).toEqual([1, 2, 3, 4]);
  });

  it('still completes when nothing went wrong, in one request', async () => {
    const code = await newCode();
    const before = spotify.tokenRequests.length;
    const grant = await client().exchangeCode({ code, redirectUri: REDIRECT_URI });
    expect(grant.refreshToken).toEqual(expect.any(String));
    expect(spotify.tokenRequests.slice(before)).toEqual([
      { grantType: 'authorization_code', clientAuth: 'basic', status: 200 },
    ]);
  });
});

describe('a refresh keeps its retries', () => {
  it('succeeds when answered 503, then 200', async () => {
    const token = spotify.issueRefreshToken(APP.clientId, ['user-read-private']);
    spotify.failNextTokenRequests({ kind: 'status', status: 503, body: '' });
    const before = spotify.tokenRequests.length;
    expect((await client().refresh(token)).accessToken).toEqual(expect.any(String));
    expect(spotify.tokenRequests.slice(before).map((request) => request.status)).toEqual([503, 200]);
  });
});
