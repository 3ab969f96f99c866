// Real logins for the in-process figures: the login flow with the real listener, token client and
// token file, against the local Spotify, and a browser's part of the consent, done with fetch.
import { request as httpGet } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startCallbackServer } from '../../src/listener/callback-server.js';
import { createFileTokenStore } from '../../src/token/token-store.js';
import { LoginFlow, systemClock } from '../../src/login/flow.js';
import { cryptoRandom } from '../../src/oauth/pkce.js';
import type { Config } from '../../src/config/types.js';
import { startFakeSpotify, type FakeSpotify } from '../../src/demo/fake-spotify.js';
import type { TokenClient } from '../../src/token/token-client.js';

export const CLIENT_ID = 'bench0000000000000000000000000000';
export const USER = { displayName: 'Bench Listener', id: 'bench-listener' };

function configFor(spotify: FakeSpotify, tokenFile: string): Config {
  return {
    clientId: CLIENT_ID,
    redirectUri: 'http://127.0.0.1/callback',
    scopes: ['user-read-private', 'user-modify-playback-state'],
    tokenFile,
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
    timeoutSeconds: 300,
    showDialog: false,
    openBrowser: true,
  };
}

/** The real token client, with the time spent inside the token endpoint and /me added up. */
export function timedClient(real: TokenClient): { client: TokenClient; spent: { ms: number } } {
  const spent = { ms: 0 };
  const timed =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      try {
        return await call(...args);
      } finally {
        spent.ms += performance.now() - started;
      }
    };
  return {
    client: {
      exchangeCode: timed(real.exchangeCode),
      refresh: timed(real.refresh),
      fetchProfile: timed(real.fetchProfile),
    },
    spent,
  };
}

/** A login waiting for its callback; the "browser" only records the authorize URL. */
export async function waitingLogin(spotify: FakeSpotify, tokenFile: string, client: TokenClient) {
  const opened: string[] = [];
  const flow = new LoginFlow({
    config: configFor(spotify, tokenFile),
    listen: startCallbackServer,
    browser: { explicit: true, open: async (url) => void opened.push(url) },
    tokenClient: client,
    tokenStore: createFileTokenStore(tokenFile),
    clock: systemClock,
    random: cryptoRandom,
    environment: { kind: 'desktop' },
  });
  await flow.start();
  flow.authorize();
  const url = opened[0];
  if (flow.state.kind !== 'waiting' || !url) throw new Error(`the login is not waiting (${flow.state.kind})`);
  return { flow, authorizeUrl: url };
}

/** What a user's browser does on the consent page; returns the callback URL (not followed). */
export async function approve(authorizeUrl: string): Promise<string> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  const html = await page.text();
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (!request) throw new Error(`no consent page (${page.status})`);
  const answer = await fetch(new URL('/authorize/decision', authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ request, decision: 'approve' }),
  });
  await answer.text();
  const location = answer.headers.get('location');
  if (!location) throw new Error(`the decision was answered ${answer.status}`);
  return location;
}

/** GET on a new connection, as a browser following the redirect; resolves at the page's end. */
export function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** The local Spotify with the bench's app registered for any loopback port. */
export const startSpotify = (): Promise<FakeSpotify> =>
  startFakeSpotify({ clients: [{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }], user: USER });
