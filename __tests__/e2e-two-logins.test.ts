import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { createTokenClient } from '../src/token/token-client.js';
import { CLI, CLIENT_ID, FAKE_BROWSER, browserVisits, runPlain, tempDir, writeConfig } from './helpers/e2e.js';
import { deadPort } from './helpers/free-port.js';

// Two `pytify-auth` logins at once, from the built binary: on one fixed port (the second must
// say the port is taken and leave the first alone), and on free ports into two token files or
// into the same one (which must end up holding one whole token, never a mix).

let spotify: FakeSpotify;
/** Every 48-byte id the fake handed out: access and refresh tokens. */
const issued = new Set<string>();
beforeAll(async () => {
  spotify = await startFakeSpotify({
    clients: [{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }],
    user: { displayName: 'Test Listener', id: 'test-listener' },
    random: (size) => {
      const bytes = randomBytes(size);
      if (size === 48) issued.add(bytes.toString('base64url'));
      return bytes;
    },
  });
});
afterAll(() => spotify.close());

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function configuredDir(): Promise<string> {
  const dir = await tempDir('pytify-two-');
  dirs.push(dir);
  await writeConfig(dir, spotify);
  return dir;
}

const baseEnv = (dir: string) => ({ PATH: process.env.PATH ?? '', HOME: dir });

/** A refresh token the fake accepts once more: the proof that the file holds a real, whole one. */
async function refreshes(token: string): Promise<boolean> {
  const client = createTokenClient({ tokenUrl: spotify.tokenUrl, apiUrl: spotify.apiUrl, clientId: CLIENT_ID });
  return client.refresh(token).then(
    () => true,
    () => false,
  );
}

/** The saved token, checked to be one whole token the fake issued, alone in a private file. */
async function savedToken(file: string): Promise<string> {
  const token = await readFile(file, 'utf8');
  expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
  expect(issued.has(token)).toBe(true);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  return token;
}

/** Starts the built binary with output piped; `line(predicate)` waits for a matching line. */
function startLogin(args: string[], dir: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: { ...baseEnv(dir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((waiter) => waiter());
  child.stdout!.on('data', (chunk) => ((stdout += chunk), wake()));
  child.stderr!.on('data', (chunk) => ((stderr += chunk), wake()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => (wake(), resolve(code))));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    async stdoutLine(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = stdout.split('\n').find((line) => pattern.test(line));
        if (found) return found;
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`no line matching ${pattern}; stdout ${stdout}; stderr ${stderr}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
  };
}

describe('two pytify-auth logins at once', () => {
  it('on one fixed port: the second exits 3 naming the port, and the first still completes', async () => {
    const dir = await configuredDir();
    const port = await deadPort();
    const firstFile = join(dir, 'first.pytify');
    const secondFile = join(dir, 'second.pytify');
    // The first waits with its URL on stdout; the browser is run only once the second has given up.
    const first = startLogin(
      ['--port', String(port), '--no-browser', '--timeout', '60', '--token-file', firstFile],
      dir,
    );
    const url = new URL(await first.stdoutLine(/^https?:\/\//));
    expect(url.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/callback`);

    const second = await runPlain(
      ['--port', String(port), '--no-browser', '--timeout', '60', '--token-file', secondFile],
      { cwd: dir },
    );
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`Port ${port}`);
    expect(second.stderr).toContain('already in use');
    expect(existsSync(secondFile)).toBe(false);
    expect(first.child.exitCode).toBeNull();

    const log = join(dir, 'browser.log');
    const browser = spawn(FAKE_BROWSER, [url.toString()], {
      env: { ...baseEnv(dir), FAKE_BROWSER_LOG: log },
      stdio: 'ignore',
    });
    children.push(browser);
    expect(await first.exited).toBe(0);
    expect(first.output().stderr).toContain('Authorized as Test Listener (test-listener)');
    const token = await savedToken(firstFile);
    expect(await refreshes(token)).toBe(true);
    expect(await browserVisits(log, 1)).toMatchObject([{ callbackStatus: 200 }]);
  });

  it('with --port 0: both complete on their own ports into their own token files', async () => {
    const dir = await configuredDir();
    const env = { BROWSER: FAKE_BROWSER, FAKE_BROWSER_LOG: join(dir, 'browser.log') };
    const files = [join(dir, 'a.pytify'), join(dir, 'b.pytify')];
    const results = await Promise.all(
      files.map((file) => runPlain(['--port', '0', '--timeout', '60', '--token-file', file], { cwd: dir, env })),
    );

    expect(results.map((result) => result.code)).toEqual([0, 0]);
    const ports = results.map(
      (result) => /Listening for the callback on http:\/\/127\.0\.0\.1:(\d+)\/callback/.exec(result.stderr)?.[1],
    );
    expect(ports[0]).toBeDefined();
    expect(ports[1]).toBeDefined();
    expect(ports[0]).not.toBe(ports[1]);
    const tokens = [await savedToken(files[0]!), await savedToken(files[1]!)];
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(await refreshes(tokens[0]!)).toBe(true);
    expect(await refreshes(tokens[1]!)).toBe(true);
    expect((await browserVisits(env.FAKE_BROWSER_LOG, 2)).map((entry) => entry.callbackStatus)).toEqual([200, 200]);
  });

  it('with --port 0 into the same token file: the file ends holding one whole token of the two', async () => {
    const dir = await configuredDir();
    const env = { BROWSER: FAKE_BROWSER, FAKE_BROWSER_LOG: join(dir, 'browser.log') };
    const file = join(dir, 'shared.pytify');
    const results = await Promise.all(
      [0, 1].map(() => runPlain(['--port', '0', '--timeout', '60', '--token-file', file], { cwd: dir, env })),
    );

    expect(results.map((result) => result.code)).toEqual([0, 0]);
    await browserVisits(env.FAKE_BROWSER_LOG, 2); // both browsers are done writing their log
    const token = await savedToken(file);
    expect(await refreshes(token)).toBe(true);
    // Nothing else is left next to it: no temporary file, no lock, no second token; only the
    // record that goes with the token, private too.
    expect((await readdir(dir)).sort()).toEqual(['.spotifyrc', 'browser.log', 'shared.pytify', 'shared.pytify.json']);
    expect((await stat(join(dir, 'shared.pytify.json'))).mode & 0o777).toBe(0o600);
  });
});
