import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { toAccessTokenError } from '../src/token/errors.js';
import { createTokenClient } from '../src/token/token-client.js';
import { describeHttpFailure } from '../src/token/token-errors.js';
import { adviceFor } from '../src/tui/error-advice.js';
import { LOGIN_INFO } from './helpers/login-info.js';

// A failed GET /me is judged by its status: the allow-list advice (Development Mode) only for a
// 403, whatever its body says; a 404 means the API URL is off; anything else by its status.
const answer = (status: number, body: string) => ({ status, headers: {}, body });
const ALLOW_LIST = /User Management/;
const forMe = (status: number, body: string) => {
  const failure = describeHttpFailure('profile', answer(status, body));
  return { failure, decided: toAccessTokenError(failure), advice: adviceFor(failure, LOGIN_INFO) };
};

describe('a failed GET /me', () => {
  it.each([
    ['plain text', 'User not registered in the Developer Dashboard'],
    ['JSON', '{"error":{"status":403,"message":"Check settings on developer.spotify.com/dashboard"}}'],
  ])('a 403 (%s) gets the allow-list advice', (_, body) => {
    const { decided, advice } = forMe(403, body);
    expect(decided).toMatchObject({ code: 'CONFIG_ERROR', reason: 'ACCOUNT_NOT_ALLOWED', status: 403 });
    expect(decided.message).toMatch(ALLOW_LIST);
    expect(advice.next).toMatch(ALLOW_LIST);
  });

  it.each([
    ['JSON', '{"error":{"status":404,"message":"Service not found"}}'],
    ['HTML', '<html><h1>Not found</h1></html>'],
  ])('a 404 (%s) says the API URL looks wrong and should end with /v1', (_, body) => {
    const { failure, decided, advice } = forMe(404, body);
    expect(failure.message).toContain('the API URL looks wrong');
    expect(failure.message).toContain('ending in /v1');
    expect(decided.message).not.toMatch(ALLOW_LIST);
    expect(decided.code).toBe('CONFIG_ERROR');
    expect(advice.title).toContain('API URL looks wrong');
    expect(advice.next).toContain('/v1');
    expect(advice.next).not.toMatch(ALLOW_LIST);
  });

  it.each([400, 401, 500, 502])('a %s is told by its status, without the allow-list advice', (status) => {
    const { failure, decided, advice } = forMe(status, '{"error":{"status":0,"message":"Something"}}');
    expect(failure.message).toContain(`HTTP ${status}`);
    expect(decided.message).not.toMatch(ALLOW_LIST);
    expect(advice.next).not.toMatch(ALLOW_LIST);
    expect(advice.title).toContain(`HTTP ${status}`);
  });
});

describe('against the local Spotify: apiUrl without /v1', () => {
  let spotify: FakeSpotify;
  beforeAll(async () => {
    spotify = await startFakeSpotify({ clients: [{ clientId: 'me-app', redirectUris: ['http://127.0.0.1/cb'] }] });
  });
  afterAll(() => spotify.close());

  it('gets a 404 from <origin>/me, reported as a wrong API URL', async () => {
    const client = createTokenClient({ tokenUrl: spotify.tokenUrl, apiUrl: spotify.origin, clientId: 'me-app' });
    const grant = await client.refresh(spotify.issueRefreshToken('me-app', []));
    const error = await client.fetchProfile(grant.accessToken, { retry: false }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'PROFILE_ERROR', status: 404 });
    expect((error as Error).message).toContain('apiUrl must be the Web API base ending in /v1');
  });
});
