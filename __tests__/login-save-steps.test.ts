import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { startCallbackServer } from '../src/listener/callback-server.js';
import { LoginFlow, systemClock } from '../src/login/flow.js';
import type { LoginState } from '../src/login/state.js';
import { cryptoRandom } from '../src/oauth/pkce.js';
import { createAuthorizationStore } from '../src/token/authorization-store.js';
import { createTokenClient } from '../src/token/token-client.js';
import { decide } from './helpers/authorize-code.js';

// The login's save in steps, so the browser's page waits only for the token file: the lock is
// taken while the exchange is out, the token is written under a temporary name while /me is out,
// and the record follows the page. What a user keeps must not change for it.
const APP = { clientId: 'steps-app', redirectUris: ['http://127.0.0.1/callback'] };
const USER = { displayName: 'Step Listener', id: 'step-1' };

let spotify: FakeSpotify;
let dir: string;
const closers: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  spotify = await startFakeSpotify({ clients: [APP], user: USER });
  dir = await mkdtemp(join(tmpdir(), 'pytify-save-steps-'));
});
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});
afterAll(async () => {
  await spotify?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The browser after the consent: GET the callback URL, as a browser would, and read the page. */
async function call(url: string): Promise<{ status: number }> {
  const answer = await fetch(url, { redirect: 'manual' });
  await answer.text();
  return { status: answer.status };
}

/** A /v1/me that refuses, as Spotify does for a user not added to an app in development mode. */
async function refusingApi(): Promise<string> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(403, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { status: 403, message: 'User not registered in the Developer Dashboard' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

async function waitingLogin(tokenFile: string, apiUrl = spotify.apiUrl) {
  const opened: string[] = [];
  const config = {
    clientId: APP.clientId,
    redirectUri: 'http://127.0.0.1/callback',
    scopes: ['user-read-private'],
    tokenFile,
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl,
  };
  const flow = new LoginFlow({
    config: { ...config, timeoutSeconds: 60, showDialog: false, openBrowser: true },
    listen: startCallbackServer,
    browser: { explicit: true, open: async (url) => void opened.push(url) },
    tokenClient: createTokenClient({ ...config, timeoutMs: 5000 }),
    tokenStore: createAuthorizationStore(tokenFile, { clientId: APP.clientId, scopes: config.scopes }),
    clock: systemClock,
    random: cryptoRandom,
    environment: { kind: 'desktop' },
  });
  closers.push(() => flow.close());
  const states: LoginState['kind'][] = [];
  flow.subscribe((state) => states.push(state.kind));
  await flow.start();
  flow.authorize();
  return { flow, states, callbackUrl: (await decide(opened[0]!)).href };
}

describe("the login's save in steps", () => {
  it('holds the lock while the exchange is out, then leaves the token, the record and nothing else', async () => {
    const folder = await mkdtemp(join(dir, 'ok-'));
    const tokenFile = join(folder, '.pytify');
    const { flow, states, callbackUrl } = await waitingLogin(tokenFile);
    spotify.failNextTokenRequests({ kind: 'delay', ms: 400 });
    const page = call(callbackUrl);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(`${tokenFile}.lock`)).toBe(true); // the answer is still 200 ms away
    expect((await page).status).toBe(200);
    expect(states).toContain('authorized');
    const token = (await readFile(tokenFile, 'utf8')).trim();
    expect(token).toMatch(/^\S{20,}$/);
    await flow.close(); // the record follows the page; close() waits for it and the lock
    const record = JSON.parse(await readFile(`${tokenFile}.json`, 'utf8')) as { account: { id: string } };
    expect(record.account.id).toBe(USER.id);
    expect((await readdir(folder)).sort()).toEqual(['.pytify', '.pytify.json']);
  });

  it('keeps the old token byte-identical, and no temporary file, when /me refuses after the exchange', async () => {
    const folder = await mkdtemp(join(dir, 'refused-'));
    const tokenFile = join(folder, '.pytify');
    await writeFile(tokenFile, 'AQ-the-old-token\n', { mode: 0o600 });
    const { flow, states, callbackUrl } = await waitingLogin(tokenFile, await refusingApi());
    const page = await call(callbackUrl);
    expect(page.status).not.toBe(200);
    expect(states).toContain('token-error');
    expect(states).not.toContain('authorized');
    await flow.close();
    expect(await readFile(tokenFile, 'utf8')).toBe('AQ-the-old-token\n');
    expect(await readdir(folder)).toEqual(['.pytify']);
  });

  it('refuses a symbolic link at the lock: the old token stays, and neither the link nor a temporary file changes', async () => {
    const folder = await mkdtemp(join(dir, 'linked-lock-'));
    const tokenFile = join(folder, '.pytify');
    await writeFile(tokenFile, 'AQ-the-old-token\n', { mode: 0o600 });
    await writeFile(join(folder, 'elsewhere'), 'not a lock');
    await symlink(join(folder, 'elsewhere'), `${tokenFile}.lock`);
    const { flow, states, callbackUrl } = await waitingLogin(tokenFile);
    expect((await call(callbackUrl)).status).not.toBe(200);
    expect(states).toContain('token-error');
    await flow.close();
    expect(await readFile(tokenFile, 'utf8')).toBe('AQ-the-old-token\n');
    expect(await readlink(`${tokenFile}.lock`)).toBe(join(folder, 'elsewhere'));
    expect(await readFile(join(folder, 'elsewhere'), 'utf8')).toBe('not a lock');
    expect((await readdir(folder)).sort()).toEqual(['.pytify', '.pytify.lock', 'elsewhere']);
  });
});
