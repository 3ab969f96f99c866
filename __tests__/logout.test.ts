import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { CLI, CLIENT_ID, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';
import { TmuxSession } from './helpers/tmux.js';

// `pytify-auth logout` from the built binary: with --yes, without a terminal, and at a real prompt.
const APPS = 'https://www.spotify.com/account/apps/';
let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startSpotify();
});
afterAll(() => spotify.close());

async function loggedIn() {
  const dir = await tempDir('pytify-e2e-logout-');
  await writeConfig(dir, spotify);
  const tokenFile = join(dir, '.pytify');
  await writeFile(tokenFile, spotify.issueRefreshToken(CLIENT_ID, ['user-read-private']), { mode: 0o600 });
  expect((await runPlain(['status'], { cwd: dir })).code).toBe(0); // writes the record too
  expect(existsSync(`${tokenFile}.json`)).toBe(true);
  return { dir, tokenFile };
}

describe('pytify-auth logout', () => {
  it('--yes deletes the token file and the record, and points to spotify.com/account/apps', async () => {
    const { dir, tokenFile } = await loggedIn();
    const result = await runPlain(['logout', '--yes'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Logged out: deleted ${tokenFile} and ${tokenFile}.json.\n` +
        `Spotify still lists the app as allowed; to remove its access to your account, visit ${APPS}\n`,
    );
    expect(await readdir(dir)).toEqual(['.spotifyrc']); // no lock file left behind either
    const after = await runPlain(['status'], { cwd: dir });
    expect(after.code).toBe(1);
  });

  it('refuses without a terminal to ask in unless --yes, and deletes nothing', async () => {
    const { dir, tokenFile } = await loggedIn();
    const result = await runPlain(['logout'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('confirm with --yes');
    expect(existsSync(tokenFile) && existsSync(`${tokenFile}.json`)).toBe(true);
  });

  it('needs no client id, only the token file; nothing saved is not an error', async () => {
    const dir = await tempDir('pytify-e2e-logout-');
    await writeFile(join(dir, 'token'), 'AQ-some-refresh-token');
    const result = await runPlain(['logout', '-y', '--token-file', 'token'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(await readdir(dir)).toEqual([]);
    const again = await runPlain(['logout', '-y', '--token-file', 'token'], { cwd: dir });
    expect(again).toMatchObject({
      code: 0,
      stdout: `Not logged in: there is no ${join(dir, 'token')}. Nothing to delete.\n`,
    });
  });

  it.each([
    ['n', 1, true],
    ['y', 0, false],
  ])('asks in a terminal: answering %s exits %d', async (answer, code, kept) => {
    const { dir, tokenFile } = await loggedIn();
    const session = new TmuxSession(dir, [process.execPath, CLI, 'logout'], {
      env: { HOME: dir, PATH: process.env.PATH ?? '' },
    });
    try {
      await session.waitForText('Log out Test Listener (test-listener) and delete');
      session.sendKeys(answer, 'Enter');
      expect(await session.exitCode()).toBe(code);
      expect(existsSync(tokenFile)).toBe(kept);
      expect(existsSync(`${tokenFile}.json`)).toBe(kept);
    } finally {
      session.kill();
    }
  });

  it.each([
    ['y', 0, false],
    ['n', 1, true],
    ['Escape', 1, true],
  ])('one key is the answer, as in init: %s alone, no Enter, exits %d', async (key, code, kept) => {
    const { dir, tokenFile } = await loggedIn();
    const session = new TmuxSession(dir, [process.execPath, CLI, 'logout'], {
      env: { HOME: dir, PATH: process.env.PATH ?? '' },
    });
    try {
      await session.waitForText('Press y to log out, n or Esc to keep them');
      session.sendKeys(key);
      expect(await session.exitCode()).toBe(code);
      expect(existsSync(tokenFile)).toBe(kept);
      expect(session.screen()).toContain(kept ? 'Nothing was deleted.' : 'Logged out: deleted');
    } finally {
      session.kill();
    }
  });
});
