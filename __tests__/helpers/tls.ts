import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFakeSpotify, type FakeSpotify, type FakeSpotifyOptions } from '../../src/demo/fake-spotify.js';

const run = promisify(execFile);

export interface Certificate {
  dir: string;
  /** The certificate's file: what NODE_EXTRA_CA_CERTS names (it is its own authority). */
  certFile: string;
  cert: string;
  key: string;
  remove(): Promise<void>;
}

/** A fresh self-signed certificate for 127.0.0.1, valid for a day, made by openssl. */
export async function makeCertificate(): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'pytify-tls-'));
  const keyFile = join(dir, 'k.pem');
  const certFile = join(dir, 'c.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-days',
    '1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
  return { dir, certFile, cert, key, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The local Spotify over https with `certificate`. */
export const startTlsSpotify = (certificate: Certificate, options: FakeSpotifyOptions): Promise<FakeSpotify> =>
  startFakeSpotify({ ...options, tls: { key: certificate.key, cert: certificate.cert } });
