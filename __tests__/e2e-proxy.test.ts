import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { CLIENT_ID, FAKE_BROWSER, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';
import { deadPort } from './helpers/free-port.js';
import { startTinyproxy, type Tinyproxy } from './helpers/tinyproxy.js';
import { makeCertificate, startTlsSpotify, type Certificate } from './helpers/tls.js';

// The built program through a real proxy (Debian's tinyproxy on loopback), as HTTPS_PROXY,
// HTTP_PROXY and NO_PROXY tell it; the proxy's log shows what went through it. The fake browser
// (Node's fetch) ignores those variables: only the program's own requests are proxied.
const PASSWORD = 'pr0xy-pa55word-e2e-41c9';
const SCOPES = ['user-read-private', 'user-modify-playback-state'];

let certificate: Certificate;
let plain: FakeSpotify;
let secure: FakeSpotify;
let proxy: Tinyproxy;
let strict: Tinyproxy;
beforeAll(async () => {
  certificate = await makeCertificate();
  const app = { clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] };
  [plain, secure, proxy, strict] = await Promise.all([
    startSpotify(),
    startTlsSpotify(certificate, { clients: [app], user: { displayName: 'Test Listener', id: 'test-listener' } }),
    startTinyproxy(),
    startTinyproxy({ connectPorts: [443] }), // as Debian's default config: CONNECT to 443 only
  ]);
});
afterAll(async () => {
  await Promise.all([plain?.close(), secure?.close(), proxy?.stop(), strict?.stop()]);
  await certificate?.remove();
});

const tunnelTo = (service: FakeSpotify) => `CONNECT ${new URL(service.origin).host} HTTP/1.1`;
const trust = () => ({ NODE_EXTRA_CA_CERTS: certificate.certFile });

/** A folder set up for `service`; `login` runs a whole login, `token` a refresh (no cached access token). */
async function folderFor(service: FakeSpotify) {
  const dir = await tempDir('pytify-e2e-proxy-');
  await writeConfig(dir, service);
  return {
    dir,
    login: (env: Record<string, string>, args: string[] = []) =>
      runPlain(args, { cwd: dir, env: { BROWSER: FAKE_BROWSER, ...env } }),
    async token(env: Record<string, string>) {
      await writeFile(join(dir, '.pytify'), service.issueRefreshToken(CLIENT_ID, SCOPES), { mode: 0o600 });
      return runPlain(['token'], { cwd: dir, env });
    },
  };
}

describe('pytify-auth through a proxy', () => {
  it('logs in over http through the proxy, which is sent each request with its full URL', async () => {
    const folder = await folderFor(plain);
    const before = proxy.requests().length;
    const result = await folder.login({ HTTP_PROXY: proxy.url });
    expect(result.stderr).toContain('Authorized as Test Listener (test-listener)');
    expect(result.code).toBe(0);
    expect(proxy.requests().slice(before)).toEqual([
      `POST ${plain.tokenUrl} HTTP/1.1`,
      `GET ${plain.apiUrl}/me HTTP/1.1`,
    ]);
  });

  it('logs in over https through a CONNECT tunnel (HTTPS_PROXY), the certificate checked inside it', async () => {
    const folder = await folderFor(secure);
    const before = proxy.requests().length;
    const result = await folder.login({ HTTPS_PROXY: proxy.url, ...trust() });
    expect(result.stderr).toContain('Authorized as Test Listener (test-listener)');
    expect(result.code).toBe(0);
    expect(proxy.requests().slice(before)).toEqual([tunnelTo(secure), tunnelTo(secure)]); // the code, then /me
  });

  it('refreshes for `token` through the proxy (lower-case https_proxy)', async () => {
    const folder = await folderFor(secure);
    const before = proxy.requests().length;
    const served = secure.tokenRequests.length;
    const result = await folder.token({ https_proxy: proxy.url, ...trust() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^[A-Za-z0-9_-]{40,}\n$/);
    expect(secure.tokenRequests.slice(served)).toMatchObject([{ grantType: 'refresh_token', status: 200 }]);
    expect(proxy.requests().slice(before)).toEqual([tunnelTo(secure), tunnelTo(secure)]); // the refresh, then /me
  });

  it.each([
    ['NO_PROXY', { HTTPS_PROXY: 'proxy', NO_PROXY: 'localhost,127.0.0.1' }],
    ['no_proxy, a CIDR range', { https_proxy: 'proxy', no_proxy: '127.0.0.0/8' }],
    ['NO_PROXY=*', { HTTPS_PROXY: 'proxy', NO_PROXY: '*' }],
  ])('goes direct to a host %s names: the proxy sees nothing', async (_, variables) => {
    const env = Object.fromEntries(
      Object.entries(variables).map(([name, value]) => [name, value === 'proxy' ? proxy.url : value]),
    );
    const before = proxy.requests().length;
    const result = await (await folderFor(secure)).token({ ...env, ...trust() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(proxy.requests().slice(before)).toEqual([]);
  });

  it('names the proxy when nothing listens at its address (exit 2, a temporary failure)', async () => {
    const dead = `http://127.0.0.1:${await deadPort()}`;
    const result = await (await folderFor(secure)).token({ HTTPS_PROXY: dead, ...trust() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Could not reach the proxy ${dead} (connection refused)`);
  });

  it('names the proxy and the host when the proxy answers the CONNECT 403', async () => {
    const folder = await folderFor(secure);
    const before = strict.requests().length;
    const result = await folder.login({ HTTPS_PROXY: strict.url, ...trust() });
    expect(result.code).toBe(1);
    const where = new URL(secure.origin).host;
    expect(result.stderr).toContain(`The proxy ${strict.url} refused the connection to ${where} (403)`);
    expect(strict.requests().slice(before)).toEqual([tunnelTo(secure)]); // the code, sent once
  });

  it('never prints the credentials in a proxy URL: not on success with --debug, not in a failure', async () => {
    const withPassword = (url: string) => url.replace('http://', `http://alice:${PASSWORD}@`);
    const folder = await folderFor(secure);
    const login = await folder.login({ HTTPS_PROXY: withPassword(proxy.url), ...trust() }, ['--debug']);
    expect(login.code).toBe(0);
    expect(login.stderr).toContain(`proxy="${proxy.url}/"`);
    const dead = `http://127.0.0.1:${await deadPort()}`;
    const failures = await Promise.all([
      folder.token({ HTTPS_PROXY: withPassword(dead), ...trust() }),
      folder.login({ HTTPS_PROXY: withPassword(strict.url), ...trust() }, ['--debug']),
    ]);
    expect(failures.map((failure) => failure.code)).toEqual([2, 1]);
    expect(failures[0]!.stderr).toContain(`the proxy ${dead} (connection refused)`);
    expect(failures[1]!.stderr).toContain(`The proxy ${strict.url} refused`);
    for (const output of [login, ...failures].map((result) => result.stdout + result.stderr)) {
      expect(output).not.toContain(PASSWORD);
      expect(output).not.toContain('alice');
    }
    expect(await readFile(join(folder.dir, '.pytify'), 'utf8')).not.toContain(PASSWORD);
  });
});
