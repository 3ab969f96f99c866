import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CLI, CLIENT_ID, runPlain, tempDir, type Finished } from './helpers/e2e.js';

// Files another user wrote, as the built CLI meets them. Tests run as root: a file chowned to
// 65534 (nobody) is another user's; where root would ignore mode bits, the CLI runs as 65534.
const NOBODY = 65534;
const requests: string[] = [];
let attacker: Server;
let attackerUrl: string;
beforeAll(async () => {
  // The other user's server: it must never hear from the victim's run.
  attacker = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.end('{}');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => attacker.close(resolve)));

const settings = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ clientId: CLIENT_ID, redirectUri: 'http://127.0.0.1/callback', ...extra });

async function file(path: string, content: string, owner = 0, mode = 0o644): Promise<string> {
  await writeFile(path, content);
  await chown(path, owner, owner);
  await chmod(path, mode);
  return path;
}

/** The CLI as uid 65534, so that mode bits count. */
function asNobody(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Finished> {
  const command = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args];
  return new Promise((resolve) => {
    execFile(
      'setpriv',
      command,
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** A directory 65534 can enter (tempDir makes them 0700 for root). */
async function openDir(): Promise<string> {
  const dir = await tempDir('pytify-trust-');
  await chmod(dir, 0o755);
  return dir;
}

describe('a config file another user wrote', () => {
  it("in a shared sticky directory outside home: refused before the victim's refresh token goes anywhere", async () => {
    const shared = await tempDir('pytify-shared-');
    await chmod(shared, 0o1777);
    const home = await tempDir('pytify-home-');
    await writeFile(join(home, '.pytify'), 'victims-refresh-token');
    const planted = await file(
      join(shared, '.spotifyrc'),
      settings({ tokenUrl: `${attackerUrl}/api/token`, apiUrl: `${attackerUrl}/v1` }),
      NOBODY,
    );
    const token = await runPlain(['token', '--token-file', join(home, '.pytify')], {
      cwd: shared,
      env: { HOME: home },
    });
    expect(token.code).toBe(2);
    expect(token.stderr).toContain(planted);
    expect(token.stderr).toContain('belongs to another user (uid 65534)');
    expect(token.stderr).toContain('chmod go-w');
    const doctor = await runPlain(['doctor'], { cwd: shared, env: { HOME: home } });
    expect(doctor.code).toBe(2);
    expect(requests).toEqual([]);
  });

  it('a spotify.config.js further up never runs: owned by another user, or in a directory others can write', async () => {
    const home = await tempDir('pytify-home-');
    const marker = join(home, 'ran');
    const program = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = { clientId: '${CLIENT_ID}' };`;
    const project = join(home, 'project');
    await mkdir(join(project, 'src'), { recursive: true });
    const cases: Array<[string, number, number]> = [
      ['owned by 65534', NOBODY, 0o755],
      ['in a directory every user can write', 0, 0o777],
    ];
    for (const [, owner, dirMode] of cases) {
      await chmod(project, dirMode);
      await file(join(project, 'spotify.config.js'), program, owner);
      const result = await runPlain(['doctor'], { cwd: join(project, 'src'), env: { HOME: home } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('bad owner or permissions');
      expect(existsSync(marker)).toBe(false);
    }
    // The same file, the user's own in a private directory: it runs (the marker proves it would).
    await chmod(project, 0o755);
    await file(join(project, 'spotify.config.js'), program, 0);
    const result = await runPlain(['doctor'], { cwd: join(project, 'src'), env: { HOME: home } });
    expect(result.stdout).toContain(`Config file: ${join(project, 'spotify.config.js')}`);
    expect(existsSync(marker)).toBe(true);
  });

  it("cosmiconfig's meta config (.config/config.js) in the current directory never runs", async () => {
    const dir = await tempDir();
    const marker = join(dir, 'ran');
    await mkdir(join(dir, '.config'));
    await file(join(dir, '.config', 'config.js'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');`);
    await file(join(dir, '.spotifyrc'), settings());
    expect((await runPlain(['doctor'], { cwd: dir })).stdout).toContain('Config file: .spotifyrc');
    expect(existsSync(marker)).toBe(false);
  });

  it('outside home, only the current directory is searched', async () => {
    const outside = await tempDir('pytify-outside-');
    await file(join(outside, '.spotifyrc'), settings());
    await mkdir(join(outside, 'sub'));
    const result = await runPlain(['doctor'], {
      cwd: join(outside, 'sub'),
      env: { HOME: await tempDir('pytify-home-') },
    });
    expect(result.stdout).toContain('Config file: none found');
    expect(result.stdout).toContain(`Searched from ${join(outside, 'sub')} up to ${join(outside, 'sub')}`);
  });
});

describe('as an unprivileged user (setpriv 65534)', () => {
  it("root's file is trusted, a file every user can write is not", async () => {
    const work = join(await openDir(), 'work');
    await mkdir(work);
    await chown(work, NOBODY, NOBODY);
    await file(join(work, '.spotifyrc'), settings(), 0, 0o644);
    const trusted = await asNobody(['doctor'], work);
    expect(trusted.stderr).toBe('');
    expect(trusted.stdout).toContain(".spotifyrc is yours (or root's), and nobody else can write it");
    await file(join(work, '.spotifyrc'), settings(), NOBODY, 0o666);
    const writable = await asNobody(['doctor'], work);
    expect(writable.code).toBe(2);
    expect(writable.stderr).toContain('can be written by every user');
  });

  it("the token file's directory: another user's is an error, one others can write is a warning of every command", async () => {
    const base = await openDir();
    const work = join(base, 'work');
    await mkdir(work);
    await chown(work, NOBODY, NOBODY);
    await file(join(work, '.spotifyrc'), settings(), NOBODY, 0o600);
    const theirs = join(base, 'theirs');
    await mkdir(theirs, { mode: 0o755 });
    const status = await asNobody(['status', '--token-file', join(theirs, '.pytify')], work);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain(`The token file's directory ${theirs} belongs to another user`);
    const open = join(base, 'open');
    await mkdir(open);
    await chown(open, NOBODY, NOBODY);
    await chmod(open, 0o777);
    const warning = `The token file's directory ${open} can be written by everyone`;
    for (const command of [['status'], ['token'], ['doctor'], ['--no-browser', '--timeout', '1']]) {
      const result = await asNobody([...command, '--token-file', join(open, '.pytify')], work);
      expect(`${result.stdout}${result.stderr}`).toContain(warning);
    }
  });
});

describe('bounded config input', () => {
  it('a YAML "billion laughs" is never expanded into what init writes back', async () => {
    const dir = await tempDir();
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [from, to] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi'])
      rows.push(`${to}: &${to} [${Array(9).fill(`*${from}`).join(',')}]`);
    await writeFile(join(dir, '.spotifyrc.yaml'), `${rows.join('\n')}\n`);
    const result = await runPlain(['init'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('uses YAML aliases');
    expect(result.stdout.length + result.stderr.length).toBeLessThan(10_000);
  });

  it('a file over 1 MB is refused; a 200k-deep .spotifyrc.json is a configuration error, not a crash', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.spotifyrc.json'), JSON.stringify({ clientId: CLIENT_ID, pad: 'x'.repeat(1_100_000) }));
    const big = await runPlain(['init'], { cwd: dir });
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('more than a config file can be (1 MB)');
    await writeFile(join(dir, '.spotifyrc.json'), `{"clientId": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const deep = await runPlain(['init'], { cwd: dir });
    expect(deep.code).toBe(2);
    expect(deep.stderr).toContain('nested more than 100 levels deep');
  });

  it('a client id holding an escape sequence reaches the terminal only sanitised', async () => {
    const dir = await tempDir();
    await file(join(dir, '.spotifyrc.json'), settings({ clientId: 'abcdefgh\u001b]0;x\u0007' }), 0, 0o600);
    for (const command of ['doctor', 'status']) {
      const result = await runPlain([command], { cwd: dir });
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/[\u001b\u0007]/);
    }
  });
});
