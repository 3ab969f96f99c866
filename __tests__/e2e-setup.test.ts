import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { createTokenClient } from '../src/token/token-client.js';
import { CLI, CLIENT_ID, FAKE_BROWSER, startSpotify, tempDir } from './helpers/e2e.js';
import { sessionsKilledAfterEach, TmuxSession } from './helpers/tmux.js';

// The first run in a real terminal: no client id anywhere → the setup screens → the launch
// screen → authorized, in one run of the built binary. The local Spotify has the app CLIENT_ID
// registered with the portless redirect URI, as a user's fresh app in the dashboard would.
let spotify: FakeSpotify;
const sessions = sessionsKilledAfterEach();
beforeAll(async () => {
  spotify = await startSpotify();
});
afterAll(() => spotify.close());

function launch(dir: string, args: string[], home: string): TmuxSession {
  const session = new TmuxSession(dir, ['node', CLI, ...args], {
    env: { BROWSER: FAKE_BROWSER, FAKE_BROWSER_LOG: join(dir, 'browser.log'), HOME: home },
  });
  sessions.push(session);
  return session;
}

async function typeClientIdAndNoSecret(session: TmuxSession): Promise<void> {
  await session.waitForText('Press Enter to open the dashboard in your browser');
  session.sendKeys('-l', CLIENT_ID);
  await session.waitForText('✔ 32 hexadecimal characters');
  session.sendKeys('Enter');
  await session.waitForText('Press Enter to save without a secret');
  session.sendKeys('Enter');
}

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe('first run', () => {
  it('an empty directory: the id typed in the setup is saved alone, 0600, and the launch screen follows', async () => {
    const dir = await tempDir();
    const session = launch(dir, ['--port', '0'], dir);
    const guide = await session.waitForText('No Spotify client id is configured yet');
    expect(guide).toContain('https://developer.spotify.com/dashboard');
    expect(guide).toMatch(/^ {7}http:\/\/127\.0\.0\.1\/callback$/m); // the URI this run uses, alone on its line
    await typeClientIdAndNoSecret(session);
    const ready = await session.waitForText('Press Enter to authorize');
    expect(ready).toContain('✔ Saved .spotifyrc');
    expect(await readFile(join(dir, '.spotifyrc'), 'utf8')).toBe(`{\n  "clientId": "${CLIENT_ID}"\n}\n`);
    expect(await modeOf(join(dir, '.spotifyrc'))).toBe(0o600);
    session.sendKeys('q');
    expect(await session.exitCode()).toBe(1);
  });

  it('with a shared config further up that lacks the id: adds it there after asking, then authorizes', async () => {
    // The home directory's config points at the local Spotify; the project directory is empty.
    const home = await tempDir();
    const shared = {
      redirectUri: 'http://127.0.0.1/callback',
      authUrl: spotify.authUrl,
      tokenUrl: spotify.tokenUrl,
      apiUrl: spotify.apiUrl,
    };
    await writeFile(join(home, '.spotifyrc'), JSON.stringify(shared, null, 2), { mode: 0o644 });
    const project = join(home, 'music');
    await mkdir(project);
    const session = launch(project, [], home);
    await typeClientIdAndNoSecret(session);
    await session.waitForText('exists already. Save these settings into it?');
    expect(session.screen()).toContain('redirectUri, authUrl, tokenUrl, apiUrl');
    session.sendKeys('y');
    await session.waitForText('Press Enter to authorize');
    expect(JSON.parse(await readFile(join(home, '.spotifyrc'), 'utf8'))).toEqual({ clientId: CLIENT_ID, ...shared });
    expect(await modeOf(join(home, '.spotifyrc'))).toBe(0o600);

    session.sendKeys('Enter');
    await session.waitForText('Authorized as Test Listener (test-listener)');
    expect(await session.exitCode()).toBe(0);
    const token = await readFile(join(project, '.pytify'), 'utf8');
    const client = createTokenClient({ tokenUrl: spotify.tokenUrl, apiUrl: spotify.apiUrl, clientId: CLIENT_ID });
    expect((await client.refresh(token)).accessToken).not.toBe('');
  });
});

describe('pytify-auth init', () => {
  it('saves the config and says what to run next; Esc on a second run leaves it untouched', async () => {
    const dir = await tempDir();
    const first = launch(dir, ['init', '--port', '0'], dir);
    await typeClientIdAndNoSecret(first);
    await first.waitForText('Next: run pytify-auth to authorize.');
    expect(await first.exitCode()).toBe(0);
    expect(await readFile(join(dir, '.spotifyrc'), 'utf8')).toBe(`{\n  "clientId": "${CLIENT_ID}"\n}\n`);

    const second = launch(dir, ['init'], dir);
    const editing = await second.waitForText('pytify-auth - edit .spotifyrc');
    expect(editing).toContain(`› ${CLIENT_ID}`);
    second.sendKeys('Escape');
    expect(await second.exitCode()).toBe(1);
    expect(await readFile(join(dir, '.spotifyrc'), 'utf8')).toBe(`{\n  "clientId": "${CLIENT_ID}"\n}\n`);
  });
});
