import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeSpotify } from '../../src/demo/fake-spotify.js';
import type { RefreshDeps } from '../../src/token/refresh.js';
import { createTokenClient } from '../../src/token/token-client.js';
import { recordWaits } from './retry-waits.js';

export const SCOPES = ['user-read-private', 'user-modify-playback-state'];
export const USER = { displayName: 'Ada Listener', id: 'ada-1815' };
export const SECRET = 'client-secret-5f1c9a7e0b2d4c68';
export const PKCE_APP = { clientId: 'refresh-pkce-app', redirectUris: ['http://127.0.0.1/callback'] };
export const SECRET_APP = {
  clientId: 'refresh-secret-app',
  clientSecret: SECRET,
  redirectUris: ['http://127.0.0.1/callback'],
};

export type Style = 'pkce' | 'secret';

export const tempDir = () => mkdtemp(join(tmpdir(), 'pytify-refresh-'));

/** A token file holding a refresh token the local Spotify issued, as if the user had authorized. */
export async function savedToken(
  service: FakeSpotify,
  style: Style,
): Promise<{ dir: string; tokenFile: string; token: string }> {
  const dir = await tempDir();
  const tokenFile = join(dir, '.pytify');
  const token = service.issueRefreshToken(style === 'pkce' ? PKCE_APP.clientId : SECRET_APP.clientId, SCOPES);
  await writeFile(tokenFile, token, { mode: 0o600 });
  return { dir, tokenFile, token };
}

/** Real token client and files; got's waits between retries are recorded; the clock is the test's. */
export function depsFor(service: FakeSpotify, style: Style, tokenFile: string, now = () => Date.now()) {
  const sleeps: number[] = [];
  const clientId = style === 'pkce' ? PKCE_APP.clientId : SECRET_APP.clientId;
  const client = createTokenClient({
    tokenUrl: service.tokenUrl,
    apiUrl: service.apiUrl,
    clientId,
    ...(style === 'secret' ? { clientSecret: SECRET } : {}),
    log: recordWaits(sleeps),
  });
  const deps: RefreshDeps = {
    tokenFile,
    clientId,
    client,
    now,
  };
  return { deps, sleeps, client };
}

export const readText = (path: string) => readFile(path, 'utf8');
