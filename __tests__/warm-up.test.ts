import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import dns from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { startCallbackServer } from '../src/listener/callback-server.js';
import { LoginFlow, systemClock } from '../src/login/flow.js';
import { cryptoRandom } from '../src/oauth/pkce.js';
import { createTokenClient, type TokenClientOptions } from '../src/token/token-client.js';
import { createFileTokenStore } from '../src/token/token-store.js';
import { primeRequests } from '../src/token/prime.js';
import { startCountingFront, type CountingFront } from './helpers/counting-front.js';
import { makeCertificate, startTlsSpotify, type Certificate } from './helpers/tls.js';

// The warm-up: while the user is in the browser, connections to the token and API hosts are open
// (and replaced before a server's idle limit), and not one byte of a request goes out on them.
const APP = { clientId: 'warm-app', redirectUris: ['http://127.0.0.1/callback'] };
const USER = { displayName: 'Warm Listener', id: 'warm-1' };

let certificate: Certificate;
let plain: FakeSpotify;
let tls: FakeSpotify;
let dir: string;
beforeAll(async () => {
  certificate = await makeCertificate();
  plain = await startFakeSpotify({ clients: [APP], user: USER });
  tls = await startTlsSpotify(certificate, { clients: [APP], user: USER });
  dir = await mkdtemp(join(tmpdir(), 'pytify-warm-'));
});
afterAll(async () => {
  await Promise.all([plain?.close(), tls?.close()]);
  await certificate?.remove();
  await rm(dir, { recursive: true, force: true });
});

/** A browser's request: over https with the test's CA. */
function call(url: string, body?: string): Promise<{ status: number; body: string; location?: string }> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: body ? 'POST' : 'GET',
        agent: false,
        ca: certificate.cert,
        headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text, location: response.headers.location }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function approve(authorizeUrl: string): Promise<string> {
  const page = await call(authorizeUrl);
  const request = /name="request" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const answer = await call(
    new URL('/authorize/decision', authorizeUrl).href,
    new URLSearchParams({ request, decision: 'approve' }).toString(),
  );
  return answer.location ?? '';
}

async function waitingLogin(spotify: FakeSpotify, front: CountingFront, extra: Partial<TokenClientOptions>) {
  const scheme = spotify.origin.startsWith('https:') ? 'https' : 'http';
  const tokenUrl = `${front.origin(scheme)}/api/token`;
  const apiUrl = `${front.origin(scheme)}/v1`;
  const opened: string[] = [];
  const tokenFile = join(dir, `${Math.random()}.pytify`);
  const flow = new LoginFlow({
    config: {
      clientId: APP.clientId,
      redirectUri: 'http://127.0.0.1/callback',
      scopes: ['user-read-private'],
      tokenFile,
      authUrl: spotify.authUrl,
      tokenUrl,
      apiUrl,
      timeoutSeconds: 60,
      showDialog: false,
      openBrowser: true,
    },
    listen: startCallbackServer,
    browser: { explicit: true, open: async (url) => void opened.push(url) },
    tokenClient: createTokenClient({
      tokenUrl,
      apiUrl,
      clientId: APP.clientId,
      certificateAuthority: certificate.cert,
      ...extra,
    }),
    tokenStore: createFileTokenStore(tokenFile),
    clock: systemClock,
    random: cryptoRandom,
    environment: { kind: 'desktop' },
  });
  await flow.start();
  flow.authorize();
  return { flow, authorizeUrl: opened[0]! };
}

describe.each([
  ['http', () => plain],
  ['TLS', () => tls],
])('the warm-up over %s', (_, spotifyOf) => {
  it('opens a connection while waiting, sends nothing on it, and the callback uses it', async () => {
    const spotify = spotifyOf();
    const front = await startCountingFront(new URL(spotify.origin));
    const { flow, authorizeUrl } = await waitingLogin(spotify, front, { warmUp: { intervalMs: 60_000 } });
    try {
      const callbackUrl = await approve(authorizeUrl);
      await sleep(200);
      const before = spotify.tokenRequests.length;
      front.mark();
      expect(front.connections).toHaveLength(1);
      if (_ === 'http') expect(front.connections[0]!.bytesBefore).toEqual([0]);
      expect((await call(callbackUrl)).status).toBe(200);
      expect(flow.state.kind).toBe('authorized');
      expect(spotify.tokenRequests.length - before).toBe(1);
      // The exchange and /me went out on the connection opened while waiting: no new one.
      expect(front.connections).toHaveLength(1);
      expect(front.connections[0]!.bytes).toBeGreaterThan(front.connections[0]!.bytesBefore[0]!);
      // Done with it: the login closes it rather than leave it to the server.
      await sleep(100);
      expect(front.connections.map((c) => c.closedBy)).toEqual(['client']);
    } finally {
      await flow.close();
      await front.close();
    }
  });

  it("replaces its connections before the server's idle limit, and the callback still completes", async () => {
    const spotify = spotifyOf();
    const front = await startCountingFront(new URL(spotify.origin), 300);
    const { flow, authorizeUrl } = await waitingLogin(spotify, front, { warmUp: { intervalMs: 100 } });
    try {
      const callbackUrl = await approve(authorizeUrl);
      await sleep(700);
      front.mark();
      expect(front.connections.length).toBeGreaterThanOrEqual(5);
      // Every one the warm-up dropped, it closed itself: the server never had to.
      expect(front.connections.filter((c) => c.closedBy === 'front')).toEqual([]);
      if (_ === 'http') expect(front.connections.every((c) => c.bytes === 0)).toBe(true);
      expect((await call(callbackUrl)).status).toBe(200);
      expect(flow.state.kind).toBe('authorized');
    } finally {
      await flow.close();
      await front.close();
    }
  });
});

describe('without warmUp (every client but the login command’s)', () => {
  it('prepare() opens no connection at all', async () => {
    const front = await startCountingFront(new URL(plain.origin));
    const { flow } = await waitingLogin(plain, front, {});
    try {
      await sleep(200);
      expect(front.connections).toEqual([]);
    } finally {
      await flow.close();
      await front.close();
    }
  });
});

describe('priming got while waiting', () => {
  it('sends its two requests to nothing: no DNS lookup, no socket, not through a proxy', async () => {
    const front = await startCountingFront(new URL(plain.origin));
    const lookups: string[] = [];
    const lookup = dns.lookup;
    (dns as { lookup: unknown }).lookup = (host: string, ...rest: unknown[]) => {
      lookups.push(host);
      return (lookup as (...args: unknown[]) => unknown)(host, ...rest);
    };
    const proxy = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = front.origin('http');
    try {
      const started = Date.now();
      await primeRequests();
      expect(Date.now() - started).toBeLessThan(1500); // answered, not timed out
      expect(lookups).toEqual([]);
      expect(front.connections).toEqual([]);
    } finally {
      (dns as { lookup: unknown }).lookup = lookup;
      if (proxy === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = proxy;
      await front.close();
    }
  });
});
