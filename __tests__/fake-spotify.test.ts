import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';

const SECRET_CLIENT = {
  clientId: 'secret-app',
  clientSecret: 's3cret',
  redirectUris: ['http://127.0.0.1:4000/callback'],
};
const PKCE_CLIENT = { clientId: 'pkce-app', redirectUris: ['http://127.0.0.1/callback', 'http://[::1]/cb'] };
const VERIFIER = 'v'.repeat(43) + '-._~0123';
const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

let spotify: FakeSpotify;
beforeAll(async () => {
  // Spotify before July 2026 (PKCE refresh tokens rotate): these tests exercise rotation.
  spotify = await startFakeSpotify({
    clients: [SECRET_CLIENT, PKCE_CLIENT],
    user: { displayName: 'Ada <Lovelace>', id: 'ada' },
    rotateRefreshTokens: 'pkce',
  });
});
afterAll(() => spotify.close());
afterEach(() => {
  jest.restoreAllMocks();
});
/** Moves the clock the server reads (Date.now) without faking the timers sockets rely on. */
const advanceClock = (ms: number) => {
  const now = Date.now() + ms;
  jest.spyOn(Date, 'now').mockReturnValue(now);
};

function authorizeUrl(params: Record<string, string>): string {
  const url = new URL(spotify.authUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
const secretParams = {
  client_id: 'secret-app',
  response_type: 'code',
  redirect_uri: 'http://127.0.0.1:4000/callback',
  scope: 'user-read-private',
  state: 'st-1',
};
const pkceParams = (redirectUri = 'http://127.0.0.1:5123/callback') => ({
  client_id: 'pkce-app',
  response_type: 'code',
  redirect_uri: redirectUri,
  scope: 'user-read-private user-modify-playback-state',
  code_challenge_method: 'S256',
  code_challenge: challengeOf(VERIFIER),
});

async function getPage(url: string): Promise<{ status: number; html: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, html: await response.text() };
}

async function decide(params: Record<string, string>, decision: 'approve' | 'deny'): Promise<URL> {
  const { status, html } = await getPage(authorizeUrl(params));
  expect(status).toBe(200);
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const response = await fetch(`${spotify.origin}/authorize/decision`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ request, decision }),
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

async function token(form: Record<string, string>, authorization?: string): Promise<{ status: number; json: any }> {
  const response = await fetch(spotify.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: authorization ? { authorization } : {},
  });
  return { status: response.status, json: await response.json() };
}

async function me(accessToken: string): Promise<{ status: number; json: any }> {
  const response = await fetch(`${spotify.apiUrl}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return { status: response.status, json: await response.json() };
}

async function pkceTokens(): Promise<any> {
  const redirectUri = 'http://127.0.0.1:5123/callback';
  const code = (await decide(pkceParams(redirectUri), 'approve')).searchParams.get('code') ?? '';
  const { status, json } = await token({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: 'pkce-app',
    code_verifier: VERIFIER,
  });
  expect(status).toBe(200);
  return json;
}

describe('GET /authorize', () => {
  it('shows a self-contained consent page with the app, the scopes, the account and the form', async () => {
    const { status, html } = await getPage(authorizeUrl(secretParams));
    expect(status).toBe(200);
    expect(html).toContain('Demo Spotify');
    expect(html).toContain('secret-app');
    expect(html).toContain('user-read-private');
    expect(html).toContain('Ada &lt;Lovelace&gt;');
    expect(html).not.toContain('Ada <Lovelace>');
    expect(html).toMatch(/<form method="post" action="\/authorize\/decision">/);
    expect(html).toMatch(/<input type="hidden" name="request" value="[A-Za-z0-9_-]{16,}">/);
    expect(html).toContain('name="decision" value="approve"');
    expect(html).toContain('name="decision" value="deny"');
    expect(html).not.toMatch(/<script/i);
  });

  it.each([
    ['an unknown client', { ...secretParams, client_id: 'nope' }, 'INVALID_CLIENT: Invalid client'],
    [
      'an unregistered redirect URI',
      { ...secretParams, redirect_uri: 'http://127.0.0.1:4001/callback' },
      'INVALID_CLIENT: Invalid redirect URI',
    ],
    [
      'a localhost redirect URI',
      { ...secretParams, redirect_uri: 'http://localhost:4000/callback' },
      'INVALID_CLIENT: Insecure redirect URI',
    ],
    [
      'plain HTTP off loopback',
      { ...secretParams, redirect_uri: 'http://example.com/callback' },
      'INVALID_CLIENT: Insecure redirect URI',
    ],
    [
      'a public client without code_challenge',
      { ...pkceParams(), code_challenge: '', code_challenge_method: '' },
      'code_challenge required',
    ],
    ['a plain PKCE method', { ...pkceParams(), code_challenge_method: 'plain' }, 'code_challenge_method must be S256'],
    ['another response_type', { ...secretParams, response_type: 'token' }, 'response_type must be code'],
  ])('answers 400 with an error page for %s', async (_name, params, message) => {
    const url = new URL(authorizeUrl(params));
    for (const key of ['code_challenge', 'code_challenge_method'])
      if (url.searchParams.get(key) === '') url.searchParams.delete(key);
    const { status, html } = await getPage(url.toString());
    expect(status).toBe(400);
    expect(html).toContain(message);
    expect(html).not.toContain('name="request"');
  });

  it('lets a portless loopback registration match any port, on IPv4 and IPv6, but not another path', async () => {
    expect((await getPage(authorizeUrl(pkceParams('http://127.0.0.1:61234/callback')))).status).toBe(200);
    expect((await getPage(authorizeUrl(pkceParams('http://[::1]:8080/cb')))).status).toBe(200);
    expect((await getPage(authorizeUrl(pkceParams('http://127.0.0.1:61234/other')))).status).toBe(400);
    // A registration with a port stays exact.
    expect((await getPage(authorizeUrl({ ...secretParams, redirect_uri: 'http://127.0.0.1/callback' }))).status).toBe(
      400,
    );
  });
});

describe('POST /authorize/decision', () => {
  it('redirects with a code and the state on approval', async () => {
    const location = await decide(secretParams, 'approve');
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:4000/callback');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(location.searchParams.get('state')).toBe('st-1');
  });

  it('redirects with access_denied and the state on denial, and without state when none was sent', async () => {
    const denied = await decide(secretParams, 'deny');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('st-1');
    expect(denied.searchParams.has('code')).toBe(false);
    const noState = await decide(pkceParams(), 'approve');
    expect(noState.searchParams.has('state')).toBe(false);
  });

  it('refuses an unknown or already answered request id', async () => {
    const post = (body: string) =>
      fetch(`${spotify.origin}/authorize/decision`, {
        method: 'POST',
        redirect: 'manual',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await post('request=unknown&decision=approve')).status).toBe(400);
    expect((await post('%%%&request=%ZZ&decision')).status).toBe(400);
    const { html } = await getPage(authorizeUrl(secretParams));
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect((await post(`request=${request}&decision=approve`)).status).toBe(302);
    expect((await post(`request=${request}&decision=approve`)).status).toBe(400);
  });
});

describe('POST /api/token, authorization_code', () => {
  it('exchanges a code with Basic client authentication, once', async () => {
    const code = (await decide(secretParams, 'approve')).searchParams.get('code') ?? '';
    const form = { grant_type: 'authorization_code', code, redirect_uri: secretParams.redirect_uri };
    const first = await token(form, basic('secret-app', 's3cret'));
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      scope: 'user-read-private',
      expires_in: 3600,
      refresh_token: expect.any(String),
    });
    const again = await token(form, basic('secret-app', 's3cret'));
    expect(again).toEqual({
      status: 400,
      json: { error: 'invalid_grant', error_description: 'Invalid authorization code' },
    });
    // The replay withdraws what the first exchange issued.
    expect((await me(first.json.access_token)).status).toBe(401);
    const refreshed = await token(
      { grant_type: 'refresh_token', refresh_token: first.json.refresh_token },
      basic('secret-app', 's3cret'),
    );
    expect(refreshed.json.error_description).toBe('Refresh token revoked');
  });

  it('exchanges a code with PKCE, with client_id and code_verifier and no secret', async () => {
    const tokens = await pkceTokens();
    expect(tokens.scope).toBe('user-read-private user-modify-playback-state');
    expect(spotify.tokenRequests.at(-1)).toEqual({ grantType: 'authorization_code', clientAuth: 'pkce', status: 200 });
  });

  it.each([
    ['a wrong verifier', { code_verifier: 'w'.repeat(43) }, 'invalid_grant', 'code_verifier was incorrect'],
    ['a missing verifier', { code_verifier: undefined }, 'invalid_request', 'code_verifier required'],
    [
      'another redirect URI',
      { redirect_uri: 'http://127.0.0.1:5124/callback' },
      'invalid_grant',
      'Invalid redirect URI',
    ],
    ['an unknown code', { code: 'made-up' }, 'invalid_grant', 'Invalid authorization code'],
    ['an unknown client', { client_id: 'nobody' }, 'invalid_client', 'Invalid client'],
  ])('refuses %s', async (_name, change, error, description) => {
    const redirectUri = 'http://127.0.0.1:5123/callback';
    const code = (await decide(pkceParams(redirectUri), 'approve')).searchParams.get('code') ?? '';
    const form: Record<string, string | undefined> = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: 'pkce-app',
      code_verifier: VERIFIER,
      ...change,
    };
    const defined = Object.fromEntries(
      Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    expect(await token(defined)).toEqual({ status: 400, json: { error, error_description: description } });
  });

  it('refuses a wrong client secret, and a code that expired after 10 minutes', async () => {
    const code = (await decide(secretParams, 'approve')).searchParams.get('code') ?? '';
    const form = { grant_type: 'authorization_code', code, redirect_uri: secretParams.redirect_uri };
    expect(await token(form, basic('secret-app', 'wrong'))).toEqual({
      status: 400,
      json: { error: 'invalid_client', error_description: 'Invalid client secret' },
    });
    expect(spotify.tokenRequests.at(-1)).toEqual({ grantType: 'authorization_code', clientAuth: 'basic', status: 400 });
    advanceClock(10 * 60 * 1000 + 1);
    expect((await token(form, basic('secret-app', 's3cret'))).json.error_description).toBe(
      'Invalid authorization code',
    );
  });

  it('refuses a missing or unsupported grant type and a non-form body', async () => {
    expect((await token({ code: 'x' })).json).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'grant_type parameter is missing',
    });
    expect((await token({ grant_type: 'password' })).json.error).toBe('unsupported_grant_type');
    const json = await fetch(spotify.tokenUrl, {
      method: 'POST',
      body: '{"grant_type":"refresh_token"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
  });
});

describe('POST /api/token, refresh_token', () => {
  it('rotates PKCE refresh tokens and revokes the old one', async () => {
    const { refresh_token: first } = await pkceTokens();
    const next = await token({ grant_type: 'refresh_token', refresh_token: first, client_id: 'pkce-app' });
    expect(next.status).toBe(200);
    expect(next.json.refresh_token).toEqual(expect.any(String));
    expect(next.json.refresh_token).not.toBe(first);
    expect((await me(next.json.access_token)).status).toBe(200);
    expect((await token({ grant_type: 'refresh_token', refresh_token: first, client_id: 'pkce-app' })).json).toEqual({
      error: 'invalid_grant',
      error_description: 'Refresh token revoked',
    });
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: next.json.refresh_token, client_id: 'pkce-app' }))
        .status,
    ).toBe(200);
  });

  it('keeps a secret-flow refresh token and omits refresh_token from the answer', async () => {
    const refreshToken = spotify.issueRefreshToken('secret-app', ['user-read-private']);
    for (let i = 0; i < 2; i++) {
      const answer = await token(
        { grant_type: 'refresh_token', refresh_token: refreshToken },
        basic('secret-app', 's3cret'),
      );
      expect(answer.status).toBe(200);
      expect(answer.json).not.toHaveProperty('refresh_token');
      expect(answer.json.scope).toBe('user-read-private');
    }
    // Without the secret, a token from the secret flow cannot be refreshed.
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'secret-app' })).json.error,
    ).toBe('invalid_client');
  });

  it('says revoked for a revoked token and invalid for an unknown one', async () => {
    const refreshToken = spotify.issueRefreshToken('pkce-app', []);
    spotify.revokeRefreshToken(refreshToken);
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'pkce-app' })).json
        .error_description,
    ).toBe('Refresh token revoked');
    expect((await token({ grant_type: 'refresh_token', refresh_token: 'nope', client_id: 'pkce-app' })).json).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid refresh token',
    });
  });
});

describe('GET /v1/me', () => {
  it('returns the profile for a valid access token', async () => {
    const { access_token } = await pkceTokens();
    expect(await me(access_token)).toEqual({
      status: 200,
      json: {
        display_name: 'Ada <Lovelace>',
        id: 'ada',
        uri: 'spotify:user:ada',
        type: 'user',
        images: [],
        account_id: 'ada',
      },
    });
  });

  it('answers 401 in the Web API error shape for a missing, unknown or expired token', async () => {
    const missing = await fetch(`${spotify.apiUrl}/me`);
    expect(missing.status).toBe(401);
    expect(await me('not-a-token')).toEqual({
      status: 401,
      json: { error: { status: 401, message: 'Invalid access token' } },
    });
    const { access_token } = await pkceTokens();
    advanceClock(3600 * 1000 + 1);
    expect(await me(access_token)).toEqual({
      status: 401,
      json: { error: { status: 401, message: 'The access token expired' } },
    });
  });
});

describe('faults', () => {
  const refreshForm = () => ({
    grant_type: 'refresh_token',
    refresh_token: spotify.issueRefreshToken('secret-app', []),
  });

  it('answers the queued status faults in order, then normally, and records them', async () => {
    spotify.failNextTokenRequests(
      { kind: 'status', status: 429, headers: { 'retry-after': '7' }, body: '{"error":"rate"}' },
      { kind: 'status', status: 502, body: '<html><body>Bad gateway</body></html>' },
    );
    const limited = await fetch(spotify.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams(refreshForm()),
      headers: { authorization: basic('secret-app', 's3cret') },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
    const html = await fetch(spotify.tokenUrl, { method: 'POST', body: new URLSearchParams(refreshForm()) });
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('Bad gateway');
    expect((await token(refreshForm(), basic('secret-app', 's3cret'))).status).toBe(200);
    expect(spotify.tokenRequests.slice(-3).map((entry) => entry.status)).toEqual([429, 502, 200]);
    expect(spotify.tokenRequests.at(-3)).toEqual({ grantType: 'refresh_token', clientAuth: 'basic', status: 429 });
  });

  it('answers late for a delay fault', async () => {
    spotify.failNextTokenRequests({ kind: 'delay', ms: 300 });
    const started = Date.now();
    expect((await token(refreshForm(), basic('secret-app', 's3cret'))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    spotify.failNextTokenRequests({ kind: 'delay', ms: 5000 });
    await expect(
      fetch(spotify.tokenUrl, {
        method: 'POST',
        body: new URLSearchParams(refreshForm()),
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
  });

  it('closes the socket without an answer for a destroy fault', async () => {
    spotify.failNextTokenRequests({ kind: 'destroy' });
    await expect(token(refreshForm(), basic('secret-app', 's3cret'))).rejects.toThrow('fetch failed');
    expect(spotify.tokenRequests.at(-1)?.status).toBe(0);
  });

  it('omits refresh_token and keeps the old one valid for omit-refresh-token', async () => {
    const refreshToken = spotify.issueRefreshToken('pkce-app', []);
    spotify.failNextTokenRequests({ kind: 'omit-refresh-token' });
    const first = await token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'pkce-app' });
    expect(first.status).toBe(200);
    expect(first.json).not.toHaveProperty('refresh_token');
    const second = await token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'pkce-app' });
    expect(second.json.refresh_token).toEqual(expect.any(String));
  });
});

describe('robustness', () => {
  it('answers 404 elsewhere, in HTML for pages and in JSON under /v1', async () => {
    const page = await fetch(`${spotify.origin}/favicon.ico`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('<h1>');
    const api = await fetch(`${spotify.apiUrl}/me/player`);
    expect(api.status).toBe(404);
    expect((await api.json()).error.status).toBe(404);
  });

  it('refuses bodies over 64 kB and keeps serving', async () => {
    const response = await fetch(spotify.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'x'.repeat(200_000) }),
    });
    expect(response.status).toBe(413);
    expect((await getPage(authorizeUrl(secretParams))).status).toBe(200);
  });

  it('answers the wrong method with 405', async () => {
    expect((await fetch(spotify.tokenUrl)).status).toBe(405);
    expect((await fetch(spotify.authUrl, { method: 'POST' })).status).toBe(405);
  });

  it('refuses to issue a refresh token for an unknown client', () => {
    expect(() => spotify.issueRefreshToken('nobody', [])).toThrow('Unknown demo client');
  });
});

describe('options', () => {
  it('uses the injected randomness, token lifetime and rotation policy', async () => {
    let counter = 0;
    const fixed = await startFakeSpotify({
      clients: [SECRET_CLIENT],
      accessTokenSeconds: 60,
      rotateRefreshTokens: 'always',
      random: (size) => Buffer.alloc(size, ++counter),
    });
    try {
      const refreshToken = fixed.issueRefreshToken('secret-app', ['a']);
      expect(refreshToken).toBe(Buffer.alloc(48, 1).toString('base64url'));
      const response = await fetch(fixed.tokenUrl, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
        headers: { authorization: basic('secret-app', 's3cret') },
      });
      const json: any = await response.json();
      expect(json.expires_in).toBe(60);
      // Rotation draws the new refresh token before the access token.
      expect(json.refresh_token).toBe(Buffer.alloc(48, 2).toString('base64url'));
      expect(json.access_token).toBe(Buffer.alloc(48, 3).toString('base64url'));
    } finally {
      await fixed.close();
    }
  });
});
