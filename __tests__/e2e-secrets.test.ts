import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { CLI, FAKE_BROWSER, browserVisits, runPlain, tempDir } from './helpers/e2e.js';
import { TmuxSession } from './helpers/tmux.js';
import { writeFile } from 'node:fs/promises';

// Every output the program produces in these runs — stdout, stderr with --debug, the terminal
// screen, the pages the browser got — is searched for every secret in play: the client secret,
// each code, verifier and token the local Spotify issued or received.
const SECRET = 'client-secret-3f9a77c1d2e84b06';
const SECRET_APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const PKCE_APP = '0f9e8d7c6b5a49382716f5e4d3c2b1a0';
let spotify: FakeSpotify;
const outputs: Array<[string, string]> = [];

beforeAll(async () => {
  spotify = await startFakeSpotify({
    clients: [
      { clientId: SECRET_APP, clientSecret: SECRET, redirectUris: ['http://127.0.0.1/callback'] },
      { clientId: PKCE_APP, redirectUris: ['http://127.0.0.1/callback'] },
    ],
  });
});
afterAll(() => spotify.close());

async function configured(clientId: string, clientSecret?: string): Promise<string> {
  const dir = await tempDir('pytify-secrets-');
  const config = {
    clientId,
    clientSecret,
    redirectUri: 'http://127.0.0.1/callback',
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
  };
  await writeFile(join(dir, '.spotifyrc'), JSON.stringify(config));
  return dir;
}

async function plainRun(name: string, dir: string, args: string[] = ['--debug']) {
  const result = await runPlain(args, {
    cwd: dir,
    env: { BROWSER: FAKE_BROWSER, FAKE_BROWSER_LOG: join(dir, 'browser.log') },
  });
  outputs.push([`${name}: stdout`, result.stdout], [`${name}: stderr`, result.stderr]);
  for (const visit of await browserVisits(join(dir, 'browser.log'), 1))
    outputs.push([`${name}: page`, String(visit.callbackHtml ?? '')]);
  return result;
}

describe('no secret in any output', () => {
  it('a secret-flow login with --debug', async () => {
    const result = await plainRun('secret flow', await configured(SECRET_APP, SECRET));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('http request'); // the debug log really ran
  });

  it('a PKCE login with --debug', async () => {
    const result = await plainRun('pkce', await configured(PKCE_APP));
    expect(result.code).toBe(0);
  });

  it('failed exchanges with --debug (500 with HTML, invalid_client, a 200 cut short)', async () => {
    const html500 = {
      kind: 'status',
      status: 500,
      body: '<html><h1>Oops</h1></html>',
      contentType: 'text/html',
    } as const;
    // One each: the code exchange is sent once (a second copy of a code could only be refused), so more
    // failures queued here would be left for the next test's login.
    spotify.failNextTokenRequests(html500);
    expect((await plainRun('500', await configured(PKCE_APP))).code).toBe(1);
    expect((await plainRun('invalid client', await configured(SECRET_APP, 'wrong-secret-value-123'))).code).toBe(1);
    const cutShort = {
      kind: 'status',
      status: 200,
      body: '{"access_token":"cut-short-access-token-1234567',
      contentType: 'application/json',
    } as const;
    spotify.failNextTokenRequests(cutShort);
    const cut = await plainRun('cut short', await configured(PKCE_APP));
    expect(cut.code).toBe(1);
    expect(cut.stderr).not.toContain('cut-short-access-token');
  });

  it('the terminal screen of a login', async () => {
    const dir = await configured(PKCE_APP);
    const session = new TmuxSession(dir, ['node', CLI, '--debug'], { env: { BROWSER: FAKE_BROWSER, HOME: dir } });
    try {
      await session.waitForText('Press Enter to authorize');
      session.sendKeys('Enter');
      outputs.push(['screen', await session.waitForText('Authorized as')]);
      expect(await session.exitCode()).toBe(0);
    } finally {
      session.kill();
    }
  });

  it('contains none of the secrets in play', () => {
    const secrets = [SECRET, 'wrong-secret-value-123', ...spotify.issuedSecrets()].filter((value) => value.length >= 8);
    expect(secrets.length).toBeGreaterThan(10); // codes, verifiers, access and refresh tokens were issued
    expect(outputs.length).toBeGreaterThan(10);
    const leaks = outputs.flatMap(([where, text]) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${where} shows ${secret.slice(0, 6)}…`),
    );
    expect(leaks).toEqual([]);
  });
});
