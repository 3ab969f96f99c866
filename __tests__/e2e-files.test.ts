import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmod, chown, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import {
  CLI,
  CLIENT_ID,
  FAKE_BROWSER,
  browserLog,
  runPlain,
  startSpotify,
  tempDir,
  writeConfig,
} from './helpers/e2e.js';
import { TmuxSession, sessionsKilledAfterEach } from './helpers/tmux.js';

// The built binary and the files it keeps: links, a full disk, modes, folders it cannot write.
const SCOPES = ['user-read-private'];
const SECRET = 'e2e-files-client-secret-41d7';
let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startSpotify({ rotateRefreshTokens: 'pkce' });
});
afterAll(() => spotify.close());
const sessions = sessionsKilledAfterEach();

async function authorized(service = spotify, extra: Record<string, unknown> = {}) {
  const dir = await tempDir('pytify-e2e-files-');
  await writeConfig(dir, service, { scopes: SCOPES, ...extra });
  const token = service.issueRefreshToken(CLIENT_ID, SCOPES);
  const tokenFile = join(dir, '.pytify');
  await writeFile(tokenFile, token, { mode: 0o600 });
  return { dir, token, tokenFile, run: (...args: string[]) => runPlain(args, { cwd: dir }) };
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** Runs `script` with sh in a mount namespace of its own, so a tmpfs mounted there leaks nowhere. */
function inMountNamespace(
  script: string,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-m', 'sh', '-c', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a symbolic link at the lock path', () => {
  it('token refuses it at once, never following it', async () => {
    const { dir, token, tokenFile, run } = await authorized();
    await symlink(join(dir, 'elsewhere'), `${tokenFile}.lock`);
    const started = performance.now();
    const result = await run('token');
    expect(performance.now() - started).toBeLessThan(3_000); // it used to wait 30 s, then follow it
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `pytify-auth: Refusing to use ${tokenFile}.lock: it is a symbolic link\n`,
    });
    await expect(lstat(join(dir, 'elsewhere'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readFile(tokenFile, 'utf8')).toBe(token);
  });
});

describe('a full disk during a save', () => {
  it('leaves nothing behind: once there is room, the next token run refreshes without a stall', async () => {
    const { dir } = await authorized();
    const disk = join(dir, 'disk');
    await mkdir(disk);
    const token = spotify.issueRefreshToken(CLIENT_ID, SCOPES);
    const cli = (label: string) =>
      `s=$(date +%s%N); node ${CLI} token --token-file disk/.pytify >/dev/null 2>${label}.err; echo "${label} $? $(( ($(date +%s%N) - s) / 1000000 ))"`;
    const script = [
      'set -u',
      `mount -t tmpfs -o size=64k tmpfs disk`,
      `printf %s '${token}' > disk/.pytify && chmod 600 disk/.pytify`,
      'dd if=/dev/zero of=disk/fill bs=4k 2>/dev/null; true',
      cli('full'),
      'ls -A disk > listing',
      'rm disk/fill',
      cli('room'),
      'cp disk/.pytify saved-token',
    ].join('\n');
    const result = await inMountNamespace(script, dir);
    expect(result.stderr).toBe('');
    const [full, room] = result.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(' '));
    expect(full?.slice(0, 2)).toEqual(['full', '2']);
    expect(await readFile(join(dir, 'full.err'), 'utf8')).toContain('ENOSPC');
    // No empty lock, no temporary file: only what was there before.
    expect((await readFile(join(dir, 'listing'), 'utf8')).trim().split('\n').sort()).toEqual(['.pytify', 'fill']);
    expect(room?.slice(0, 2)).toEqual(['room', '0']);
    expect(Number(room?.[2])).toBeLessThan(5_000); // a leftover lock stalled this run 25 s
    expect(await readFile(join(dir, 'saved-token'), 'utf8')).not.toBe(token); // rotated and saved
  });
});

describe('a token file others can read (0644)', () => {
  const warning = (file: string) =>
    `${file} holds the refresh token and can be read by every user on this computer (mode 0644): the next save makes it 0600`;

  it('status, doctor and the launch screen say so while nothing writes it (no rotation)', async () => {
    const steady = await startSpotify({ clientSecret: SECRET, rotateRefreshTokens: 'never' });
    try {
      const { dir, tokenFile, run } = await authorized(steady, { clientSecret: SECRET });
      await chmod(tokenFile, 0o644);
      const status = await run('status');
      expect(status.code).toBe(0);
      expect(status.stdout).toContain(warning(tokenFile));
      expect((await run('doctor')).stdout).toContain(warning(tokenFile));

      const session = new TmuxSession(dir, ['node', CLI], { env: { HOME: dir }, width: 220 });
      sessions.push(session);
      const screen = await session.waitForText('q to quit');
      expect(screen.replace(/\s+/g, ' ')).toContain(warning(tokenFile));
      expect(await modeOf(tokenFile)).toBe(0o644);
    } finally {
      await steady.close();
    }
  });

  it('the next save (a rotated refresh token) writes it 0600, and then nothing warns', async () => {
    const { tokenFile, token, run } = await authorized();
    await chmod(tokenFile, 0o644);
    expect(await run('token')).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(tokenFile, 'utf8')).not.toBe(token);
    expect(await modeOf(tokenFile)).toBe(0o600);
    expect((await run('status')).stdout).not.toContain('can be read by');
    expect((await run('doctor')).stdout).not.toContain('can be read by');
  });
});

describe('a token folder the login could not write', () => {
  it('is found at launch: no listener, no browser, exit 1 with the reason', async () => {
    const { dir } = await authorized();
    const log = join(dir, 'browser.log');
    const before = spotify.tokenRequests.length;
    const result = await runPlain(['--token-file', join(dir, 'missing', '.pytify')], {
      cwd: dir,
      env: { BROWSER: FAKE_BROWSER, FAKE_BROWSER_LOG: log },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `The token file's folder ${join(dir, 'missing')} does not exist: create it, or choose another place with --token-file.`,
    );
    expect(result.stderr).not.toContain('Listening for the callback');
    expect(browserLog(log)).toEqual([]);
    expect(spotify.tokenRequests.length).toBe(before);
  });

  it('a read-only folder, for a user root would not be (setpriv --reuid=65534)', async () => {
    const { dir } = await authorized();
    const readOnly = join(dir, 'read-only');
    await mkdir(readOnly);
    await chown(readOnly, 65534, 65534);
    await chmod(readOnly, 0o555);
    await chmod(dir, 0o755); // the user can read the config, and nothing else here
    const log = join(dir, 'browser.log');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          CLI,
          '--token-file',
          `${readOnly}/.pytify`,
        ],
        {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '', HOME: readOnly, BROWSER: FAKE_BROWSER, FAKE_BROWSER_LOG: log },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).toContain(
      `The token file's folder ${readOnly} is not writable by you, so the token could not be saved: make it writable, or choose another place with --token-file.`,
    );
    expect(result.code).toBe(1);
    expect(browserLog(log)).toEqual([]);
    expect(await readdir(readOnly)).toEqual([]);
  });
});
