import { afterEach, describe, expect, it } from '@jest/globals';
import { render } from 'ink-testing-library';
import { randomBytes } from 'node:crypto';
import type { Config } from '../src/config/types.js';
import { startCallbackServer } from '../src/listener/callback-server.js';
import { LoginFlow } from '../src/login/flow.js';
import type { LoginState } from '../src/login/state.js';
import { codeChallengeS256 } from '../src/oauth/pkce.js';
import type { TokenClient, TokenGrant } from '../src/token/token-client.js';
import type { TokenStore } from '../src/token/token-store.js';
import { App } from '../src/tui/App.js';
import { FollowingBrowser } from './helpers/following-browser.js';
import { frameMatching, listening, until } from './helpers/ink-frames.js';
import { ManualClock } from './helpers/manual-clock.js';

// The login's stateful container with Ink's test renderer: keys in through stdin, a real flow on
// a real loopback listener behind it, and small fakes for the token service and the token file.
const ENTER = '\r';
const LINE_FEED = '\n';
const ESC = '\u001B';
const BACKSPACE = '\u007F';
const READY = /Press Enter to authorize/;
const WAITING = /Waiting for you to approve/;

const USER = { displayName: 'Key Tester', id: 'key-tester' };
const GRANT: TokenGrant = {
  accessToken: 'access-from-the-fake',
  tokenType: 'Bearer',
  scopes: ['user-read-private'],
  expiresInSeconds: 3600,
  refreshToken: 'refresh-from-the-fake',
};
const CONFIG: Config = {
  clientId: 'keys0123456789abcdef0123456789ab',
  redirectUri: 'http://127.0.0.1/callback',
  scopes: ['user-read-private'],
  tokenFile: '/home/me/.pytify',
  // Only shown and handed to the fake browser: nothing here is ever fetched.
  authUrl: 'https://accounts.example.invalid/authorize',
  tokenUrl: 'https://accounts.example.invalid/api/token',
  apiUrl: 'https://api.example.invalid/v1',
  timeoutSeconds: 300,
  showDialog: false,
  openBrowser: true,
};

/** The token service as the flow sees it: grants one fixed token and records what it was asked. */
class FakeTokenClient implements TokenClient {
  readonly exchanges: Array<{ code: string; redirectUri: string; codeVerifier?: string }> = [];
  async exchangeCode(request: { code: string; redirectUri: string; codeVerifier?: string }): Promise<TokenGrant> {
    this.exchanges.push(request);
    return GRANT;
  }
  async refresh(): Promise<TokenGrant> {
    throw new Error('a login never refreshes');
  }
  async fetchProfile(accessToken: string) {
    if (accessToken !== GRANT.accessToken) throw new Error('profile asked with another access token');
    return USER;
  }
}

class MemoryTokenStore implements TokenStore {
  readonly path = CONFIG.tokenFile;
  readonly saved: string[] = [];
  async read() {
    return this.saved.at(-1);
  }
  async save(refreshToken: string) {
    this.saved.push(refreshToken);
  }
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** The App on the ready screen, listening for keys. */
async function mount() {
  const browser = new FollowingBrowser();
  const tokenClient = new FakeTokenClient();
  const tokenStore = new MemoryTokenStore();
  const clock = new ManualClock();
  const flow = new LoginFlow({
    config: CONFIG,
    listen: startCallbackServer,
    browser,
    tokenClient,
    tokenStore,
    clock,
    random: (size) => randomBytes(size),
  });
  cleanups.push(() => flow.close());
  await flow.start();
  const exits: LoginState[] = [];
  const app = render(
    <App
      flow={flow}
      warnings={[]}
      now={() => clock.now()}
      animate={false}
      hyperlinks={false}
      onExit={(state) => exits.push(state)}
    />,
  );
  cleanups.push(() => app.unmount());
  await frameMatching(app.lastFrame, READY);
  await listening(app.stdin);
  const frame = (pattern: RegExp) => frameMatching(app.lastFrame, pattern);
  const exited = () =>
    until(
      () => (exits.length > 0 ? exits : undefined),
      () => 'onExit was never called',
    );
  return { app, flow, browser, tokenClient, tokenStore, clock, exits, frame, exited, press: app.stdin.write };
}

/** Enter on the ready screen, then the attempt the waiting screen shows. */
async function startAttempt(app: Awaited<ReturnType<typeof mount>>) {
  app.press(ENTER);
  const frame = await app.frame(WAITING);
  const state = app.flow.state;
  if (state.kind !== 'waiting') throw new Error(`expected waiting, got ${state.kind}`);
  return { frame, url: state.url };
}

/** The paste line holding exactly `text` (the cursor after it is a space Ink may trim). */
const pasteLine = (text: string) =>
  new RegExp(`^›${text ? ` ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` : ''} ?$`, 'm');

describe('the login screen, driven by keys', () => {
  it('Enter on the ready screen starts an attempt: the waiting screen shows its URL, the browser gets it', async () => {
    const app = await mount();
    expect(app.app.lastFrame()).not.toContain('Authorization URL');
    const { frame, url } = await startAttempt(app);
    expect(frame).toContain('Authorization URL');
    // In the live frame, hard-wrapped at the width: its rows joined give it whole.
    expect(frame.replace(/\n/g, '')).toContain(url);
    expect(url.startsWith(`${CONFIG.authUrl}?`)).toBe(true);
    expect(new URL(url).searchParams.get('redirect_uri')).toBe(app.flow.info.redirectUri);
    expect(app.browser.opened).toEqual([url]);
    expect(app.exits).toEqual([]);
  });

  it('a line feed counts as Enter on the ready screen', async () => {
    const app = await mount();
    app.press(LINE_FEED);
    const frame = await app.frame(WAITING);
    expect(app.flow.state.kind).toBe('waiting');
    expect(app.browser.opened).toHaveLength(1);
    expect(frame.replace(/\n/g, '')).toContain(app.browser.opened[0]);
  });

  it('q quits from the ready screen: onExit gets the ready state, no attempt starts', async () => {
    const app = await mount();
    app.press('q');
    expect(await app.exited()).toEqual([{ kind: 'ready' }]);
    expect(app.flow.state).toEqual({ kind: 'ready' });
    expect(app.browser.opened).toEqual([]);
  });

  it('q on the launch screen ends on a frame that says what happened and offers no keys', async () => {
    const app = await mount();
    app.press('q');
    await app.exited();
    const last = await app.frame(/Quit before authorizing/);
    expect(last).toContain('Quit before authorizing: nothing was authorized.');
    expect(last).toContain('Nothing was saved.');
    expect(last).not.toMatch(/Press Enter|q to quit/);
  });

  it('Esc while waiting ends on a frame without the countdown or the URL, saying nothing was saved', async () => {
    const app = await mount();
    const { url } = await startAttempt(app);
    app.press(ESC);
    await app.exited();
    const last = await app.frame(/Quit while waiting for the browser: nothing was authorized\./);
    expect(last).toContain('Nothing was saved.');
    expect(last).not.toMatch(/left\)|Esc to quit|Enter to submit/);
    expect(last.replace(/\n/g, '')).not.toContain(url);
  });

  it("after a timeout and Enter, only the new attempt's URL is on the screen", async () => {
    const app = await mount();
    const first = await startAttempt(app);
    app.clock.fireAll();
    const timedOut = await app.frame(/Timed out waiting for the browser/);
    expect(timedOut.replace(/\n/g, '')).not.toContain(first.url);
    app.press(ENTER);
    await app.frame(WAITING);
    const state = app.flow.state;
    if (state.kind !== 'waiting') throw new Error(`expected waiting, got ${state.kind}`);
    const joined = (app.app.lastFrame() ?? '').replace(/\n/g, '');
    expect(state.url).not.toBe(first.url);
    expect(joined.split(state.url)).toHaveLength(2);
    expect(joined).not.toContain(first.url);
  });

  it('typing on the waiting screen goes to the paste line (q too), and Backspace removes the last character', async () => {
    const app = await mount();
    await startAttempt(app);
    for (const key of ['q', 'x', 'y']) app.press(key);
    await app.frame(pasteLine('qxy'));
    app.press(BACKSPACE);
    await app.frame(pasteLine('qx'));
    expect(app.flow.state.kind).toBe('waiting');
    expect(app.exits).toEqual([]);
  });

  it('several DELs in one read (key repeat, a fast typist) each erase a character', async () => {
    const app = await mount();
    await startAttempt(app);
    app.press('hello-world');
    await app.frame(pasteLine('hello-world'));
    app.press(BACKSPACE.repeat(3));
    await app.frame(pasteLine('hello-wo'));
    app.press(`${BACKSPACE}${BACKSPACE}x`);
    await app.frame(pasteLine('hello-x'));
  });

  it('a pasted redirect URL and Enter: another attempt is refused with feedback, this one completes', async () => {
    const app = await mount();
    const { url } = await startAttempt(app);
    const callback = app.flow.info.redirectUri;
    const state = new URL(url).searchParams.get('state')!;

    app.press(`${callback}?code=pasted-code&state=another-attempt`);
    await app.frame(/state=another-attempt ?$/m);
    app.press(ENTER);
    const refused = await app.frame(/belongs to another attempt/);
    expect(refused).toMatch(pasteLine(''));
    expect(app.flow.state.kind).toBe('waiting');
    expect(app.tokenClient.exchanges).toEqual([]);

    app.press(`${callback}?code=pasted-code&state=${state}`);
    await app.frame(pasteLine(`…${`${callback}?code=pasted-code&state=${state}`.slice(-59)}`));
    app.press(ENTER);
    await app.frame(/Authorized as Key Tester \(key-tester\)/);
    expect(app.tokenClient.exchanges).toEqual([
      { code: 'pasted-code', redirectUri: callback, codeVerifier: expect.any(String) },
    ]);
    // The verifier sent is the one behind this attempt's challenge.
    const verifier = app.tokenClient.exchanges[0]!.codeVerifier!;
    expect(codeChallengeS256(verifier)).toBe(new URL(url).searchParams.get('code_challenge'));
    expect(app.tokenStore.saved).toEqual([GRANT.refreshToken]);
    expect(await app.exited()).toEqual([{ kind: 'authorized', account: USER, tokenFile: CONFIG.tokenFile }]);
  });

  it('Esc quits while waiting: onExit gets the waiting state, nothing is exchanged', async () => {
    const app = await mount();
    const { url } = await startAttempt(app);
    app.press('ab');
    await app.frame(pasteLine('ab'));
    app.press(ESC);
    const [exit] = await app.exited();
    expect(exit).toMatchObject({ kind: 'waiting', url });
    expect(app.tokenClient.exchanges).toEqual([]);
  });
});
