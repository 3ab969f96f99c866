import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { DEFAULTS } from '../src/config/types.js';
import { projectPerTest } from './fixtures/config/project.js';

const setup = projectPerTest();

describe('finding the config file', () => {
  it.each([
    ['.spotifyrc (JSON)', '.spotifyrc', '{"clientId": "rc-json"}', 'rc-json'],
    ['.spotifyrc (YAML)', '.spotifyrc', '# comment\nclientId: rc-yaml\n', 'rc-yaml'],
    ['.spotifyrc.json', '.spotifyrc.json', '{"clientId": "json"}', 'json'],
    ['.spotifyrc.yaml', '.spotifyrc.yaml', 'clientId: yaml', 'yaml'],
    ['.spotifyrc.yml', '.spotifyrc.yml', 'clientId: yml', 'yml'],
    ['spotify.config.js', 'spotify.config.js', "module.exports = { clientId: 'js' };", 'js'],
    ['spotify.config.mjs', 'spotify.config.mjs', "export default { clientId: 'mjs' };", 'mjs'],
    ['package.json "spotify" key', 'package.json', '{"name": "p", "spotify": {"clientId": "pkg"}}', 'pkg'],
  ])('finds %s from a nested subdirectory', async (_name, file, content, clientId) => {
    const p = await setup({ [`proj/${file}`]: content });
    await mkdir(p.at('proj/a/b'), { recursive: true });
    const { config, warnings } = await p.load({ cwd: p.at('proj/a/b') });
    expect(config.clientId).toBe(clientId);
    expect(config.configFile).toBe(p.at('proj', file));
    expect(warnings).toEqual([]);
  });

  it('skips a package.json without a "spotify" key and an empty .spotifyrc, and keeps looking up', async () => {
    const p = await setup({
      '.spotifyrc': 'clientId: top',
      'proj/package.json': { name: 'p' },
      'proj/sub/.spotifyrc': '',
    });
    const { config } = await p.load({ cwd: p.at('proj/sub') });
    expect(config).toMatchObject({ clientId: 'top', configFile: p.at('.spotifyrc') });
  });

  it('takes the nearest file, and .spotifyrc over package.json in the same directory', async () => {
    const p = await setup({
      '.spotifyrc': 'clientId: far',
      'proj/.spotifyrc': 'clientId: near',
      'proj/package.json': { spotify: { clientId: 'pkg' } },
    });
    expect((await p.load({ cwd: p.at('proj') })).config.clientId).toBe('near');
  });

  it('does not look above the stop directory', async () => {
    const p = await setup({ '.spotifyrc': 'clientId: above', 'proj/x': '' });
    const error = await p.fail({ cwd: p.at('proj'), stopDir: p.at('proj') });
    expect(error.code).toBe('CONFIG_MISSING_CLIENT_ID');
  });

  it("never reads cosmiconfig's global $XDG_CONFIG_HOME/spotify/ (the Spotify desktop client's)", async () => {
    const p = await setup({ 'xdg/spotify/config': 'clientId: global', 'proj/x': '' });
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = p.at('xdg');
    try {
      expect((await p.fail({ cwd: p.at('proj') })).code).toBe('CONFIG_MISSING_CLIENT_ID');
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });

  it('stops at the home directory by default, and reads ~/.spotifyrc', async () => {
    const p = await setup({ '.spotifyrc': 'clientId: outside', 'home/.spotifyrc': 'clientId: home', 'home/a/x': '' });
    const { config } = await p.load({ cwd: p.at('home/a'), homeDir: p.at('home'), stopDir: undefined });
    expect(config.clientId).toBe('home');
  });

  it('works without any config file when the environment has the client id', async () => {
    const p = await setup();
    const { config, warnings } = await p.load({ env: { SPOTIFY_CLIENT_ID: 'env-id' } });
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      clientId: 'env-id',
      redirectUri: DEFAULTS.redirectUri,
      scopes: [...DEFAULTS.scopes],
      tokenFile: p.at('.pytify'),
      authUrl: DEFAULTS.authUrl,
      tokenUrl: DEFAULTS.tokenUrl,
      apiUrl: DEFAULTS.apiUrl,
      timeoutSeconds: 300,
      showDialog: false,
      openBrowser: true,
    });
  });
});

describe('--config', () => {
  it('loads exactly the named file, relative to cwd, ignoring the search', async () => {
    const p = await setup({ '.spotifyrc': 'clientId: searched', 'conf/other.yaml': 'clientId: named' });
    const { config } = await p.load({ flags: { config: 'conf/other.yaml' } });
    expect(config).toMatchObject({ clientId: 'named', configFile: p.at('conf/other.yaml') });
  });

  it('loads a package.json by its "spotify" key', async () => {
    const p = await setup({ 'x/package.json': { spotify: { clientId: 'pkg' } } });
    expect((await p.load({ flags: { config: p.at('x/package.json') } })).config.clientId).toBe('pkg');
  });

  it.each([
    ['a missing file', 'nope.json', /file not found/],
    ['a directory', 'dir', /is a directory/],
    ['an unknown extension', 'conf.toml', /"\.toml" files are not supported \(use \.spotifyrc/],
    [
      'a TypeScript file (typescript is never loaded)',
      'spotify.config.ts',
      /TypeScript config files are not supported/,
    ],
  ])('names the file for %s', async (_name, file, message) => {
    const p = await setup({ 'dir/x': '', 'conf.toml': 'a = 1', 'spotify.config.ts': 'export default {}' });
    const error = await p.fail({ flags: { config: file } });
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', file: p.at(file) });
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${file}:`)).toBe(true);
  });

  it('rejects an empty value', async () => {
    const p = await setup();
    expect(await p.fail({ flags: { config: '' } })).toMatchObject({ code: 'CONFIG_INVALID', key: '--config' });
  });
});

describe('precedence: file < environment < flags', () => {
  const file = {
    '.spotifyrc': {
      clientId: 'file-id',
      clientSecret: 'file-secret',
      redirectUri: 'http://127.0.0.1:1111/file',
      tokenFile: 'file-token',
    },
  };
  const env = {
    SPOTIFY_CLIENT_ID: 'env-id',
    SPOTIFY_CLIENT_SECRET: 'env-secret',
    SPOTIFY_REDIRECT_URI: 'http://127.0.0.1:2222/env',
  };

  it.each([
    [
      'file only',
      {},
      {},
      {
        clientId: 'file-id',
        clientSecret: 'file-secret',
        redirectUri: 'http://127.0.0.1:1111/file',
        tokenFile: 'file-token',
      },
    ],
    [
      'env over file',
      env,
      {},
      {
        clientId: 'env-id',
        clientSecret: 'env-secret',
        redirectUri: 'http://127.0.0.1:2222/env',
        tokenFile: 'file-token',
      },
    ],
    [
      'empty env counts as unset',
      { SPOTIFY_CLIENT_ID: '', SPOTIFY_CLIENT_SECRET: '', SPOTIFY_REDIRECT_URI: ' ' },
      {},
      {
        clientId: 'file-id',
        clientSecret: 'file-secret',
        redirectUri: 'http://127.0.0.1:1111/file',
        tokenFile: 'file-token',
      },
    ],
    [
      'flags over env',
      env,
      { port: '3333', tokenFile: 'flag-token' },
      {
        clientId: 'env-id',
        clientSecret: 'env-secret',
        redirectUri: 'http://127.0.0.1:3333/env',
        tokenFile: 'flag-token',
      },
    ],
  ])('%s', async (_name, environment, flags, expected) => {
    const p = await setup(file);
    await mkdir(p.at('cwd'));
    const { config } = await p.load({ cwd: p.at('cwd'), env: environment, flags });
    // A file's token path is relative to the file; a flag's to cwd.
    const tokenBase = expected.tokenFile === 'flag-token' ? p.at('cwd') : p.root;
    expect(config).toMatchObject({ ...expected, tokenFile: path.join(tokenBase, expected.tokenFile) });
  });

  it('--show-dialog and --no-browser', async () => {
    const p = await setup({ '.spotifyrc': 'clientId: x' });
    const { config } = await p.load({ flags: { showDialog: true, noBrowser: true } });
    expect(config).toMatchObject({ showDialog: true, openBrowser: false });
  });
});

describe('keys', () => {
  it("accepts the Python tool's snake_case names (and redirect_uri, token_file)", async () => {
    const p = await setup({
      '.spotifyrc': {
        client_id: 'id',
        client_secret: 'secret',
        auth_url: 'http://127.0.0.1:9/auth',
        access_token_url: 'http://127.0.0.1:9/token',
        api_url: 'http://127.0.0.1:9/v1',
        redirect_uri: 'http://[::1]:4000/cb',
        token_file: 'tok',
      },
    });
    const { config, warnings } = await p.load();
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({
      clientId: 'id',
      clientSecret: 'secret',
      authUrl: 'http://127.0.0.1:9/auth',
      tokenUrl: 'http://127.0.0.1:9/token',
      apiUrl: 'http://127.0.0.1:9/v1',
      redirectUri: 'http://[::1]:4000/cb',
      tokenFile: p.at('tok'),
    });
  });

  it('accepts an alias next to its camelCase name when both say the same', async () => {
    const p = await setup({ '.spotifyrc': { clientId: 'id', client_id: 'id' } });
    expect((await p.load()).config.clientId).toBe('id');
  });

  it('treats an empty or blank clientSecret as absent (PKCE)', async () => {
    const p = await setup({ '.spotifyrc': 'clientId: id\nclientSecret:\n' });
    expect((await p.load()).config).not.toHaveProperty('clientSecret');
  });

  it.each([
    ['a space-separated string', 'user-read-private  streaming', ['user-read-private', 'streaming']],
    ['a list', ['user-read-private', 'streaming'], ['user-read-private', 'streaming']],
    ['a list with spaces and repeats', ['a b', 'b'], ['a', 'b']],
    ['an empty list', [], []],
  ])('scopes as %s', async (_name, scopes, expected) => {
    const p = await setup({ '.spotifyrc': { clientId: 'id', scopes } });
    expect((await p.load()).config.scopes).toEqual(expected);
  });
});

describe('tokenFile', () => {
  it.each([
    ['relative in a file: against the file', { tokenFile: 'tokens/.pytify' }, {}, 'proj/tokens/.pytify'],
    ['absent: .pytify in cwd', {}, {}, 'proj/a/b/.pytify'],
    ['--token-file: against cwd', { tokenFile: 'ignored' }, { tokenFile: 'mine' }, 'proj/a/b/mine'],
    ['~/ in a file: the home directory', { tokenFile: '~/t' }, {}, 't'],
  ])('%s', async (_name, fileKeys, flags, expected) => {
    const p = await setup({ 'proj/.spotifyrc': { clientId: 'id', ...fileKeys } });
    await mkdir(p.at('proj/a/b'), { recursive: true });
    const { config } = await p.load({ cwd: p.at('proj/a/b'), flags });
    expect(config.tokenFile).toBe(p.at(expected));
  });

  it('keeps an absolute path', async () => {
    const p = await setup({ '.spotifyrc': { clientId: 'id', tokenFile: '/var/tmp/x' } });
    expect((await p.load()).config.tokenFile).toBe('/var/tmp/x');
  });
});

describe('.spotifyrc.example', () => {
  it('loads as a .spotifyrc without warnings, and states the defaults', async () => {
    const p = await setup();
    await copyFile(new URL('../.spotifyrc.example', import.meta.url), p.at('.spotifyrc'));
    const { config, warnings } = await p.load();
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({
      clientId: '0123456789abcdef0123456789abcdef',
      redirectUri: DEFAULTS.redirectUri,
      scopes: [...DEFAULTS.scopes],
      tokenFile: p.at(DEFAULTS.tokenFile),
      authUrl: DEFAULTS.authUrl,
      tokenUrl: DEFAULTS.tokenUrl,
      apiUrl: DEFAULTS.apiUrl,
    });
    expect(config).not.toHaveProperty('clientSecret');
  });
});
