import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';

const SCRIPT = fileURLToPath(new URL('./helpers/fake-browser.mjs', import.meta.url));
const VERIFIER = 'x'.repeat(50);
const CALLBACK_HTML = '<!doctype html><title>done</title><h1>Done</h1>';

interface LogEntry {
  authorizeStatus: number | null;
  location: string | null;
  callbackStatus: number | null;
  callbackHtml: string | null;
  error?: string;
}

/** The tool's listener stand-in: it answers only when the test releases it. */
interface Listener {
  server: Server;
  port: number;
  nextCallback(): Promise<{ url: URL; release: () => void }>;
}

async function startListener(): Promise<Listener> {
  const waiting: Array<(callback: { url: URL; release: () => void }) => void> = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const release = () => response.writeHead(200, { 'content-type': 'text/html' }).end(CALLBACK_HTML);
    waiting.shift()?.({ url, release });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    nextCallback: () => new Promise((resolve) => waiting.push(resolve)),
  };
}

let spotify: FakeSpotify;
let listener: Listener;
let dir: string;
beforeAll(async () => {
  spotify = await startFakeSpotify({ clients: [{ clientId: 'app', redirectUris: ['http://127.0.0.1/callback'] }] });
  listener = await startListener();
  dir = await mkdtemp(join(tmpdir(), 'fake-browser-'));
});
afterAll(async () => {
  await spotify.close();
  listener.server.closeAllConnections();
  await new Promise((resolve) => listener.server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

function authorizeUrl(redirectUri = `http://127.0.0.1:${listener.port}/callback`): string {
  const url = new URL(spotify.authUrl);
  url.search = new URLSearchParams({
    client_id: 'app',
    response_type: 'code',
    redirect_uri: redirectUri,
    state: 'the-state',
    code_challenge_method: 'S256',
    code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
  }).toString();
  return url.toString();
}

/** Runs the script as the tool would run $BROWSER: directly, through its shebang. */
function runBrowser(url: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    // Were the script to wait for the callback, this would hang until the timeout kills it.
    execFile(SCRIPT, [url], { env: { ...process.env, ...env }, timeout: 10_000 }, (error) =>
      error ? reject(error) : resolve(),
    );
  });
}

async function readLog(file: string): Promise<LogEntry[]> {
  for (let i = 0; i < 200; i++) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text.endsWith('\n'))
      return text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as LogEntry);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing was logged to ${file}`);
}

describe('fake-browser.mjs', () => {
  it('is an executable script', async () => {
    expect((await stat(SCRIPT)).mode & 0o111).not.toBe(0);
  });

  it('exits before the callback is answered, approves, and logs what the browser saw', async () => {
    const log = join(dir, 'approve.jsonl');
    const callback = listener.nextCallback();
    await runBrowser(authorizeUrl(), { FAKE_BROWSER_LOG: log });
    // The script has exited; the callback request is still open, as when the tool is exchanging.
    const { url, release } = await callback;
    expect(url.pathname).toBe('/callback');
    expect(url.searchParams.get('state')).toBe('the-state');
    const code = url.searchParams.get('code') ?? '';
    release();

    const [entry, ...more] = await readLog(log);
    expect(more).toHaveLength(0);
    expect(entry).toEqual({
      authorizeStatus: 200,
      location: expect.any(String),
      callbackStatus: 200,
      callbackHtml: CALLBACK_HTML,
    });
    expect(new URL(entry!.location!).searchParams.get('code')).toBe(code);

    // The code it carried is real: the token endpoint accepts it once.
    const exchange = await fetch(spotify.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: `http://127.0.0.1:${listener.port}/callback`,
        client_id: 'app',
        code_verifier: VERIFIER,
      }),
    });
    expect(exchange.status).toBe(200);
  });

  it('denies when FAKE_BROWSER_DECISION=deny', async () => {
    const log = join(dir, 'deny.jsonl');
    const callback = listener.nextCallback();
    await runBrowser(authorizeUrl(), { FAKE_BROWSER_LOG: log, FAKE_BROWSER_DECISION: 'deny' });
    const { url, release } = await callback;
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.has('code')).toBe(false);
    release();
    const [entry] = await readLog(log);
    expect(entry?.callbackStatus).toBe(200);
    expect(new URL(entry!.location!).searchParams.get('error')).toBe('access_denied');
  });

  it('logs the refusal when the authorize URL is answered with an error page', async () => {
    const log = join(dir, 'refused.jsonl');
    await runBrowser(authorizeUrl('http://127.0.0.1:1/unregistered'), { FAKE_BROWSER_LOG: log });
    const [entry] = await readLog(log);
    expect(entry).toMatchObject({ authorizeStatus: 400, location: null, callbackStatus: null, callbackHtml: null });
    expect(entry?.error).toContain('answered 400');
  });
});
