import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCallbackServer } from '../src/listener/callback-server.js';
import { createFileTokenStore } from '../src/token/token-store.js';
import { LoginFlow, type FlowDependencies } from '../src/login/flow.js';
import { PytifyError } from '../src/core/errors.js';
import type { LoginState } from '../src/login/state.js';
import type { Config } from '../src/config/types.js';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { createTokenClient, type TokenClient } from '../src/token/token-client.js';
import { decide } from './helpers/authorize-code.js';
import { canListen, closeServer, holdPort } from './helpers/free-port.js';
import { FollowingBrowser } from './helpers/following-browser.js';
import { ManualClock } from './helpers/manual-clock.js';
import { recordWaits } from './helpers/retry-waits.js';

const USER = { displayName: 'Ada Listener', id: 'ada-1815' };
const SECRET = 'flow-secret-7d2c91e4a05b';
const PORTLESS = 'http://127.0.0.1/callback';
const SCOPES = ['user-read-private', 'user-modify-playback-state'];
const CLIENTS = {
  pkce: { clientId: 'flow-pkce-app', redirectUris: [PORTLESS] },
  secret: { clientId: 'flow-secret-app', clientSecret: SECRET, redirectUris: [PORTLESS] },
  /** Registered with another secret than the one the config holds. */
  rotated: { clientId: 'flow-rotated-app', clientSecret: 'the-new-secret-after-rotation', redirectUris: [PORTLESS] },
};
type Style = 'pkce' | 'secret';

let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startFakeSpotify({ clients: Object.values(CLIENTS), user: USER });
});
afterAll(() => spotify?.close());

let dir: string;
const cleanups: Array<() => Promise<unknown>> = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pytify-flow-'));
});
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
  await rm(dir, { recursive: true, force: true });
});

function configFor(style: Style, overrides: Partial<Config> = {}): Config {
  const client = CLIENTS[style];
  return {
    clientId: client.clientId,
    ...(style === 'secret' ? { clientSecret: SECRET } : {}),
    redirectUri: PORTLESS,
    scopes: SCOPES,
    tokenFile: join(dir, '.pytify'),
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
    timeoutSeconds: 120,
    showDialog: false,
    openBrowser: true,
    ...overrides,
  };
}

interface Harness {
  flow: LoginFlow;
  config: Config;
  browser: FollowingBrowser;
  clock: ManualClock;
  /** Every state the flow reported, in order. */
  states: LoginState[];
}

/** A LoginFlow on real parts: loopback listener, token client against the fake, file store. */
async function startFlow(
  config: Config,
  wrap: (client: TokenClient) => TokenClient = (client) => client,
  extra: Partial<FlowDependencies> = {},
): Promise<Harness> {
  const browser = new FollowingBrowser();
  const clock = new ManualClock();
  const flow = new LoginFlow({
    config,
    listen: startCallbackServer,
    browser,
    tokenClient: wrap(
      createTokenClient({
        tokenUrl: config.tokenUrl,
        apiUrl: config.apiUrl,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        timeoutMs: 5000,
        log: extra.log,
      }),
    ),
    tokenStore: createFileTokenStore(config.tokenFile),
    clock,
    random: (size) => randomBytes(size),
    ...extra,
  });
  cleanups.push(() => flow.close());
  const states: LoginState[] = [];
  flow.subscribe((state) => states.push(state));
  await flow.start();
  return { flow, config, browser, clock, states };
}

const portOf = (uri: string) => Number(new URL(uri).port);
const kinds = (states: LoginState[]) => states.map((state) => state.kind);
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function waitingUrl(flow: LoginFlow): URL {
  const state = flow.state;
  if (state.kind !== 'waiting') throw new Error(`expected waiting, got ${state.kind}`);
  return new URL(state.url);
}

/** A refresh token the fake accepts: the proof that the saved file holds the real one. */
async function refreshWorks(config: Config, refreshToken: string): Promise<boolean> {
  const { tokenUrl, apiUrl, clientId, clientSecret } = config;
  const client = createTokenClient({ tokenUrl, apiUrl, clientId, clientSecret });
  return client.refresh(refreshToken).then(
    () => true,
    () => false,
  );
}

const fileExists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('start', () => {
  it('listens on a free port for a portless redirect URI and reports ready', async () => {
    const { flow, states } = await startFlow(configFor('pkce'));
    expect(kinds(states)).toEqual(['ready']);
    expect(flow.state).toEqual({ kind: 'ready' });
    expect(flow.info.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const port = portOf(flow.info.redirectUri);
    expect(port).toBeGreaterThan(0);
    // The real listener is on that port: it answers other paths with its own 404 page.
    const answer = await fetch(`http://127.0.0.1:${port}/favicon.ico`);
    expect(answer.status).toBe(404);
    expect(await answer.text()).toContain('pytify-auth');
    expect(flow.info.flow).toBe('pkce');
    expect(flow.info.tokenSaved).toBe(false);
  });

  it('reports port-busy with the port when the redirect URI names a port in use', async () => {
    const { server, port } = await holdPort();
    cleanups.push(() => closeServer(server));
    const { flow, browser } = await startFlow(configFor('pkce', { redirectUri: `http://127.0.0.1:${port}/callback` }));
    expect(flow.state).toEqual({ kind: 'port-busy', host: '127.0.0.1', port });
    flow.authorize();
    expect(flow.state.kind).toBe('port-busy');
    expect(browser.opened).toEqual([]);
  });

  it('frees the port on close, cancels the pending timeout, and close can be called twice', async () => {
    const { flow, clock } = await startFlow(configFor('pkce'));
    const port = portOf(flow.info.redirectUri);
    expect(await canListen(port)).toBe(false);
    flow.authorize();
    expect(clock.pending).toHaveLength(1);
    await flow.close();
    expect(clock.pending).toEqual([]);
    await flow.close();
    expect(await canListen(port)).toBe(true);
  });
});

describe('authorize', () => {
  it('builds the PKCE authorize URL with the real port, a state and a challenge, and opens it', async () => {
    const { flow, browser, clock, config } = await startFlow(configFor('pkce'));
    flow.authorize();
    const url = waitingUrl(flow);
    expect(`${url.origin}${url.pathname}`).toBe(spotify.authUrl);
    expect(url.searchParams.get('client_id')).toBe(CLIENTS.pkce.clientId);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('redirect_uri')).toBe(flow.info.redirectUri);
    expect(portOf(url.searchParams.get('redirect_uri')!)).toBeGreaterThan(0);
    expect(url.searchParams.get('scope')).toBe(SCOPES.join(' '));
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(flow.state).toMatchObject({
      kind: 'waiting',
      deadline: clock.now() + config.timeoutSeconds * 1000,
      browser: 'opening',
    });
    expect(browser.opened).toEqual([url.toString()]);
    expect(clock.pending).toEqual([config.timeoutSeconds * 1000]);
    await settle();
    expect(flow.state).toMatchObject({ kind: 'waiting', browser: 'opened' });
  });

  it('sends no code challenge when the config has a client secret', async () => {
    const { flow } = await startFlow(configFor('secret'));
    flow.authorize();
    const url = waitingUrl(flow);
    expect(url.searchParams.get('client_id')).toBe(CLIENTS.secret.clientId);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(url.searchParams.has('code_challenge')).toBe(false);
    expect(url.searchParams.has('code_challenge_method')).toBe(false);
    expect(url.toString()).not.toContain(SECRET);
    expect(flow.info.flow).toBe('secret');
  });

  it('marks the browser failed when it cannot be opened, and still completes from a manual callback', async () => {
    const { flow, browser } = await startFlow(configFor('pkce'));
    browser.failWith = new PytifyError('BROWSER_FAILED', 'no browser here');
    flow.authorize();
    await settle();
    expect(flow.state).toMatchObject({ kind: 'waiting', browser: 'failed' });
    const page = await browser.follow(waitingUrl(flow).toString(), 'approve');
    expect(page.status).toBe(200);
    expect(flow.state.kind).toBe('authorized');
  });

  it('skips the browser when openBrowser is false, and completes from a manual callback', async () => {
    const { flow, browser } = await startFlow(configFor('pkce', { openBrowser: false }));
    flow.authorize();
    await settle();
    expect(flow.state).toMatchObject({ kind: 'waiting', browser: 'skipped' });
    expect(browser.opened).toEqual([]);
    const page = await browser.follow(waitingUrl(flow).toString(), 'approve');
    expect(page.status).toBe(200);
    expect(flow.state.kind).toBe('authorized');
  });
});

describe.each<Style>(['pkce', 'secret'])('approval with a %s client', (style) => {
  it('exchanges, verifies, saves exactly the refresh token with mode 0600, and shows the account', async () => {
    const config = configFor(style);
    const { flow, browser, states, clock } = await startFlow(config);
    const before = spotify.tokenRequests.length;
    browser.autoFollow = 'approve';
    flow.authorize();
    expect(browser.visits).toHaveLength(1);
    const page = await browser.visits[0]!;

    expect(page.status).toBe(200);
    expect(page.html).toContain('Spotify account connected');
    expect(page.html).toContain(USER.displayName);
    expect(page.html).toContain(USER.id);
    expect(new URL(page.url).port).toBe(String(portOf(flow.info.redirectUri)));

    expect(kinds(states)).toEqual(['ready', 'waiting', 'waiting', 'exchanging', 'verifying', 'authorized']);
    expect(states[2]).toMatchObject({ kind: 'waiting', browser: 'opened' });
    expect(flow.state).toEqual({ kind: 'authorized', account: USER, tokenFile: config.tokenFile });
    expect(flow.info.tokenSaved).toBe(true);
    expect(clock.pending).toEqual([]);

    expect(spotify.tokenRequests.slice(before)).toEqual([
      { grantType: 'authorization_code', clientAuth: style === 'secret' ? 'basic' : 'pkce', status: 200 },
    ]);
    const saved = await readFile(config.tokenFile, 'utf8');
    expect(saved).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await stat(config.tokenFile)).mode & 0o777).toBe(0o600);
    expect(await refreshWorks(config, saved)).toBe(true);
  });
});

describe('callbacks that must not complete the login', () => {
  it('answers a wrong or missing state with 400, keeps waiting, and then accepts the real callback', async () => {
    const { flow, browser, states } = await startFlow(configFor('pkce'));
    flow.authorize();
    const callback = await decide(waitingUrl(flow).toString(), 'approve');
    const before = spotify.tokenRequests.length;

    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state-from-elsewhere');
    const stateless = new URL(callback);
    stateless.searchParams.delete('state');
    const empty = new URL(callback);
    empty.searchParams.set('state', '');
    for (const url of [forged, stateless, empty]) {
      const page = await browser.visit(url.toString());
      expect(page.status).toBe(400);
      expect(page.html).toContain('not from the current authorization');
      expect(flow.state.kind).toBe('waiting');
    }
    expect(spotify.tokenRequests.length).toBe(before);

    const page = await browser.visit(callback.toString());
    expect(page.status).toBe(200);
    expect(page.html).toContain(USER.displayName);
    expect(flow.state.kind).toBe('authorized');
    expect(kinds(states).filter((kind) => kind === 'exchanging')).toHaveLength(1);
  });

  it('answers a replayed callback after success with already-completed and exchanges nothing', async () => {
    const { flow, browser } = await startFlow(configFor('pkce'));
    flow.authorize();
    const first = await browser.follow(waitingUrl(flow).toString(), 'approve');
    expect(first.status).toBe(200);
    const count = spotify.tokenRequests.length;
    const saved = await readFile(join(dir, '.pytify'));

    const replay = await browser.visit(first.url);
    expect(replay.status).toBe(200);
    expect(replay.html).toContain('Authorization already completed');
    expect(spotify.tokenRequests.length).toBe(count);
    expect(flow.state.kind).toBe('authorized');
    expect(await readFile(join(dir, '.pytify'))).toEqual(saved);
  });

  it('answers a second callback that arrives during the exchange with already-completed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { flow, browser } = await startFlow(configFor('pkce'), (client) => ({
      ...client,
      exchangeCode: async (request) => {
        await gate;
        return client.exchangeCode(request);
      },
    }));
    const exchanging = new Promise<void>((resolve) =>
      flow.subscribe((state) => state.kind === 'exchanging' && resolve()),
    );
    flow.authorize();
    const callback = (await decide(waitingUrl(flow).toString(), 'approve')).toString();
    const before = spotify.tokenRequests.length;
    const first = browser.visit(callback);
    await exchanging;

    const second = await browser.visit(callback);
    expect(second.status).toBe(200);
    expect(second.html).toContain('Authorization already completed');
    release();
    expect((await first).status).toBe(200);
    expect(flow.state.kind).toBe('authorized');
    expect(spotify.tokenRequests.length).toBe(before + 1);
  });

  it('times out when the timer fires; a late callback gets the expired page and no exchange happens', async () => {
    const config = configFor('pkce');
    const { flow, browser, clock } = await startFlow(config);
    flow.authorize();
    const url = waitingUrl(flow).toString();
    clock.fireAll();
    expect(flow.state).toEqual({ kind: 'timed-out' });

    const before = spotify.tokenRequests.length;
    const late = await browser.follow(url, 'approve');
    expect(late.status).toBe(410);
    expect(late.html).toContain('This authorization attempt has ended');
    expect(spotify.tokenRequests.length).toBe(before);
    expect(flow.state).toEqual({ kind: 'timed-out' });
    expect(await fileExists(config.tokenFile)).toBe(false);
  });
});

describe('decline and retry', () => {
  it('reports declined, then a retry uses a fresh state and completes', async () => {
    const { flow, browser, clock, states } = await startFlow(configFor('pkce'));
    flow.authorize();
    const firstUrl = waitingUrl(flow);
    const denied = await browser.follow(firstUrl.toString(), 'deny');
    expect(denied.status).toBe(200);
    expect(denied.html).toContain('Authorization declined');
    expect(flow.state).toEqual({ kind: 'declined' });
    expect(clock.pending).toEqual([]);

    flow.authorize();
    const secondUrl = waitingUrl(flow);
    const firstState = firstUrl.searchParams.get('state');
    expect(secondUrl.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(secondUrl.searchParams.get('state')).not.toBe(firstState);
    expect(secondUrl.searchParams.get('code_challenge')).not.toBe(firstUrl.searchParams.get('code_challenge'));
    expect(browser.opened).toEqual([firstUrl.toString(), secondUrl.toString()]);

    // The first attempt's link is over: its state no longer matches anything.
    const stale = await browser.visit(denied.url);
    expect(stale.status).toBe(400);
    expect(flow.state.kind).toBe('waiting');

    const approved = await browser.follow(secondUrl.toString(), 'approve');
    expect(approved.status).toBe(200);
    expect(flow.state.kind).toBe('authorized');
    expect(kinds(states)).toContain('declined');
  });
});

describe('token errors', () => {
  it('reports TOKEN_ENDPOINT_ERROR when the exchange keeps failing with 500 and leaves the existing token file untouched', async () => {
    const config = configFor('pkce');
    await writeFile(config.tokenFile, 'old-token', { mode: 0o600 });
    const original = await readFile(config.tokenFile);
    const { flow, browser } = await startFlow(config);
    expect(flow.info.tokenSaved).toBe(true);
    flow.authorize();
    const fault = {
      kind: 'status',
      status: 500,
      body: '{"error":"server_error","error_description":"Server error"}',
    } as const;
    spotify.failNextTokenRequests(fault); // the exchange is sent once: one answer is all it gets
    const page = await browser.follow(waitingUrl(flow).toString(), 'approve');

    expect(page.status).toBe(500);
    expect(page.html).toContain('Authorization failed');
    expect(flow.state).toMatchObject({ kind: 'token-error', error: { code: 'TOKEN_ENDPOINT_ERROR' } });
    expect(await readFile(config.tokenFile)).toEqual(original);

    // Temporary: Enter starts again, and this time it completes.
    flow.authorize();
    const retry = await browser.follow(waitingUrl(flow).toString(), 'approve');
    expect(retry.status).toBe(200);
    expect(flow.state.kind).toBe('authorized');
    expect(await readFile(config.tokenFile, 'utf8')).not.toBe('old-token');
  });

  it('sends the exchange once on a 503 (a code is single-use), shows that error, and completes on Enter', async () => {
    const sleeps: number[] = [];
    const { flow, browser } = await startFlow(configFor('pkce'), undefined, { log: recordWaits(sleeps) });
    flow.authorize();
    spotify.failNextTokenRequests({ kind: 'status', status: 503, body: 'upstream unavailable' });
    const before = spotify.tokenRequests.length;
    const page = await browser.follow(waitingUrl(flow).toString(), 'approve');
    expect(page.status).toBe(500);
    expect(spotify.tokenRequests.slice(before).map((request) => request.status)).toEqual([503]);
    expect(flow.state).toMatchObject({
      kind: 'token-error',
      error: {
        code: 'TOKEN_ENDPOINT_ERROR',
        status: 503,
        message: 'The token endpoint answered HTTP 503: upstream unavailable',
      },
    });
    expect(sleeps).toEqual([]);
    flow.authorize(); // Enter: a fresh attempt, a new code
    expect((await browser.follow(waitingUrl(flow).toString(), 'approve')).status).toBe(200);
    expect(flow.state.kind).toBe('authorized');
  });

  it('does not retry what a retry cannot fix (invalid_client)', async () => {
    const sleeps: number[] = [];
    const config = configFor('secret', { clientId: CLIENTS.rotated.clientId });
    const { flow, browser } = await startFlow(config, undefined, { log: recordWaits(sleeps) });
    flow.authorize();
    await browser.follow(waitingUrl(flow).toString(), 'approve');
    expect(flow.state).toMatchObject({ kind: 'token-error', error: { code: 'INVALID_CLIENT' } });
    expect(sleeps).toEqual([]);
  });

  it('reports INVALID_CLIENT when the configured secret is not the registered one', async () => {
    const config = configFor('secret', { clientId: CLIENTS.rotated.clientId });
    const { flow, browser } = await startFlow(config);
    flow.authorize();
    const page = await browser.follow(waitingUrl(flow).toString(), 'approve');
    expect(page.status).toBe(500);
    expect(page.html).not.toContain(SECRET);
    expect(flow.state).toMatchObject({ kind: 'token-error', error: { code: 'INVALID_CLIENT' } });
    if (flow.state.kind === 'token-error') expect(flow.state.error.message).not.toContain(SECRET);
    expect(await fileExists(config.tokenFile)).toBe(false);
  });
});

describe('paste-back: the browser is on another machine', () => {
  async function approvedCallbackUrl(flow: LoginFlow): Promise<URL> {
    // What the remote browser ends on: the accounts service's redirect, not followed.
    return decide(waitingUrl(flow).toString(), 'approve');
  }

  it('completes from the pasted callback URL exactly as a real callback would', async () => {
    const harness = await startFlow(configFor('pkce', { openBrowser: false }));
    harness.flow.authorize();
    const pasted = await approvedCallbackUrl(harness.flow);
    expect(await harness.flow.submitPasted(`  ${pasted.toString()}  `)).toEqual({ accepted: true });
    expect(harness.flow.state.kind).toBe('authorized');
    expect(await refreshWorks(harness.config, await readFile(harness.config.tokenFile, 'utf8'))).toBe(true);
  });

  it('completes from the bare code', async () => {
    const harness = await startFlow(configFor('secret', { openBrowser: false }));
    harness.flow.authorize();
    const code = (await approvedCallbackUrl(harness.flow)).searchParams.get('code')!;
    expect(await harness.flow.submitPasted(code)).toEqual({ accepted: true });
    expect(harness.flow.state.kind).toBe('authorized');
  });

  it('refuses a URL from another attempt and keeps waiting', async () => {
    const harness = await startFlow(configFor('pkce', { openBrowser: false }));
    harness.flow.authorize();
    const old = await approvedCallbackUrl(harness.flow);
    old.searchParams.set('state', 'forged-state');
    const before = spotify.tokenRequests.length;
    const result = await harness.flow.submitPasted(old.toString());
    expect(result).toEqual({ accepted: false, reason: expect.stringContaining('another attempt') });
    expect(harness.flow.state.kind).toBe('waiting');
    expect(spotify.tokenRequests.length).toBe(before);
  });

  it.each([
    ['an empty line', '   ', 'Paste the whole URL'],
    ['a URL without a code', 'http://127.0.0.1:3000/callback?state=x', 'has no code'],
    ['text that is neither', 'not a code!', 'neither a URL nor a code'],
  ])('refuses %s with a reason', async (_name, text, reason) => {
    const harness = await startFlow(configFor('pkce', { openBrowser: false }));
    harness.flow.authorize();
    const before = spotify.tokenRequests.length;
    expect(await harness.flow.submitPasted(text)).toEqual({ accepted: false, reason: expect.stringContaining(reason) });
    expect(harness.flow.state.kind).toBe('waiting');
    expect(spotify.tokenRequests.length).toBe(before);
  });

  it('says nothing is waiting before Enter was pressed', async () => {
    const harness = await startFlow(configFor('pkce', { openBrowser: false }));
    expect(await harness.flow.submitPasted('some-code')).toEqual({
      accepted: false,
      reason: expect.stringContaining('No authorization is waiting'),
    });
  });

  it('takes a pasted refusal as declined', async () => {
    const harness = await startFlow(configFor('pkce', { openBrowser: false }));
    harness.flow.authorize();
    const denied = await decide(waitingUrl(harness.flow).toString(), 'deny');
    expect(await harness.flow.submitPasted(denied.toString())).toEqual({ accepted: true });
    expect(harness.flow.state.kind).toBe('declined');
  });
});

describe('where we run', () => {
  it('does not open a browser over SSH, and gives the exact ssh -L command for the real port', async () => {
    const harness = await startFlow(configFor('pkce'), undefined, {
      environment: { kind: 'ssh', serverAddress: '192.0.2.7', user: 'ada' },
    });
    harness.flow.authorize();
    await settle();
    expect(harness.browser.opened).toEqual([]);
    expect(harness.flow.state).toMatchObject({ kind: 'waiting', browser: 'skipped' });
    const port = portOf(harness.flow.info.redirectUri);
    expect(harness.flow.info).toMatchObject({
      environment: 'ssh',
      browserSkipReason: 'environment',
      sshCommand: `ssh -L ${port}:127.0.0.1:${port} ada@192.0.2.7`,
    });
  });

  it("in the demo over SSH, one ssh -L also forwards the demo Spotify's port, and no id warning", async () => {
    const harness = await startFlow(configFor('pkce'), undefined, {
      environment: { kind: 'ssh', serverAddress: '192.0.2.7', user: 'ada' },
      demo: { host: '127.0.0.1', port: 40123 },
    });
    const port = portOf(harness.flow.info.redirectUri);
    expect(harness.flow.info.sshCommand).toBe(
      `ssh -L ${port}:127.0.0.1:${port} -L 40123:127.0.0.1:40123 ada@192.0.2.7`,
    );
    expect(harness.flow.info).toMatchObject({ demo: { port: 40123 }, placeholderClientId: false });
  });

  it('warns about an example-looking client id outside the demo', async () => {
    const harness = await startFlow({ ...configFor('pkce'), clientId: '0123456789abcdef0123456789abcdef' });
    expect(harness.flow.info.placeholderClientId).toBe(true);
  });

  it.each(['wsl', 'container', 'no-display'] as const)(
    'does not open a browser in %s unless $BROWSER names one',
    async (kind) => {
      const plain = await startFlow(configFor('pkce'), undefined, { environment: { kind } });
      plain.flow.authorize();
      await settle();
      expect(plain.browser.opened).toEqual([]);
      expect(plain.flow.info.browserSkipReason).toBe('environment');

      const named = new FollowingBrowser();
      Object.assign(named, { explicit: true });
      const withBrowser = await startFlow(configFor('pkce'), undefined, { environment: { kind }, browser: named });
      withBrowser.flow.authorize();
      await settle();
      expect(named.opened).toHaveLength(1);
    },
  );
});
