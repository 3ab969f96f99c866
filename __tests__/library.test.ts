import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { getAccessTokenWith } from '../src/token/access-token.js';
import { AccessTokenError } from '../src/token/errors.js';
import { CLIENT_ID, ROOT, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';

const SCOPES = ['user-read-private', 'user-modify-playback-state'];
let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startSpotify();
});
afterAll(() => spotify.close());

async function playerDir(config: Record<string, unknown> = {}) {
  const dir = await tempDir('pytify-library-');
  await writeConfig(dir, spotify, config);
  const token = spotify.issueRefreshToken(CLIENT_ID, SCOPES);
  await writeFile(join(dir, '.pytify'), token, { mode: 0o600 });
  return { dir, token };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as AccessTokenError,
  );

describe('getAccessToken (from the source)', () => {
  it('returns the token, its expiry, the granted scope and what is missing', async () => {
    const { dir } = await playerDir({ scopes: [...SCOPES, 'streaming'] });
    const token = await getAccessTokenWith({ cwd: dir, env: {} }, {});
    expect(token).toMatchObject({
      tokenType: 'Bearer',
      scope: SCOPES.join(' '),
      missingScopes: ['streaming'],
      warnings: [],
    });
    expect(token.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(token.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    const again = await getAccessTokenWith({ cwd: dir, env: {} }, {});
    expect(again.accessToken).toBe(token.accessToken); // the cache, as `pytify-auth token` uses it
  });

  it('takes the config file and token file as options', async () => {
    const { dir } = await playerDir();
    const elsewhere = await tempDir('pytify-library-cwd-');
    const token = await getAccessTokenWith(
      { cwd: elsewhere, env: {}, configFile: join(dir, '.spotifyrc'), tokenFile: join(dir, '.pytify') },
      {},
    );
    expect(token.accessToken).toBeTruthy();
    expect(existsSync(join(dir, '.pytify.json'))).toBe(true);
  });

  it('throws typed errors: re-authorize, temporary, configuration', async () => {
    const revoked = await playerDir();
    spotify.revokeRefreshToken(revoked.token);
    expect(await rejection(getAccessTokenWith({ cwd: revoked.dir, env: {} }, {}))).toMatchObject({
      name: 'AccessTokenError',
      code: 'REAUTHORIZE_REQUIRED',
      reason: 'INVALID_GRANT',
    });
    const busy = await playerDir();
    const fault = { kind: 'status' as const, status: 502, body: 'Bad gateway' };
    spotify.failNextTokenRequests(fault, fault, fault, fault);
    const temporary = await rejection(getAccessTokenWith({ cwd: busy.dir, env: {} }, {}));
    expect(temporary).toBeInstanceOf(AccessTokenError);
    expect(temporary).toMatchObject({ code: 'TEMPORARY_FAILURE', reason: 'SERVER_ERROR', status: 502 });
    const unconfigured = await tempDir('pytify-library-');
    expect(await rejection(getAccessTokenWith({ cwd: unconfigured, env: {} }, {}))).toMatchObject({
      code: 'CONFIG_ERROR',
      reason: 'CONFIG_MISSING_CLIENT_ID',
    });
  });
});

/** Runs dir/player.mjs as a player would, with pytify-auth installed (a link to the built package). */
function runPlayer(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['player.mjs'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the built package, imported as 'pytify-auth'", () => {
  it('exports getAccessToken, AccessTokenError and isAccessTokenError, with declarations', async () => {
    const types = await readFile(join(ROOT, 'dist', 'index.d.ts'), 'utf8');
    expect(types).toBe("export * from './types/index.js';\n");
    const declared = await readFile(join(ROOT, 'dist', 'types', 'index.d.ts'), 'utf8');
    expect(declared).toContain(
      'export declare function getAccessToken(options?: GetAccessTokenOptions): Promise<AccessToken>;',
    );
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.exports).toEqual({
      '.': { types: './dist/index.d.ts', import: './dist/index.js' },
      './package.json': './package.json',
    });
  });

  it('runs the README example against the local Spotify', async () => {
    const { dir } = await playerDir();
    await mkdir(join(dir, 'node_modules'));
    await symlink(ROOT, join(dir, 'node_modules', 'pytify-auth'), 'dir');
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const example = /### From a player[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example?.trim().split('\n').length).toBeLessThanOrEqual(10);
    const local = example!.replaceAll('https://api.spotify.com/v1', spotify.apiUrl);
    await writeFile(
      join(dir, 'player.mjs'),
      `${local}\nconsole.log(Object.keys(await import('pytify-auth')).sort().join(','));\n`,
    );
    const before = spotify.tokenRequests.length;
    const result = await runPlayer(dir);
    expect(result).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'AccessTokenError,getAccessToken,isAccessTokenError\n',
    });
    expect(spotify.tokenRequests.length).toBe(before + 1);
    expect(existsSync(join(dir, '.pytify.json'))).toBe(true);
    await writeFile(join(dir, 'player.mjs'), local.replace("tokenFile: '.pytify'", "tokenFile: 'missing'"));
    expect(await runPlayer(dir)).toMatchObject({ code: 0, stderr: 'Run pytify-auth to authorize again.\n' });
  });
});
