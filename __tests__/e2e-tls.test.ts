import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { CLIENT_ID, FAKE_BROWSER, browserVisits, runPlain, tempDir, writeConfig } from './helpers/e2e.js';
import { makeCertificate, startTlsSpotify, type Certificate } from './helpers/tls.js';

// The built program against the local Spotify over https, with a certificate openssl made for
// this file: trusted through NODE_EXTRA_CA_CERTS (the fake browser inherits it too), refused without.
let certificate: Certificate;
let spotify: FakeSpotify;
beforeAll(async () => {
  certificate = await makeCertificate();
  spotify = await startTlsSpotify(certificate, {
    clients: [{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }],
    user: { displayName: 'Test Listener', id: 'test-listener' },
  });
});
afterAll(async () => {
  await spotify?.close();
  await certificate?.remove();
});

async function folder() {
  const dir = await tempDir('pytify-e2e-tls-');
  await writeConfig(dir, spotify);
  return dir;
}

describe('pytify-auth over TLS', () => {
  it('logs in end to end with NODE_EXTRA_CA_CERTS naming the certificate', async () => {
    const dir = await folder();
    expect(spotify.tokenUrl).toMatch(/^https:/);
    const env = {
      BROWSER: FAKE_BROWSER,
      FAKE_BROWSER_LOG: join(dir, 'browser.log'),
      NODE_EXTRA_CA_CERTS: certificate.certFile,
    };
    const result = await runPlain([], { cwd: dir, env });
    expect(result.stderr).toContain('Authorized as Test Listener (test-listener)');
    expect(result.code).toBe(0);
    const [visit] = await browserVisits(join(dir, 'browser.log'), 1);
    expect(visit).toMatchObject({ authorizeStatus: 200, callbackStatus: 200 });
    const token = await run(dir, ['token'], { NODE_EXTRA_CA_CERTS: certificate.certFile });
    expect(token).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout + result.stderr).not.toContain(await readFile(join(dir, '.pytify'), 'utf8'));
  });

  it('refuses an untrusted certificate, names the host and what to set, and keeps the token file', async () => {
    const dir = await folder();
    const saved = spotify.issueRefreshToken(CLIENT_ID, ['user-read-private']);
    await writeFile(join(dir, '.pytify'), saved, { mode: 0o600 });
    const before = spotify.tokenRequests.length;
    const result = await run(dir, ['token'], {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const host = new URL(spotify.origin).host;
    expect(result.stderr).toContain(`Could not connect securely to ${host}: certificate not trusted`);
    expect(result.stderr).toContain('set NODE_EXTRA_CA_CERTS');
    expect(spotify.tokenRequests.length).toBe(before); // nothing was sent
    expect(await readFile(join(dir, '.pytify'), 'utf8')).toBe(saved);
  });
});

const run = (dir: string, args: string[], env: Record<string, string>) => runPlain(args, { cwd: dir, env });
