import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenError } from '../src/core/errors.js';
import { codeChallengeS256, createCodeVerifier } from '../src/oauth/pkce.js';
import { startFakeSpotify, type FakeFault, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { NO_RETRY } from '../src/token/retry.js';
import { createTokenClient, type TokenClient, type TokenClientOptions } from '../src/token/token-client.js';
import { authorizeCode } from './helpers/authorize-code.js';
import { deadPort } from './helpers/free-port.js';

const SECRET = 'client-secret-5f1c9a7e0b2d4c68';
const WRONG_SECRET = 'wrong-secret-93d0a6b1c7e24f55';
const REDIRECT_URI = 'http://127.0.0.1:43117/callback';
const SCOPES = ['user-read-private', 'user-modify-playback-state'];
const USER = { displayName: 'Ada Listener', id: 'ada-1815' };
const ACCESS_TOKEN_SECONDS = 1234;

const SECRET_CLIENT = { clientId: 'tc-secret-app', clientSecret: SECRET, redirectUris: ['http://127.0.0.1/callback'] };
const PKCE_CLIENT = { clientId: 'tc-pkce-app', redirectUris: ['http://127.0.0.1/callback'] };

/** Every credential a test handed to the client or got from it: no error message may contain one. */
const secrets = new Set<string>([SECRET, WRONG_SECRET]);
const remember = <T extends string | undefined>(value: T): T => {
  if (value) secrets.add(value);
  return value;
};

let spotify: FakeSpotify;
let rotating: FakeSpotify;
let nonRotating: FakeSpotify;
beforeAll(async () => {
  const options = { clients: [SECRET_CLIENT, PKCE_CLIENT], user: USER, accessTokenSeconds: ACCESS_TOKEN_SECONDS };
  [spotify, rotating, nonRotating] = await Promise.all([
    startFakeSpotify(options),
    startFakeSpotify({ ...options, rotateRefreshTokens: 'always' }),
    startFakeSpotify({ ...options, rotateRefreshTokens: 'never' }),
  ]);
});
afterAll(async () => {
  await Promise.all([spotify?.close(), rotating?.close(), nonRotating?.close()]);
});

type Style = 'secret' | 'pkce';
const STYLES: Style[] = ['secret', 'pkce'];

function clientFor(style: Style, service: FakeSpotify = spotify, extra: Partial<TokenClientOptions> = {}): TokenClient {
  const base =
    style === 'secret'
      ? { clientId: SECRET_CLIENT.clientId, clientSecret: SECRET }
      : { clientId: PKCE_CLIENT.clientId };
  return createTokenClient({ tokenUrl: service.tokenUrl, apiUrl: service.apiUrl, ...base, ...extra });
}

/** A real code from the fake's consent screen; for PKCE, with the verifier that goes with it. */
async function freshCode(
  style: Style,
  service: FakeSpotify = spotify,
): Promise<{ code: string; codeVerifier?: string }> {
  const codeVerifier = style === 'pkce' ? remember(createCodeVerifier()) : undefined;
  const code = await authorizeCode({
    authUrl: service.authUrl,
    clientId: style === 'secret' ? SECRET_CLIENT.clientId : PKCE_CLIENT.clientId,
    redirectUri: REDIRECT_URI,
    scopes: SCOPES,
    codeChallenge: codeVerifier ? codeChallengeS256(codeVerifier) : undefined,
  });
  return { code: remember(code), codeVerifier };
}

/** The promise rejects with a TokenError of `code` whose message holds no credential. */
async function expectTokenError(promise: Promise<unknown>, code: TokenError['code']): Promise<TokenError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TokenError);
  const tokenError = error as TokenError;
  expect(tokenError.code).toBe(code);
  expect(tokenError.message).not.toBe('');
  for (const secret of secrets) expect(tokenError.message).not.toContain(secret);
  return tokenError;
}

const lastRequest = (service: FakeSpotify = spotify) => service.tokenRequests[service.tokenRequests.length - 1];

describe.each(STYLES)('exchangeCode with a %s client', (style) => {
  const clientAuth = style === 'secret' ? 'basic' : 'pkce';

  it('exchanges a real code and maps the grant', async () => {
    const { code, codeVerifier } = await freshCode(style);
    const before = spotify.tokenRequests.length;
    const grant = await clientFor(style).exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier });
    remember(grant.accessToken);
    remember(grant.refreshToken);
    expect(grant.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(grant.tokenType).toBe('Bearer');
    expect(grant.scopes).toEqual(SCOPES);
    expect(grant.expiresInSeconds).toBe(ACCESS_TOKEN_SECONDS);
    expect(grant.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(grant.refreshToken).not.toBe(grant.accessToken);
    expect(spotify.tokenRequests.length).toBe(before + 1);
    expect(lastRequest()).toEqual({ grantType: 'authorization_code', clientAuth, status: 200 });
    // The access token is a real one: the Web API accepts it.
    expect(await clientFor(style).fetchProfile(grant.accessToken)).toEqual(USER);
  });

  it('maps a reused code to INVALID_GRANT', async () => {
    const { code, codeVerifier } = await freshCode(style);
    const client = clientFor(style);
    const grant = await client.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier });
    remember(grant.accessToken);
    remember(grant.refreshToken);
    const error = await expectTokenError(
      client.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier }),
      'INVALID_GRANT',
    );
    expect(error.status).toBe(400);
    expect(error.oauthError).toBe('invalid_grant');
  });

  it('maps a redirect_uri that differs from the authorize request to INVALID_GRANT', async () => {
    const { code, codeVerifier } = await freshCode(style);
    const error = await expectTokenError(
      clientFor(style).exchangeCode({ code, redirectUri: 'http://127.0.0.1:43118/callback', codeVerifier }),
      'INVALID_GRANT',
    );
    expect(error.message).toContain('Invalid redirect URI');
  });

  it('maps an unknown client to INVALID_CLIENT', async () => {
    const { code, codeVerifier } = await freshCode(style);
    const stranger = clientFor(style, spotify, { clientId: 'nobody-registered-this' });
    const error = await expectTokenError(
      stranger.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier }),
      'INVALID_CLIENT',
    );
    expect(error.oauthError).toBe('invalid_client');
    expect(lastRequest()?.clientAuth).toBe(clientAuth);
  });

  it('maps a code exchange answered without a refresh token to TOKEN_ENDPOINT_ERROR', async () => {
    const { code, codeVerifier } = await freshCode(style);
    spotify.failNextTokenRequests({ kind: 'omit-refresh-token' });
    await expectTokenError(
      clientFor(style).exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier }),
      'TOKEN_ENDPOINT_ERROR',
    );
    expect(lastRequest()).toEqual({ grantType: 'authorization_code', clientAuth, status: 200 });
  });
});

describe('exchangeCode: client credentials', () => {
  it('maps a PKCE exchange with the wrong verifier to INVALID_GRANT', async () => {
    const { code } = await freshCode('pkce');
    const otherVerifier = remember(createCodeVerifier());
    const error = await expectTokenError(
      clientFor('pkce').exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier: otherVerifier }),
      'INVALID_GRANT',
    );
    expect(error.oauthError).toBe('invalid_grant');
  });

  it('maps a wrong client secret to INVALID_CLIENT', async () => {
    const { code } = await freshCode('secret');
    const wrong = clientFor('secret', spotify, { clientSecret: WRONG_SECRET });
    const error = await expectTokenError(wrong.exchangeCode({ code, redirectUri: REDIRECT_URI }), 'INVALID_CLIENT');
    expect(error.status).toBe(400);
    expect(lastRequest()?.clientAuth).toBe('basic');
  });
});

describe('exchangeCode: failures of the token endpoint', () => {
  /**
   * Exchanges a fresh code while the fake answers with `fault` once, sent without retries (how got
   * retries is token-retry.test.ts); expects a TokenError of `code`.
   */
  async function failWith(
    fault: FakeFault,
    code: TokenError['code'],
    extra: Partial<TokenClientOptions> = {},
  ): Promise<TokenError> {
    const fresh = await freshCode('secret');
    spotify.failNextTokenRequests(fault);
    return expectTokenError(
      clientFor('secret', spotify, { retry: NO_RETRY, ...extra }).exchangeCode({
        code: fresh.code,
        redirectUri: REDIRECT_URI,
      }),
      code,
    );
  }

  it('maps HTTP 500 to TOKEN_ENDPOINT_ERROR with the status', async () => {
    const error = await failWith(
      { kind: 'status', status: 500, body: '{"error":"server_error","error_description":"Server error"}' },
      'TOKEN_ENDPOINT_ERROR',
    );
    expect(error.status).toBe(500);
  });

  it('maps HTTP 500 with an empty body to TOKEN_ENDPOINT_ERROR with the status', async () => {
    const error = await failWith({ kind: 'status', status: 500 }, 'TOKEN_ENDPOINT_ERROR');
    expect(error.status).toBe(500);
    expect(error.message).toContain('500');
  });

  it('maps 429 to RATE_LIMITED with Retry-After in seconds', async () => {
    const fault: FakeFault = {
      kind: 'status',
      status: 429,
      body: '{"error":"rate_limited","error_description":"API rate limit exceeded"}',
      headers: { 'retry-after': '7' },
    };
    const error = await failWith(fault, 'RATE_LIMITED');
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(7);
  });

  it('maps an HTML error page to TOKEN_ENDPOINT_ERROR with a short excerpt without tags', async () => {
    const body = `<html><head><title>502</title></head><body><h1>Bad gateway</h1><p>${'The upstream server did not answer in time. '.repeat(10)}</p></body></html>`;
    const error = await failWith(
      { kind: 'status', status: 502, body, contentType: 'text/html' },
      'TOKEN_ENDPOINT_ERROR',
    );
    expect(error.status).toBe(502);
    expect(error.message).toContain('Bad gateway');
    expect(error.message).not.toMatch(/[<>]/);
    expect(error.message.length).toBeLessThan(200);
  });

  it('maps a 200 answer with malformed JSON to TOKEN_ENDPOINT_ERROR', async () => {
    const error = await failWith(
      {
        kind: 'status',
        status: 200,
        body: '{"token_type": "Bearer", "expires_in": 36',
        contentType: 'application/json',
      },
      'TOKEN_ENDPOINT_ERROR',
    );
    expect(error.status).toBe(200);
  });

  it('keeps the tokens of a truncated 200 answer out of the message', async () => {
    const accessToken = remember('AQ-truncated-access-token-7c1e0f9b2a5d48e6');
    const refreshToken = remember('AQ-truncated-refresh-token-3b8f6d2e9c1a07f4');
    const body = `{"access_token":"${accessToken}","token_type":"Bearer","refresh_token":"${refreshToken}","expires_in":3`;
    await failWith({ kind: 'status', status: 200, body, contentType: 'application/json' }, 'TOKEN_ENDPOINT_ERROR');
  });

  it('maps a connection destroyed without an answer to NETWORK_ERROR', async () => {
    const before = spotify.tokenRequests.length;
    await failWith({ kind: 'destroy' }, 'NETWORK_ERROR');
    expect(spotify.tokenRequests.slice(before)).toEqual([
      { grantType: 'authorization_code', clientAuth: 'basic', status: 0 },
    ]);
  });

  it('maps an answer slower than timeoutMs to NETWORK_ERROR', async () => {
    await failWith({ kind: 'delay', ms: 1000 }, 'NETWORK_ERROR', { timeoutMs: 200 });
  });

  it('maps a closed port to NETWORK_ERROR', async () => {
    const port = await deadPort();
    const { code } = await freshCode('secret');
    const client = createTokenClient({
      tokenUrl: `http://127.0.0.1:${port}/api/token`,
      apiUrl: `http://127.0.0.1:${port}/v1`,
      clientId: SECRET_CLIENT.clientId,
      clientSecret: SECRET,
      retry: NO_RETRY, // the retries are token-retry.test.ts's
    });
    const error = await expectTokenError(client.exchangeCode({ code, redirectUri: REDIRECT_URI }), 'NETWORK_ERROR');
    expect(error.message).toContain(String(port));
  });
});

describe.each(STYLES)('refresh with a %s client', (style) => {
  const clientId = style === 'secret' ? SECRET_CLIENT.clientId : PKCE_CLIENT.clientId;
  const clientAuth = style === 'secret' ? 'basic' : 'pkce';

  it('refreshes without rotation: no new refresh token, and the old one keeps working', async () => {
    const refreshToken = remember(nonRotating.issueRefreshToken(clientId, SCOPES));
    const client = clientFor(style, nonRotating);
    const grant = await client.refresh(refreshToken);
    remember(grant.accessToken);
    expect(grant.refreshToken).toBeUndefined();
    expect(grant.scopes).toEqual(SCOPES);
    expect(grant.expiresInSeconds).toBe(ACCESS_TOKEN_SECONDS);
    expect(lastRequest(nonRotating)).toEqual({ grantType: 'refresh_token', clientAuth, status: 200 });
    remember((await client.refresh(refreshToken)).accessToken);
  });

  it('refreshes with rotation: a new refresh token, and the old one is then revoked', async () => {
    const refreshToken = remember(rotating.issueRefreshToken(clientId, SCOPES));
    const client = clientFor(style, rotating);
    const grant = await client.refresh(refreshToken);
    remember(grant.accessToken);
    remember(grant.refreshToken);
    expect(grant.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(grant.refreshToken).not.toBe(refreshToken);
    expect(lastRequest(rotating)).toEqual({ grantType: 'refresh_token', clientAuth, status: 200 });
    await expectTokenError(client.refresh(refreshToken), 'INVALID_GRANT');
    remember((await client.refresh(grant.refreshToken!)).accessToken);
  });

  it('maps a revoked refresh token to INVALID_GRANT', async () => {
    const refreshToken = remember(spotify.issueRefreshToken(clientId, SCOPES));
    spotify.revokeRefreshToken(refreshToken);
    const error = await expectTokenError(clientFor(style).refresh(refreshToken), 'INVALID_GRANT');
    expect(error.message).toContain('Refresh token revoked');
  });

  it('refreshes the refresh token a real code exchange returned', async () => {
    const { code, codeVerifier } = await freshCode(style);
    const client = clientFor(style);
    const first = await client.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier });
    remember(first.accessToken);
    remember(first.refreshToken);
    const next = await client.refresh(first.refreshToken!);
    remember(next.accessToken);
    remember(next.refreshToken);
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(await client.fetchProfile(next.accessToken)).toEqual(USER);
  });
});

describe('fetchProfile', () => {
  it('reads display name and id from /v1/me', async () => {
    const { code } = await freshCode('secret');
    const client = clientFor('secret');
    const grant = await client.exchangeCode({ code, redirectUri: REDIRECT_URI });
    remember(grant.accessToken);
    remember(grant.refreshToken);
    expect(await client.fetchProfile(grant.accessToken)).toEqual({ displayName: 'Ada Listener', id: 'ada-1815' });
  });

  it('maps a token the Web API refuses to PROFILE_ERROR with status 401', async () => {
    const badToken = remember('BQ-not-a-real-access-token-4e2a9c7f');
    const error = await expectTokenError(clientFor('pkce').fetchProfile(badToken), 'PROFILE_ERROR');
    expect(error.status).toBe(401);
    expect(error.message).toContain('Invalid access token');
  });

  it('maps an unreachable Web API to NETWORK_ERROR', async () => {
    const port = await deadPort();
    const client = createTokenClient({
      tokenUrl: spotify.tokenUrl,
      apiUrl: `http://127.0.0.1:${port}/v1`,
      clientId: PKCE_CLIENT.clientId,
      retry: NO_RETRY,
    });
    await expectTokenError(client.fetchProfile(remember('BQ-another-access-token-0d5b8e1f')), 'NETWORK_ERROR');
  });
});
