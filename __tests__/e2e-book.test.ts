import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { sessionsKilledAfterEach, TmuxSession } from './helpers/tmux.js';
import { CLI, CLIENT_ID, FAKE_BROWSER, ROOT, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';

// A reader of the book that this tool replaces: musicterminal/ holding pytify/config.yaml in the
// book's own keys, and the book-style player (a Python client) that refreshes .pytify itself.
const SECRET = '0123456789abcdef0123456789abcdef';
const PLAYER = join(ROOT, '__tests__', 'fixtures', 'book', 'player.py');
const run = promisify(execFile);
let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startSpotify({ clientSecret: SECRET });
});
afterAll(() => spotify.close());

/** The book's config.yaml, pointed at the local Spotify as the book points at Spotify's. */
function bookConfig(overrides: Record<string, string> = {}): string {
  const origin = new URL(spotify.tokenUrl).origin;
  const keys = {
    client_id: CLIENT_ID,
    client_secret: SECRET,
    access_token_url: spotify.tokenUrl,
    auth_url: spotify.authUrl,
    api_version: 'v1',
    api_url: origin,
    base_url: origin,
    auth_method: 'AUTHORIZATION_CODE',
    redirect_uri: 'http://127.0.0.1/callback',
    ...overrides,
  };
  return Object.entries(keys)
    .map(([key, value]) => `${key}: '${value}'\n`)
    .join('');
}

async function musicterminal(config = bookConfig()): Promise<string> {
  const dir = join(await tempDir('pytify-book-'), 'musicterminal');
  await mkdir(join(dir, 'pytify'), { recursive: true });
  await writeFile(join(dir, 'pytify', 'config.yaml'), config, { mode: 0o600 });
  return dir;
}

const sessions = sessionsKilledAfterEach();

describe("the book's musicterminal/", () => {
  it('in a terminal: pytify-auth + Enter, then the Python player refreshes the .pytify', async () => {
    const dir = await musicterminal();
    const session = new TmuxSession(dir, ['node', CLI], { env: { BROWSER: FAKE_BROWSER, HOME: dir } });
    sessions.push(session);
    expect(await session.waitForText('Press Enter to authorize')).toContain('Flow          client secret');
    session.sendKeys('Enter');
    expect(await session.waitForText('Authorized as Test Listener')).toContain(join(dir, '.pytify'));
    expect(await session.exitCode()).toBe(0);
    const player = await run('/usr/bin/python3', [PLAYER], { cwd: dir, env: { PATH: '/usr/bin:/bin' } });
    expect(JSON.parse(player.stdout)).toMatchObject({ id: 'test-listener' });
  });

  it('pytify-auth with no flag finds pytify/config.yaml, and the Python player refreshes the .pytify it wrote', async () => {
    const dir = await musicterminal();
    // musicterminal/ outside the home directory: only the current directory is searched.
    const home = await tempDir('pytify-home-');
    const login = await runPlain([], { cwd: dir, env: { BROWSER: FAKE_BROWSER, HOME: home } });
    expect(login.stderr).not.toContain('unknown key');
    expect(login.code).toBe(0);
    expect((await readFile(join(dir, '.pytify'), 'utf8')).length).toBeGreaterThan(20);
    const player = await run('/usr/bin/python3', [PLAYER], { cwd: dir, env: { PATH: '/usr/bin:/bin' } });
    expect(JSON.parse(player.stdout)).toEqual({
      display_name: 'Test Listener',
      id: 'test-listener',
      token_type: 'Bearer',
    });
  });

  it('doctor --config pytify/config.yaml: the API base gets /v1 and .pytify goes next to pytify/', async () => {
    const dir = await musicterminal();
    const sub = join(dir, 'pytify');
    const result = await runPlain(['doctor', '--config', 'config.yaml'], { cwd: sub, env: { HOME: dir } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`apiUrl +${new URL(spotify.tokenUrl).origin}/v1 `));
    expect(result.stdout).toContain(`tokenFile      ${join(dir, '.pytify')} `);
    expect(result.stdout).toContain('Warnings: none');
  });

  it("the book's own file: http is used as https with a notice; doctor is ready only with /v1", async () => {
    const book = await readFile(join(ROOT, '__tests__', 'fixtures', 'book', 'config.yaml'), 'utf8');
    const dir = await musicterminal(book.replace("'<your client ID>'", `'${CLIENT_ID}'`));
    const result = await runPlain(['doctor'], { cwd: dir });
    expect(result.stdout).toMatch(/authUrl +https:\/\/accounts\.spotify\.com\/authorize /);
    expect(result.stdout).toMatch(/apiUrl +https:\/\/api\.spotify\.com\/v1 /);
    expect(result.stdout).toContain(
      '"auth_url" is plain http (http://accounts.spotify.com/authorize): pytify-auth uses https',
    );
    const withoutVersion = await musicterminal(book.replace("api_version: 'v1'\n", ''));
    const broken = await runPlain(['doctor'], { cwd: withoutVersion });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('makes the API base https://api.spotify.com, which lacks /v1');
  });

  it('an auth_method other than AUTHORIZATION_CODE is explained', async () => {
    const dir = await musicterminal(bookConfig({ auth_method: 'CLIENT_CREDENTIALS' }));
    const result = await runPlain(['doctor'], { cwd: dir });
    expect(result.stdout).toContain('client credentials cannot act for a user');
  });
});

describe('docs/book.md', () => {
  it("the five-line PKCE player runs as written, against a PKCE login's .pytify", async () => {
    const pkce = await startSpotify();
    try {
      const dir = await tempDir('pytify-pkce-');
      await writeConfig(dir, pkce);
      expect((await runPlain([], { cwd: dir, env: { BROWSER: FAKE_BROWSER } })).code).toBe(0);
      const bin = join(dir, 'bin');
      await mkdir(bin);
      await writeFile(join(bin, 'pytify-auth'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
      await chmod(join(bin, 'pytify-auth'), 0o755);
      const docs = await readFile(join(ROOT, 'docs', 'book.md'), 'utf8');
      const example = /```python\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';
      expect(example.trim().split('\n')).toHaveLength(5);
      // The one change: the local Spotify's API instead of Spotify's.
      const script = example.replace('https://api.spotify.com/v1', pkce.apiUrl);
      const player = await run('/usr/bin/python3', ['-c', script], {
        cwd: dir,
        env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir },
      });
      expect(player.stdout).toBe('Test Listener\n');
    } finally {
      await pkce.close();
    }
  });
});
