import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeSpotify, type FakeSpotify, type FakeSpotifyOptions } from '../../src/demo/fake-spotify.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.cjs');
export const FAKE_BROWSER = join(ROOT, '__tests__', 'helpers', 'fake-browser.mjs');
export const CLIENT_ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does).`);

const created: string[] = [];
/** A fresh directory under the system's temporary folder, removed after the test file. */
export async function tempDir(prefix = 'pytify-e2e-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A local Spotify with one PKCE app registered for the portless loopback redirect URI. */
export function startSpotify(
  extra: { clientSecret?: string; redirectUris?: string[] } & Pick<
    FakeSpotifyOptions,
    'rotateRefreshTokens' | 'refreshTokenLifetimeMs'
  > = {},
): Promise<FakeSpotify> {
  return startFakeSpotify({
    rotateRefreshTokens: extra.rotateRefreshTokens,
    refreshTokenLifetimeMs: extra.refreshTokenLifetimeMs,
    clients: [
      {
        clientId: CLIENT_ID,
        clientSecret: extra.clientSecret,
        redirectUris: extra.redirectUris ?? ['http://127.0.0.1/callback'],
      },
    ],
    user: { displayName: 'Test Listener', id: 'test-listener' },
  });
}

/** Writes a .spotifyrc that points the tool at the local Spotify. */
export async function writeConfig(
  dir: string,
  spotify: FakeSpotify,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const config = {
    clientId: CLIENT_ID,
    redirectUri: 'http://127.0.0.1/callback',
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
    ...extra,
  };
  await writeFile(join(dir, '.spotifyrc'), JSON.stringify(config, null, 2));
}

/** The lines the fake browser logged: one per authorize URL it followed. */
export function browserLog(file: string): Array<Record<string, unknown>> {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * The fake browser logs from a detached process after the callback page arrived, which can be
 * after the program has exited: wait until `count` visits are logged (or 10 s have passed).
 */
export async function browserVisits(file: string, count: number): Promise<Array<Record<string, unknown>>> {
  const deadline = Date.now() + 10_000;
  let visits = browserLog(file);
  while (visits.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    visits = browserLog(file);
  }
  return visits;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  readonly exited: Promise<Finished>;
  kill(): void;
}

/**
 * The built binary without a terminal, as a script would run it: stdin from /dev/null, stdout
 * and stderr captured. `cli` runs another copy of the bin instead.
 */
export function startCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; cli?: string },
): RunningCli {
  const child = spawn(process.execPath, [options.cli ?? CLI, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: options.cwd, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { exited, kill: () => void child.kill() };
}

/** startCli, to its end. */
export const runPlain = (
  args: string[],
  options: { cwd: string; env?: Record<string, string>; cli?: string },
): Promise<Finished> => startCli(args, options).exited;
