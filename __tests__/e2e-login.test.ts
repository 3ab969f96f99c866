import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { createTokenClient } from '../src/token/token-client.js';
import {
  CLI,
  CLIENT_ID,
  FAKE_BROWSER,
  browserLog,
  browserVisits,
  startSpotify,
  tempDir,
  writeConfig,
} from './helpers/e2e.js';
import { holdPort } from './helpers/free-port.js';
import { sessionsKilledAfterEach, TmuxSession } from './helpers/tmux.js';

// The built program in a real terminal (tmux), as a user runs it; $BROWSER is a script that
// plays the user's part in the browser.
let spotify: FakeSpotify;
const sessions = sessionsKilledAfterEach();
beforeAll(async () => {
  spotify = await startSpotify();
});
afterAll(() => spotify.close());

function launch(dir: string, args: string[], env: Record<string, string> = {}): TmuxSession {
  const session = new TmuxSession(dir, ['node', CLI, ...args], {
    env: { BROWSER: FAKE_BROWSER, FAKE_BROWSER_LOG: join(dir, 'browser.log'), HOME: dir, ...env },
  });
  sessions.push(session);
  return session;
}

describe('pytify-auth in a terminal', () => {
  it('--demo goes from launch to "Authorized as …" with one Enter', async () => {
    const dir = await tempDir();
    const tokenFile = join(dir, 'demo.pytify');
    const session = launch(dir, ['--demo', '--token-file', tokenFile]);
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    const screen = await session.waitForText('Authorized as Demo Listener (demo-listener)');
    expect(screen).toContain(`Refresh token saved to ${tokenFile}`);
    expect(await session.exitCode()).toBe(0);
    const token = await readFile(tokenFile, 'utf8');
    expect(token).toMatch(/^\S{20,}$/); // exactly one token, no newline
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    expect(session.screen()).not.toContain(token);
  });

  it('takes an Enter typed before the screen is drawn (typed ahead, it reaches the program as a line feed)', async () => {
    const dir = await tempDir();
    const session = launch(dir, ['--demo', '--token-file', join(dir, 'ahead.pytify')]);
    session.sendKeys('Enter');
    await session.waitForText('Authorized as Demo Listener (demo-listener)');
    expect(await session.exitCode()).toBe(0);
  });

  it('paints the screen in a terminal even when CI is set (Ink would paint only the last frame)', async () => {
    const dir = await tempDir();
    const session = launch(dir, ['--demo', '--token-file', join(dir, 'ci.pytify')], { CI: 'true' });
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    await session.waitForText('Authorized as Demo Listener');
    expect(await session.exitCode()).toBe(0);
  });

  it('saves a refresh token that the accounts service accepts, from a .spotifyrc', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const session = launch(dir, []);
    const ready = await session.waitForText('Press Enter to authorize');
    expect(ready).toMatch(/Redirect URI\s+http:\/\/127\.0\.0\.1:\d+\/callback/);
    expect(ready).toContain('register http://127.0.0.1/callback (no port)');
    session.sendKeys('Enter');
    await session.waitForText('Authorized as Test Listener (test-listener)');
    expect(await session.exitCode()).toBe(0);

    const token = await readFile(join(dir, '.pytify'), 'utf8');
    const client = createTokenClient({ tokenUrl: spotify.tokenUrl, apiUrl: spotify.apiUrl, clientId: CLIENT_ID });
    const grant = await client.refresh(token);
    expect(grant.accessToken).not.toBe('');
    const [visit] = await browserVisits(join(dir, 'browser.log'), 1);
    expect(visit?.callbackStatus).toBe(200);
    expect(String(visit?.callbackHtml)).toContain('Test Listener');
  });

  it('shows the saved authorization on the next launch', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const first = launch(dir, []);
    await first.waitForText('Press Enter to authorize');
    first.sendKeys('Enter');
    await first.waitForText('Authorized as Test Listener');
    expect(await first.exitCode()).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const second = launch(dir, []);
    const screen = await second.waitForText('Enter to authorize again');
    expect(screen).toMatch(new RegExp(`Authorized as Test Listener on ${today}, expires in 18\\d days`));
    second.sendKeys('q');
    expect(await second.exitCode()).toBe(1);
  });

  it('says when access is declined, offers Enter to retry, and exits 1 on q without a token', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const session = launch(dir, [], { FAKE_BROWSER_DECISION: 'deny' });
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    await session.waitForText('Access was declined');
    session.sendKeys('Enter');
    await session.waitFor(() => browserLog(join(dir, 'browser.log')).length === 2, 'a second browser visit');
    const [first, second] = browserLog(join(dir, 'browser.log'));
    const stateOf = (entry: Record<string, unknown> | undefined) =>
      new URL(String(entry?.location)).searchParams.get('state');
    expect(stateOf(first)).not.toBe(stateOf(second)); // a retry is a fresh attempt
    await session.waitForText('Access was declined');
    session.sendKeys('q');
    expect(await session.exitCode()).toBe(1);
    expect(existsSync(join(dir, '.pytify'))).toBe(false);
  });

  it('reports a busy port at launch and exits 3', async () => {
    const dir = await tempDir();
    const { server: holder, port } = await holdPort();
    try {
      await writeConfig(dir, spotify, { redirectUri: `http://127.0.0.1:${port}/callback` });
      const session = launch(dir, []);
      const screen = await session.waitForText('already in use');
      expect(screen).toContain(`Port ${port} on 127.0.0.1`);
      expect(screen).toContain('--port');
      expect(await session.exitCode()).toBe(3);
    } finally {
      holder.close();
    }
  });

  it('keeps a good token file byte-identical when the exchange fails', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    await writeFile(join(dir, '.pytify'), 'previous-good-token');
    const session = launch(dir, []);
    await session.waitForText('Enter to authorize');
    const fault = { kind: 'status', status: 500, body: '{"error":"server_error"}' } as const;
    spotify.failNextTokenRequests(fault, fault, fault, fault); // the first try and its three retries
    session.sendKeys('Enter');
    const screen = await session.waitForText('Enter to try again');
    expect(screen).toContain('TOKEN_ENDPOINT_ERROR');
    session.sendKeys('Escape');
    expect(await session.exitCode()).toBe(1);
    expect(await readFile(join(dir, '.pytify'), 'utf8')).toBe('previous-good-token');
  });
});
