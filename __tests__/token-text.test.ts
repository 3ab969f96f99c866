import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NO_RETRY } from '../src/token/retry.js';
import { createTokenClient } from '../src/token/token-client.js';
import { startHostileSpotify, type HostileSpotify } from './helpers/hostile-spotify.js';

// `pytify-auth token` prints the access token as it is: a token endpoint that sends escape
// sequences in one must not get them onto the terminal. No real token holds anything but visible
// ASCII, so such an answer is refused like any unreadable one.
let spotify: HostileSpotify;
beforeAll(async () => {
  spotify = await startHostileSpotify();
});
afterAll(() => spotify.close());

const client = () =>
  createTokenClient({ tokenUrl: spotify.tokenUrl, apiUrl: spotify.apiUrl, clientId: 'app', retry: NO_RETRY });

describe('a grant whose tokens hold control characters', () => {
  it.each([
    ['access_token', { access_token: 'BQA\u001b]52;c;cHduZWQ=\u0007', refresh_token: 'AQBok' }],
    ['refresh_token', { access_token: 'BQAok', refresh_token: 'AQB\u009b2J' }],
    ['access_token with a space', { access_token: 'BQA two words' }],
  ])('is refused (%s)', async (_, grant) => {
    spotify.options = { token: () => ({ status: 200, body: JSON.stringify({ token_type: 'Bearer', ...grant }) }) };
    await expect(client().refresh('AQBrefresh-token')).rejects.toMatchObject({
      code: 'TOKEN_ENDPOINT_ERROR',
      message: 'The token endpoint answered a token with characters no token has',
    });
  });

  it('an ordinary grant still passes', async () => {
    spotify.options = {};
    const grant = await client().refresh('AQBrefresh-token');
    expect(grant.accessToken).toMatch(/^BQAaccess/);
  });
});
