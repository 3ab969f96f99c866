import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { createTokenClient } from '../src/token/token-client.js';
import { makeCertificate, startTlsSpotify, type Certificate } from './helpers/tls.js';

// The local Spotify over https with a certificate openssl made for this test (the code exchange
// over TLS is e2e-tls's login). NODE_EXTRA_CA_CERTS
// is read only when a process starts, so in-process the CA goes to the token client itself.
const APP = { clientId: 'tls-app', redirectUris: ['http://127.0.0.1/callback'] };

let certificate: Certificate;
let other: Certificate;
let spotify: FakeSpotify;
beforeAll(async () => {
  [certificate, other] = await Promise.all([makeCertificate(), makeCertificate()]);
  spotify = await startTlsSpotify(certificate, {
    clients: [APP],
    user: { displayName: 'Ada Listener', id: 'ada-1815' },
  });
});
afterAll(async () => {
  await spotify?.close();
  await Promise.all([certificate?.remove(), other?.remove()]);
});

const clientWith = (certificateAuthority?: string) =>
  createTokenClient({
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
    clientId: APP.clientId,
    certificateAuthority,
  });

describe('the token client over TLS', () => {
  it('serves https, and the client refreshes and reads /me with the CA it is given', async () => {
    expect(spotify.tokenUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/token$/);
    const client = clientWith(certificate.cert);
    const grant = await client.refresh(spotify.issueRefreshToken(APP.clientId, ['user-read-private']));
    expect(await client.fetchProfile(grant.accessToken)).toEqual({ displayName: 'Ada Listener', id: 'ada-1815' });
  });

  it.each([
    ['no CA (Node trusts its own list only)', undefined],
    ['the CA of another certificate', 'other'],
  ])('refuses the certificate with %s, says so and what to set, and sends nothing', async (_, which) => {
    const before = spotify.tokenRequests.length;
    const client = clientWith(which === 'other' ? other.cert : undefined);
    const error = await client.refresh('any-refresh-token').then(
      () => new Error('expected a failure'),
      (e: Error) => e,
    );
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    const host = new URL(spotify.origin).host;
    expect(error.message).toMatch(
      new RegExp(
        `^Could not connect securely to ${host.replace(/\./g, '\\.')}: certificate not trusted \\(\\w+\\); set NODE_EXTRA_CA_CERTS`,
      ),
    );
    expect(spotify.tokenRequests.length).toBe(before); // not one request reached the server
  });
});

describe('certificate checks', () => {
  it('are never turned off anywhere in the sources', async () => {
    const root = join(import.meta.dirname, '..', 'src');
    const files = (await readdir(root, { recursive: true })).filter((name) => /\.tsx?$/.test(name));
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const name of files) {
      const text = await readFile(join(root, name), 'utf8');
      if (/rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|checkServerIdentity/.test(text)) offenders.push(name);
    }
    expect(offenders).toEqual([]);
  });
});
