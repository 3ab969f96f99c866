import { afterEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCallbackServer } from '../src/listener/callback-server.js';
import type { CallbackServerOptions } from '../src/listener/callback-server.js';
import { LoginFlow } from '../src/login/flow.js';
import type { LoginState } from '../src/login/state.js';
import { createAuthorizationStore } from '../src/token/authorization-store.js';
import { createTokenClient } from '../src/token/token-client.js';
import { ManualClock } from './helpers/manual-clock.js';

// A token folder that is missing at launch: found before anything listens or a browser opens.
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function flowFor(tokenFile: string) {
  const opened: string[] = [];
  let listens = 0;
  const config = {
    clientId: 'save-problem-app',
    redirectUri: 'http://127.0.0.1/callback',
    scopes: ['user-read-private'],
    tokenFile,
    // Nothing is sent in these tests: nothing listens here.
    authUrl: 'http://127.0.0.1:9/authorize',
    tokenUrl: 'http://127.0.0.1:9/api/token',
    apiUrl: 'http://127.0.0.1:9/v1',
    timeoutSeconds: 120,
    showDialog: false,
    openBrowser: true,
  };
  const flow = new LoginFlow({
    config,
    listen: (options: CallbackServerOptions) => (listens++, startCallbackServer(options)),
    browser: { explicit: true, open: async (url) => void opened.push(url) },
    tokenClient: createTokenClient({ ...config, timeoutMs: 1000 }),
    tokenStore: createAuthorizationStore(tokenFile, { clientId: config.clientId, scopes: config.scopes }),
    clock: new ManualClock(),
    random: (size) => randomBytes(size),
  });
  cleanups.push(() => flow.close());
  const states: LoginState[] = [];
  flow.subscribe((state) => states.push(state));
  return { flow, opened, states, listens: () => listens };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a token folder that does not exist', () => {
  it('stops the login at launch: nothing listens, no browser; Enter checks again and goes on once it exists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pytify-save-problem-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const folder = join(dir, 'missing');
    const { flow, opened, states, listens } = await flowFor(join(folder, '.pytify'));
    await flow.start();
    const problem = {
      kind: 'token-error',
      error: {
        code: 'TOKEN_STORE_ERROR',
        message: `The token file's folder ${folder} does not exist: create it, or choose another place with --token-file.`,
      },
    };
    expect(flow.state).toEqual(problem);
    expect(listens()).toBe(0);

    flow.authorize(); // Enter, folder still missing
    await settle();
    expect(flow.state).toEqual(problem);
    expect(listens()).toBe(0);
    expect(opened).toEqual([]);

    await mkdir(folder);
    flow.authorize(); // Enter again, now it exists
    await settle();
    expect(listens()).toBe(1);
    expect(flow.state.kind).toBe('waiting');
    expect(opened).toHaveLength(1);
    expect(states.map((state) => state.kind)).toEqual(['token-error', 'token-error', 'ready', 'waiting', 'waiting']);
  });
});
