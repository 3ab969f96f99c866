import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { decide } from './helpers/authorize-code.js';
import { CLI, FAKE_BROWSER, runPlain, startSpotify, tempDir, writeConfig, type Finished } from './helpers/e2e.js';
import { holdPort } from './helpers/free-port.js';
import { sessionsKilledAfterEach, TmuxSession } from './helpers/tmux.js';

// Issue 3's paths, each from the built binary: paste-back, no TTY, busy and free ports, IPv6, SSH.
let spotify: FakeSpotify;
const sessions = sessionsKilledAfterEach();
beforeAll(async () => {
  spotify = await startSpotify({ redirectUris: ['http://127.0.0.1/callback', 'http://[::1]/callback'] });
});
afterAll(() => spotify.close());

function launch(dir: string, args: string[], env: Record<string, string> = {}): TmuxSession {
  const session = new TmuxSession(dir, ['node', CLI, ...args], { env: { HOME: dir, ...env } });
  sessions.push(session);
  return session;
}

/** The state of the authorize URL on the screen, its wrapped rows joined. */
const stateOf = (screen: string) => /&state=([\w-]{22})&/.exec(screen.replace(/\n/g, ''))?.[1];

describe('paste-back in a terminal', () => {
  it('completes when the URL the browser ended on is pasted (--no-browser)', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const session = launch(dir, ['--no-browser']);
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    expect(await session.waitForText('Paste the URL')).toContain('Not opening a browser (--no-browser)');
    // The live screen wraps the URL at the width; Ctrl-P prints it alone on one line.
    session.sendKeys('C-p');
    const printed = (text: string) =>
      text.split('\n').find((line) => line.startsWith(spotify.authUrl) && /code_challenge=[\w-]{43}/.test(line));
    const screen = await session.waitFor((text) => printed(text) !== undefined, 'the printed URL');
    // The browser on "another machine": consent, then read where it was sent without going there.
    const landing = await decide(printed(screen)!, 'approve');
    session.sendKeys('-l', landing.toString());
    session.sendKeys('Enter');
    await session.waitForText('Authorized as Test Listener (test-listener)');
    expect(await session.exitCode()).toBe(0);
    expect((await readFile(join(dir, '.pytify'), 'utf8')).length).toBeGreaterThan(20);
  });

  it('over SSH opens no browser and shows the ssh -L command for the real port', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const session = launch(dir, [], { SSH_CONNECTION: '10.0.0.5 50000 192.0.2.7 22', USER: 'ada' });
    const ready = await session.waitForText('Press Enter to authorize');
    const port = /http:\/\/127\.0\.0\.1:(\d+)\/callback/.exec(ready)?.[1];
    session.sendKeys('Enter');
    const screen = await session.waitForText('Connected over SSH');
    expect(screen).toContain(`ssh -L ${port}:127.0.0.1:${port} ada@192.0.2.7`);
    session.sendKeys('Escape');
    expect(await session.exitCode()).toBe(1);
  });

  it('after a timeout, Enter starts again with a fresh URL', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const session = launch(dir, ['--no-browser', '--timeout', '1']);
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    const first = stateOf(
      await session.waitFor((text) => text.includes('Paste the URL') && stateOf(text) !== undefined, 'the first URL'),
    );
    await session.waitForText('Timed out waiting for the browser');
    session.sendKeys('Enter');
    const again = await session.waitFor(
      (text) => text.includes('Paste the URL') && stateOf(text) !== undefined && stateOf(text) !== first,
      'a second URL',
    );
    // Only the current URL is on the screen: the expired one is not left above it.
    expect(first).toBeDefined();
    expect(again.replace(/\n/g, '')).not.toContain(`state=${first}`);
    expect(again.replace(/\n/g, '').split(spotify.authUrl)).toHaveLength(2);
    session.sendKeys('Escape');
    expect(await session.exitCode()).toBe(1);
  });
});

describe('stopping from outside', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s closes the listener, restores the terminal and exits %d', async (signal, code) => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const session = launch(dir, ['--no-browser']);
    const ready = await session.waitForText('Press Enter to authorize');
    const port = Number(/http:\/\/127\.0\.0\.1:(\d+)\/callback/.exec(ready)?.[1]);
    session.sendKeys('Enter');
    await session.waitForText('Paste the URL');
    process.kill(session.programPid(), signal);
    expect(await session.exitCode()).toBe(code);
    // The port is free again: nothing answers there any more.
    await expect(fetch(`http://127.0.0.1:${port}/callback`)).rejects.toThrow();
    // The cursor Ink hid while painting is visible again.
    expect(session.tmux('display-message', '-p', '-t', session.name, '#{cursor_flag}').trim()).toBe('1');
  });
});

/** The binary with stdin as a pipe: the URL on stdout, the pasted line written back to stdin. */
function runWithPaste(dir: string, answer: (url: string) => Promise<string>): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--no-browser'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const url = stdout.split('\n').find((line) => line.startsWith('http'));
      if (url && !child.stdin.writableEnded) answer(url).then((line) => child.stdin.end(`${line}\n`), reject);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('without a terminal', () => {
  it('reads the pasted URL from a piped stdin', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const result = await runWithPaste(dir, async (url) => (await decide(url, 'approve')).toString());
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Authorized as Test Listener');
    expect(existsSync(join(dir, '.pytify'))).toBe(true);
  });

  it('reports a busy port with its holder and the way out, exit 3', async () => {
    const dir = await tempDir();
    const { server: holder, port } = await holdPort();
    try {
      await writeConfig(dir, spotify, { redirectUri: `http://127.0.0.1:${port}/callback` });
      const result = await runPlain([], { cwd: dir, env: { BROWSER: FAKE_BROWSER } });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use by `);
      expect(result.stderr).toContain(`(pid ${process.pid})`);
      expect(result.stderr).toContain('--port 0');
    } finally {
      holder.close();
    }
  });

  it('--port 0 takes a free port and sends it in the authorize and token requests', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify, { redirectUri: 'http://127.0.0.1:3000/callback' });
    const result = await runPlain(['--port', '0'], { cwd: dir, env: { BROWSER: FAKE_BROWSER } });
    expect(result.code).toBe(0);
    const redirect = new URL(new URL(result.stdout.trim()).searchParams.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(redirect.port).not.toBe('3000');
    expect(Number(redirect.port)).toBeGreaterThan(0);
  });

  it('works on the IPv6 loopback [::1]', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify, { redirectUri: 'http://[::1]/callback' });
    const result = await runPlain([], { cwd: dir, env: { BROWSER: FAKE_BROWSER } });
    expect(result.code).toBe(0);
    expect(new URL(result.stdout.trim()).searchParams.get('redirect_uri')).toMatch(/^http:\/\/\[::1\]:\d+\/callback$/);
    expect(result.stderr).toContain('Authorized as Test Listener');
  });
});
