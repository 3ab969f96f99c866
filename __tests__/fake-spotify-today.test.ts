import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { startFakeSpotify, type FakeSpotify, type FakeSpotifyOptions } from '../src/demo/fake-spotify.js';
import { addMonths } from '../src/token/lifetime.js';
import { authorizeCode } from './helpers/authorize-code.js';

// The local Spotify as Spotify has behaved since 20 July 2026: no rotation, 6 months from consent.
const SECRET_APP = {
  clientId: 'today-secret-app',
  clientSecret: 'today-s3cret',
  redirectUris: ['http://127.0.0.1/cb'],
};
const PKCE_APP = { clientId: 'today-pkce-app', redirectUris: ['http://127.0.0.1/cb'] };
const basic = `Basic ${Buffer.from(`${SECRET_APP.clientId}:${SECRET_APP.clientSecret}`).toString('base64')}`;

const started: FakeSpotify[] = [];
async function start(extra: Partial<FakeSpotifyOptions> = {}): Promise<FakeSpotify> {
  const spotify = await startFakeSpotify({ clients: [SECRET_APP, PKCE_APP], ...extra });
  started.push(spotify);
  return spotify;
}
afterEach(async () => {
  jest.restoreAllMocks();
  await Promise.all(started.splice(0).map((spotify) => spotify.close()));
});

async function refresh(spotify: FakeSpotify, refreshToken: string, pkce = false) {
  const form = {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    ...(pkce ? { client_id: PKCE_APP.clientId } : {}),
  };
  const response = await fetch(spotify.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: pkce ? {} : { authorization: basic },
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('the local Spotify by default (since July 2026)', () => {
  it.each([
    ['a client secret', false],
    ['PKCE', true],
  ])('answers a refresh without refresh_token (%s), and the same token keeps working', async (_, pkce) => {
    const spotify = await start();
    const token = spotify.issueRefreshToken(pkce ? PKCE_APP.clientId : SECRET_APP.clientId, ['streaming']);
    for (let round = 0; round < 3; round++) {
      const answer = await refresh(spotify, token, pkce);
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.json).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    }
  });

  it('issues no new refresh token on refresh after a real code exchange either', async () => {
    const spotify = await start();
    const code = await authorizeCode({
      authUrl: spotify.authUrl,
      clientId: SECRET_APP.clientId,
      redirectUri: 'http://127.0.0.1:4411/cb',
    });
    const exchange = await fetch(spotify.tokenUrl, {
      method: 'POST',
      headers: { authorization: basic },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:4411/cb' }),
    });
    const grant = (await exchange.json()) as { refresh_token: string };
    expect(grant.refresh_token).toEqual(expect.any(String)); // the authorization itself does issue one
    const answer = await refresh(spotify, grant.refresh_token);
    expect(answer.status).toBe(200);
    expect(answer.json).not.toHaveProperty('refresh_token');
  });

  it('refuses a refresh token 6 calendar months after the authorization with invalid_grant and no description', async () => {
    const authorizedAt = Date.UTC(2026, 7, 31, 12); // 31 August: 6 months later is the end of February
    const now = jest.spyOn(Date, 'now').mockReturnValue(authorizedAt);
    const spotify = await start();
    const token = spotify.issueRefreshToken(SECRET_APP.clientId, ['streaming']);
    const end = addMonths(authorizedAt, 6);
    expect(new Date(end).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    now.mockReturnValue(end - 1);
    expect((await refresh(spotify, token)).status).toBe(200); // refreshing all along did not extend it
    now.mockReturnValue(end);
    expect(await refresh(spotify, token)).toEqual({ status: 400, json: { error: 'invalid_grant' } });
  });
});

describe('the lifetime option and rotation, for tests', () => {
  it('shortens the lifetime; refreshing does not extend it', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const spotify = await start({ refreshTokenLifetimeMs: 5_000 });
    const token = spotify.issueRefreshToken(PKCE_APP.clientId, []);
    now.mockReturnValue(1_004_999);
    expect((await refresh(spotify, token, true)).status).toBe(200);
    now.mockReturnValue(1_005_000);
    expect(await refresh(spotify, token, true)).toEqual({ status: 400, json: { error: 'invalid_grant' } });
  });

  it("rotates with rotateRefreshTokens: 'pkce', and a rotated token keeps the authorization's end", async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(2_000_000);
    const spotify = await start({ rotateRefreshTokens: 'pkce', refreshTokenLifetimeMs: 5_000 });
    const first = spotify.issueRefreshToken(PKCE_APP.clientId, []);
    now.mockReturnValue(2_004_000);
    const rotated = await refresh(spotify, first, true);
    expect(rotated.json.refresh_token).toEqual(expect.any(String));
    expect((await refresh(spotify, first, true)).json).toEqual({
      error: 'invalid_grant',
      error_description: 'Refresh token revoked',
    });
    now.mockReturnValue(2_005_000);
    expect(await refresh(spotify, rotated.json.refresh_token as string, true)).toEqual({
      status: 400,
      json: { error: 'invalid_grant' },
    });
  });
});
