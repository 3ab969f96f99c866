import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { createDebugLog } from '../src/core/debug-log.js';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { NO_RETRY } from '../src/token/retry.js';
import { createTokenClient, type TokenClientOptions } from '../src/token/token-client.js';
import { deadPort } from './helpers/free-port.js';
import { makeCertificate, startTlsSpotify, type Certificate } from './helpers/tls.js';
import { startTinyproxy, type Tinyproxy } from './helpers/tinyproxy.js';

// The token client in-process through a real tinyproxy on loopback, to the local Spotify over
// http (sent to the proxy as one request naming the URL) and https (a CONNECT tunnel).
const APP = { clientId: 'proxy-app', redirectUris: ['http://127.0.0.1/callback'] };
const OPTIONS = { clients: [APP], user: { displayName: 'Ada Listener', id: 'ada-1815' } };
const PASSWORD = 'pr0xy-pa55word-7f3e';

let certificate: Certificate;
let plain: FakeSpotify;
let secure: FakeSpotify;
let proxy: Tinyproxy;
let strict: Tinyproxy;
beforeAll(async () => {
  certificate = await makeCertificate();
  [plain, secure, proxy, strict] = await Promise.all([
    startFakeSpotify(OPTIONS),
    startTlsSpotify(certificate, OPTIONS),
    startTinyproxy(),
    startTinyproxy({ connectPorts: [443] }), // Debian's default: CONNECT to 443 only
  ]);
});
afterAll(async () => {
  await Promise.all([plain?.close(), secure?.close(), proxy?.stop(), strict?.stop()]);
  await certificate?.remove();
});

const clientOf = (service: FakeSpotify, extra: Partial<TokenClientOptions>) =>
  createTokenClient({
    tokenUrl: service.tokenUrl,
    apiUrl: service.apiUrl,
    clientId: APP.clientId,
    certificateAuthority: certificate.cert,
    retry: NO_RETRY,
    ...extra,
  });
/** The error `pending` rejects with; a test fails if it resolves. */
async function failureOf(pending: Promise<unknown>): Promise<Error> {
  try {
    await pending;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}
const portOf = (service: FakeSpotify) => new URL(service.origin).port;
const since = (from: number, through = proxy) => through.requests().slice(from);

describe('the token client through a proxy', () => {
  it('sends an http refresh and /me to the proxy, naming the URL (as curl and requests do)', async () => {
    const before = proxy.requests().length;
    const client = clientOf(plain, { env: { HTTP_PROXY: proxy.url } });
    const grant = await client.refresh(plain.issueRefreshToken(APP.clientId, ['user-read-private']));
    await client.fetchProfile(grant.accessToken);
    expect(since(before)).toEqual([`POST ${plain.tokenUrl} HTTP/1.1`, `GET ${plain.apiUrl}/me HTTP/1.1`]);
  });

  it('tunnels https through CONNECT and checks the certificate inside the tunnel', async () => {
    const before = proxy.requests().length;
    const client = clientOf(secure, { env: { https_proxy: proxy.url } });
    const grant = await client.refresh(secure.issueRefreshToken(APP.clientId, ['user-read-private']));
    expect(await client.fetchProfile(grant.accessToken)).toEqual({ displayName: 'Ada Listener', id: 'ada-1815' });
    const tunnel = `CONNECT 127.0.0.1:${portOf(secure)} HTTP/1.1`;
    expect(since(before)).toEqual([tunnel, tunnel]);
    const untrusted = clientOf(secure, { env: { https_proxy: proxy.url }, certificateAuthority: undefined });
    await expect(untrusted.refresh('any')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      message: expect.stringContaining(`through the proxy ${proxy.url}: certificate not trusted`),
    });
  });

  it('goes direct to a host NO_PROXY lists: the proxy sees nothing', async () => {
    const before = proxy.requests().length;
    const env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: 'example.org,127.0.0.0/8' };
    await clientOf(secure, { env }).refresh(secure.issueRefreshToken(APP.clientId, ['user-read-private']));
    await clientOf(plain, { env }).refresh(plain.issueRefreshToken(APP.clientId, ['user-read-private']));
    expect(since(before)).toEqual([]);
  });

  it('names the proxy when nothing listens at its address', async () => {
    const dead = `http://127.0.0.1:${await deadPort()}`;
    for (const [service, env] of [
      [secure, { HTTPS_PROXY: dead }],
      [plain, { HTTP_PROXY: dead }],
    ] as const) {
      await expect(clientOf(service, { env }).refresh('any')).rejects.toMatchObject({
        code: 'NETWORK_ERROR',
        message: `Could not reach the proxy ${dead} (connection refused)`,
      });
    }
  });

  it('names the proxy and the host when a CONNECT is answered 403', async () => {
    const before = strict.requests().length;
    const client = clientOf(secure, { env: { HTTPS_PROXY: strict.url } });
    await expect(client.refresh('any')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      message: `The proxy ${strict.url} refused the connection to 127.0.0.1:${portOf(secure)} (403)`,
    });
    expect(since(before, strict)).toEqual([`CONNECT 127.0.0.1:${portOf(secure)} HTTP/1.1`]);
  });

  it('never shows the credentials in the proxy URL: not in errors, not in the debug log', async () => {
    const lines: string[] = [];
    const log = createDebugLog((line) => lines.push(line));
    const withPassword = (url: string) => url.replace('http://', `http://alice:${PASSWORD}@`);
    const dead = `http://127.0.0.1:${await deadPort()}`;
    const working = clientOf(secure, { env: { HTTPS_PROXY: withPassword(proxy.url) }, log });
    await working.refresh(secure.issueRefreshToken(APP.clientId, ['user-read-private']));
    const failures = await Promise.all([
      failureOf(clientOf(secure, { env: { HTTPS_PROXY: withPassword(dead) }, log }).refresh('any')),
      failureOf(clientOf(secure, { env: { HTTPS_PROXY: withPassword(strict.url) }, log }).refresh('any')),
      failureOf(clientOf(plain, { env: { HTTP_PROXY: withPassword(dead) }, log }).refresh('any')),
    ]);
    expect(lines.join('')).toContain(`proxy="${proxy.url}/"`);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(Error);
      // util.inspect shows the cause chain, as an uncaught error in a library user's program would.
      const text = [failure.message, inspect(failure, { depth: 8 })].join('\n');
      expect(text).toContain('proxy http://127.0.0.1:');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('alice');
    }
    expect(lines.join('')).not.toContain(PASSWORD);
    expect(lines.join('')).not.toContain('alice');
  });
});
