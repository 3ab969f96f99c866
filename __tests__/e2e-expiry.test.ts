import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { CLI, FAKE_BROWSER, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';
import { sessionsKilledAfterEach, TmuxSession } from './helpers/tmux.js';

// The built program against the local Spotify as it is today (no rotation, refresh tokens that
// die 6 months after the consent): a real login first, then what `token`, `status` and the launch
// screen say once the record shows the 6 months are over, and when Spotify refuses earlier.
const DAY_MS = 86_400_000;
let spotify: FakeSpotify;
let shortLived: FakeSpotify;
const sessions = sessionsKilledAfterEach();
beforeAll(async () => {
  [spotify, shortLived] = await Promise.all([startSpotify(), startSpotify({ refreshTokenLifetimeMs: 1_500 })]);
});
afterAll(() => Promise.all([spotify.close(), shortLived.close()]));

async function loggedIn(service: FakeSpotify) {
  const dir = await tempDir('pytify-e2e-expiry-');
  await writeConfig(dir, service);
  const login = await runPlain([], { cwd: dir, env: { BROWSER: FAKE_BROWSER } });
  expect(login.code).toBe(0);
  return { dir, run: (...args: string[]) => runPlain(args, { cwd: dir }) };
}

/** What the test ages: the consent time in the record, as if the login had been that long ago. */
async function ageRecord(dir: string, days: number): Promise<string> {
  const file = join(dir, '.pytify.json');
  const record = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const authorizedAt = new Date(Date.now() - days * DAY_MS).toISOString();
  await writeFile(file, JSON.stringify({ ...record, authorized_at: authorizedAt }, null, 2));
  return authorizedAt;
}

describe('6 months after the authorization, by the record', () => {
  it('token and status exit 1, say it expired and how to authorize again, and send nothing', async () => {
    const { dir, run } = await loggedIn(spotify);
    expect((await run('token')).code).toBe(0); // fresh: the cached access token
    await ageRecord(dir, 200);
    const before = spotify.tokenRequests.length;

    const token = await run('token');
    expect(token).toMatchObject({ code: 1, stdout: '' });
    expect(token.stderr).toMatch(/the authorization expired on \d{4}-\d\d-\d\d/);
    expect(token.stderr).toContain("Spotify's refresh tokens last 6 months from authorization");
    expect(token.stderr).toContain('run pytify-auth to authorize again');

    const status = await run('status');
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/Expires\s+\d{4}-\d\d-\d\d · expired/);
    expect(status.stdout).toContain('the authorization expired on');
    expect(status.stdout).toContain('To authorize again: pytify-auth');
    const json = JSON.parse((await run('status', '--json')).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ state: 'reauthorize', works: false, expired: true });
    expect(json.error).toMatchObject({ code: 'REAUTHORIZE_REQUIRED', reason: 'REFRESH_TOKEN_EXPIRED' });
    expect(spotify.tokenRequests.length).toBe(before); // Spotify would refuse it: not even asked
  });

  it('the launch screen says it expired and to authorize again', async () => {
    const { dir } = await loggedIn(spotify);
    await ageRecord(dir, 200);
    const session = new TmuxSession(dir, ['node', CLI], { env: { BROWSER: FAKE_BROWSER, HOME: dir } });
    sessions.push(session);
    const screen = await session.waitForText('Refresh tokens last 6 months from authorization');
    expect(screen).toMatch(/Authorized as Test Listener on \d{4}-\d\d-\d\d, expired on \d{4}-\d\d-\d\d/);
    expect(screen).toContain('authorize again so the player keeps working');
  });

  it('a record a few days short of 6 months still works', async () => {
    const { dir, run } = await loggedIn(spotify);
    await ageRecord(dir, 170);
    expect((await run('token')).code).toBe(0);
    expect((await run('status')).code).toBe(0);
  });
});

describe('invalid_grant before the record says so', () => {
  it('says "expired or revoked" (Spotify gave no description) and exits 1', async () => {
    const { run } = await loggedIn(shortLived);
    await new Promise((resolve) => setTimeout(resolve, 1_600)); // the local Spotify's lifetime is over
    const status = await run('status');
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(
      'authorization expired or revoked — run pytify-auth again (Spotify: invalid_grant)',
    );
    const token = await run('token');
    // The cached access token is dropped once Spotify has said the authorization is dead.
    expect(token).toMatchObject({ code: 1, stdout: '' });
    expect(token.stderr).toContain('authorization expired or revoked');
  });
});
