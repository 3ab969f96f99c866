import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { FAKE_BROWSER, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';

// The built program with no terminal at all: stdin from /dev/null, output captured.
let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startSpotify();
});
afterAll(() => spotify.close());

describe('pytify-auth without a terminal', () => {
  it('starts at once, prints the URL alone on stdout, and saves the token', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const result = await runPlain([], { cwd: dir, env: { BROWSER: FAKE_BROWSER } });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(new URL(lines[0]!).searchParams.get('code_challenge_method')).toBe('S256');
    expect(result.stderr).toContain('Authorized as Test Listener (test-listener)');
    expect(result.stdout + result.stderr).not.toMatch(/\u001B\[/); // no cursor or colour codes
    const token = await readFile(join(dir, '.pytify'), 'utf8');
    expect(result.stdout + result.stderr).not.toContain(token);
  });

  it('exits 1 with the setup guide when no client id is configured', async () => {
    const dir = await tempDir();
    const result = await runPlain([], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('developer.spotify.com/dashboard');
    expect(result.stderr).toContain('SPOTIFY_CLIENT_ID');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user mistake
  });

  it('names the file and key of a broken config and exits 2', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify, { scopes: 42 });
    const result = await runPlain([], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.spotifyrc');
    expect(result.stderr).toContain('scopes');
  });

  it('exits 2 on an unknown flag and 0 on --help and --version', async () => {
    const dir = await tempDir();
    const unknown = await runPlain(['--frobnicate'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
    const help = await runPlain(['--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--no-browser');
    const version = await runPlain(['--version'], { cwd: dir });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('times out with exit 1 when nobody approves', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const result = await runPlain(['--timeout', '1', '--no-browser'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Timed out');
  });
});
