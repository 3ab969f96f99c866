import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { CLI, CLIENT_ID, ROOT, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';

// dist/cli.cjs answers --version, --help and `token` with a good cached access token by itself
// (with dist/yaml.cjs, js-yaml, for a .spotifyrc or .yaml config), and hands everything else to
// dist/main.js. A copy of those two files in a folder shows which is which: what the bin answers
// needs nothing else, and a hand-over fails there for want of main.js. Each hand-over case is
// also run with the real bin, which must answer it properly.
const SCOPES = ['user-read-private', 'user-modify-playback-state'];
const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
let spotify: FakeSpotify;
let lone: string;
beforeAll(async () => {
  spotify = await startSpotify();
  const dir = await tempDir('pytify-lone-bin-');
  lone = join(dir, 'cli.cjs');
  await copyFile(CLI, lone);
  await copyFile(join(dirname(CLI), 'yaml.cjs'), join(dir, 'yaml.cjs'));
});
afterAll(() => spotify.close());

/** A folder after a login and one `token` run with the real bin: the record caches an access token. */
async function cached(config: Record<string, unknown> = {}) {
  const dir = await tempDir('pytify-fast-token-');
  await writeConfig(dir, spotify, config);
  await writeFile(join(dir, '.pytify'), spotify.issueRefreshToken(CLIENT_ID, SCOPES), { mode: 0o600 });
  const first = await runPlain(['token'], { cwd: dir });
  expect(first).toMatchObject({ code: 0, stderr: '' });
  return {
    dir,
    accessToken: first.stdout.trim(),
    run: (args: string[], cli?: string) => runPlain(args, { cwd: dir, cli }),
  };
}

const HANDED_OVER = {
  code: 70,
  stdout: '',
  stderr: expect.stringMatching(/^pytify-auth: unexpected error: .*main\.js/),
};

describe('the bin alone (with yaml.cjs, without main.js)', () => {
  it('prints --version and --help', async () => {
    const dir = await tempDir();
    expect(await runPlain(['--version'], { cwd: dir, cli: lone })).toEqual({
      code: 0,
      stdout: `${pkg.version}\n`,
      stderr: '',
    });
    const help = await runPlain(['--help'], { cwd: dir, cli: lone });
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(new RegExp(`^pytify-auth ${pkg.version.replace(/\./g, '\\.')}\\n[\\s\\S]*Commands`));
    expect(await runPlain(['-h'], { cwd: dir, cli: lone })).toEqual(help);
  });

  it('prints the cached access token, bare and as JSON, exactly as the whole program does', async () => {
    const { accessToken, run } = await cached();
    const before = spotify.tokenRequests.length;
    expect(await run(['token'], lone)).toEqual({ code: 0, stdout: `${accessToken}\n`, stderr: '' });
    const json = await run(['token', '--json'], lone);
    expect(json).toEqual(await run(['token', '--json']));
    expect(JSON.parse(json.stdout)).toMatchObject({
      access_token: accessToken,
      token_type: 'Bearer',
      scope: SCOPES.join(' '),
    });
    expect(spotify.tokenRequests.length).toBe(before);
  });

  it('reads a YAML .spotifyrc shaped like .spotifyrc.example', async () => {
    const { dir, accessToken, run } = await cached();
    const config = JSON.parse(await readFile(join(dir, '.spotifyrc'), 'utf8')) as Record<string, string>;
    const yaml = [
      '# pytify-auth',
      `clientId: "${config.clientId}"`,
      `redirectUri: ${config.redirectUri}`,
      'scopes:',
      ...SCOPES.map((scope) => `  - ${scope}`),
      'tokenFile: .pytify # next to this file',
      `authUrl: ${config.authUrl}`,
      `tokenUrl: '${config.tokenUrl}'`,
      `apiUrl: ${config.apiUrl}`,
    ].join('\n');
    await writeFile(join(dir, '.spotifyrc'), `${yaml}\n`);
    expect(await run(['token'], lone)).toEqual({ code: 0, stdout: `${accessToken}\n`, stderr: '' });
  });

  it.each<[string, (dir: string) => Promise<unknown>, string[]]>([
    ['--help of the command', async () => undefined, ['token', '--help']],
    ['an unknown flag', async () => undefined, ['token', '--nope']],
    [
      'an access token with under a minute left',
      (dir) => editRecord(dir, { expires_at: new Date(Date.now() + 30_000).toISOString() }),
      ['token'],
    ],
    [
      'a token file changed since the record was written',
      (dir) => writeFile(join(dir, '.pytify'), 'another-refresh-token'),
      ['token'],
    ],
    ['no token file', (dir) => writeFile(join(dir, '.pytify'), ''), ['token']],
    ['a config warning to print', (dir) => editConfig(dir, { colour: 'blue' }), ['token']],
    [
      'a configured scope not granted',
      (dir) => editConfig(dir, { scopes: [...SCOPES, 'playlist-read-private'] }),
      ['token'],
    ],
    ['a broken config', (dir) => writeFile(join(dir, '.spotifyrc'), '{"clientId": '), ['token']],
    [
      'a JavaScript config',
      (dir) => copyConfigAsJs(dir, 'spotify.config.mjs'),
      ['token', '--config', 'spotify.config.mjs'],
    ],
    ['another command', async () => undefined, ['status', '--json']],
  ])('hands %s over to main.js', async (_label, change, args) => {
    const { dir, run } = await cached();
    await change(dir);
    expect(await run(args, lone)).toEqual(HANDED_OVER);
    const whole = await run(args);
    expect(whole.code).not.toBe(70);
    expect(whole.stderr).not.toContain('unexpected error');
  });
});

async function editRecord(dir: string, changes: Record<string, unknown>): Promise<void> {
  const file = join(dir, '.pytify.json');
  await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), ...changes }), { mode: 0o600 });
}

async function editConfig(dir: string, changes: Record<string, unknown>): Promise<void> {
  const file = join(dir, '.spotifyrc');
  await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), ...changes }));
}

async function copyConfigAsJs(dir: string, name: string): Promise<void> {
  await writeFile(join(dir, name), `export default ${await readFile(join(dir, '.spotifyrc'), 'utf8')};\n`);
}
