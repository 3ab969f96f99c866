import { describe, expect, it } from '@jest/globals';
import { projectPerTest } from './fixtures/config/project.js';

const setup = projectPerTest();

const SECRET = 'S3cr3t-d0-n0t-print-9f8e7d';

describe('invalid values in a file: CONFIG_INVALID naming the file and the key', () => {
  it.each([
    ['clientId', 42, /must be a string \(got number\); write it as a string in quotes: "clientId": "…"/],
    ['clientId', '  ', /must not be empty/],
    ['client_id', ['x'], /must be a string \(got a list\)/],
    ['clientSecret', 1234, /must be a string \(got number\)/],
    ['scopes', 5, /must be a list of strings or a space-separated string \(got number\)/],
    ['scopes', ['ok', 1], /\(got a list holding number\)/],
    ['scopes', { a: 1 }, /\(got an object\)/],
    ['tokenFile', 7, /must be a string/],
    ['tokenFile', '', /must not be empty/],
    ['authUrl', 'not a url', /must be an http\(s\) URL/],
    ['tokenUrl', 'ftp://accounts.spotify.com/api/token', /must be an http\(s\) URL/],
    ['access_token_url', 'nope', /must be an http\(s\) URL/],
    ['apiUrl', true, /must be a string \(got boolean\)/],
    ['redirectUri', 3000, /must be a string \(got number\)/],
    ['redirectUri', 'callback', /must be a URL like http:\/\/127\.0\.0\.1:3000\/callback/],
    [
      'redirectUri',
      'https://127.0.0.1:3000/callback',
      /must start with http:\/\/.*"http:\/\/127\.0\.0\.1:3000\/callback"/,
    ],
    ['redirectUri', 'http://example.com:3000/cb', /explicit loopback IP literal.*"http:\/\/127\.0\.0\.1:3000\/cb"/],
    ['redirectUri', 'http://192.168.1.20:3000/cb', /loopback address 127\.0\.0\.1 or \[::1\]/],
    ['redirectUri', 'http://127.0.0.2:3000/cb', /loopback address/],
    ['redirectUri', 'http://127.1:3000/cb', /loopback address/],
    ['redirect_uri', 'http://127.0.0.1:3000/cb#x', /#fragment/],
    ['redirectUri', 'http://127.0.0.1:99999/cb', /must be a URL/],
  ])('%s: %p', async (key, value, message) => {
    const p = await setup({ '.spotifyrc.json': { clientId: 'id', clientSecret: SECRET, [key]: value } });
    const error = await p.fail();
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', file: p.at('.spotifyrc.json'), key });
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`.spotifyrc.json: "${key}"`);
    expect(error.message).not.toContain(SECRET);
  });

  it('rejects a file that is not an object of settings', async () => {
    const p = await setup({ '.spotifyrc': '- clientId\n- x\n' });
    const error = await p.fail();
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', file: p.at('.spotifyrc') });
    expect(error.message).toMatch(/^\.spotifyrc: must hold an object of settings .*\(got a list\)$/);
  });

  it('rejects an alias and its camelCase name set to different values', async () => {
    const p = await setup({ '.spotifyrc.json': { clientId: 'a', client_id: 'b' } });
    const error = await p.fail();
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', key: 'client_id' });
    expect(error.message).toMatch(/"client_id" and "clientId" are both set/);
  });

  it('names a file above cwd by its absolute path', async () => {
    const p = await setup({ '.spotifyrc.json': { clientId: 5 }, 'a/x': '' });
    const error = await p.fail({ cwd: p.at('a') });
    expect(error.message.startsWith(`${p.at('.spotifyrc.json')}: "clientId"`)).toBe(true);
  });

  it('names package.json and its "spotify" key', async () => {
    const p = await setup({ 'package.json': { spotify: { clientId: 'id', scopes: 1 } } });
    const error = await p.fail();
    expect(error).toMatchObject({ file: p.at('package.json'), key: 'scopes' });
    expect(error.message).toMatch(/^package\.json \("spotify" key\): "scopes"/);
  });
});

describe('invalid SPOTIFY_REDIRECT_URI', () => {
  it('names the variable, not a file', async () => {
    const p = await setup({ '.spotifyrc': 'clientId: id' });
    const error = await p.fail({ env: { SPOTIFY_REDIRECT_URI: 'http://10.0.0.1:3000/callback' } });
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', key: 'SPOTIFY_REDIRECT_URI', file: undefined });
    expect(error.message).toMatch(/^SPOTIFY_REDIRECT_URI must use the loopback address/);
  });
});

describe('a localhost redirect URI', () => {
  it.each([
    ['in the file', { redirectUri: 'http://localhost:8888/callback' }, {}, '.spotifyrc.json', 'redirectUri'],
    [
      'in the environment',
      {},
      { SPOTIFY_REDIRECT_URI: 'http://localhost:8888/callback' },
      undefined,
      'SPOTIFY_REDIRECT_URI',
    ],
  ])('%s is a configuration error that gives the 127.0.0.1 form', async (_name, keys, env, file, key) => {
    const p = await setup({ '.spotifyrc.json': { clientId: 'id', ...keys } });
    const error = await p.fail({ env });
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', file: file && p.at(file), key });
    expect(error.message).toMatch(/Spotify refuses for every app.*"http:\/\/127\.0\.0\.1:8888\/callback"/);
  });
});

describe('unknown keys', () => {
  it.each([
    ['clientID', 'clientId'],
    ['scope', 'scopes'],
    ['client-id', 'clientId'],
    ['CLIENT_SECRET', 'clientSecret'],
    ['redirectUrl', 'redirectUri'],
    ['tokenfile', 'tokenFile'],
    ['access_token_uri', 'tokenUrl'],
  ])('%s: a warning suggesting %s', async (key, suggestion) => {
    const p = await setup({ '.spotifyrc.json': { clientId: 'id', [key]: 'x' } });
    const { warnings } = await p.load();
    expect(warnings).toEqual([
      {
        code: 'UNKNOWN_KEY',
        file: p.at('.spotifyrc.json'),
        key,
        message: `.spotifyrc.json: unknown key "${key}" is ignored — did you mean "${suggestion}"?`,
      },
    ]);
  });

  it('lists the known keys when nothing is close', async () => {
    const p = await setup({ '.spotifyrc.json': { clientId: 'id', theme: 'dark' } });
    const { warnings } = await p.load();
    expect(warnings[0]?.message).toMatch(/unknown key "theme" is ignored \(known keys: clientId, clientSecret, /);
  });
});

describe('no client id anywhere', () => {
  it('says how to create an app and where to put its id', async () => {
    const p = await setup();
    const error = await p.fail();
    expect(error).toMatchObject({ code: 'CONFIG_MISSING_CLIENT_ID', key: 'clientId', file: undefined });
    expect(error.message).toContain('https://developer.spotify.com/dashboard');
    expect(error.message).toContain('http://127.0.0.1:3000/callback');
    expect(error.message).toContain('.spotifyrc as {"clientId": "…"}');
    expect(error.message).toContain('SPOTIFY_CLIENT_ID');
  });

  it('names the config file that lacks it, and a misspelt key in it', async () => {
    const p = await setup({ '.spotifyrc': 'clientID: abc\nredirectUri: http://127.0.0.1/cb\n' });
    const error = await p.fail();
    expect(error).toMatchObject({ code: 'CONFIG_MISSING_CLIENT_ID', file: p.at('.spotifyrc') });
    expect(error.message).toContain('.spotifyrc has "clientID": did you mean "clientId"?');
    // The guide names the redirect URI in use.
    expect(error.message).toContain('add the redirect URI http://127.0.0.1/cb');
  });
});

describe('files that do not parse', () => {
  it.each([
    [
      '.spotifyrc.json',
      `{\n  "clientId": "id",\n  "clientSecret": "${SECRET}",\n}\n`,
      /^\.spotifyrc\.json: cannot be read: .*line 4 column 1/,
    ],
    [
      '.spotifyrc',
      `clientId: id\nclientSecret: ${SECRET}\n  bad: : [\n`,
      /^\.spotifyrc: cannot be read: bad indentation .*\(3:\d+\)$/,
    ],
    ['.spotifyrc.yaml', `clientSecret: "${SECRET}\n`, /^\.spotifyrc\.yaml: cannot be read: /],
    ['spotify.config.mjs', `export default { clientSecret: '${SECRET}', `, /^spotify\.config\.mjs: cannot be read: /],
  ])('%s: names the file, one line, no file content', async (file, content, message) => {
    const p = await setup({ [file]: content, 'a/b/x': '' });
    const error = await p.fail({ cwd: p.at('a/b') });
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', file: p.at(file) });
    expect(error.message.replace(`${p.root}/`, '')).toMatch(message);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('\n');
    expect(error.stack).toBeDefined();
  });

  it('--config names a broken file too', async () => {
    const p = await setup({ 'my.json': '{"clientId": ' });
    const error = await p.fail({ flags: { config: 'my.json' } });
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', file: p.at('my.json') });
    expect(error.message).toMatch(/^my\.json: cannot be read: /);
  });
});

describe('the client secret never appears in a message', () => {
  it.each([
    ['file', { clientSecret: SECRET }, {}],
    ['environment', {}, { SPOTIFY_CLIENT_SECRET: SECRET }],
  ])('from the %s, across warnings and errors', async (_name, keys, env) => {
    const p = await setup({
      '.spotifyrc.json': { clientId: 'id', authUrl: 'http://accounts.spotify.com/authorize', secret: SECRET, ...keys },
    });
    const { config, warnings } = await p.load({ env });
    expect(config.clientSecret).toBe(SECRET);
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) expect(JSON.stringify(warning)).not.toContain(SECRET);
    const errors = await Promise.all([
      p.fail({ env, flags: { timeout: SECRET } }).catch((e: unknown) => e),
      p.fail({ env: { ...env, SPOTIFY_REDIRECT_URI: 'http://example.com/cb' } }),
    ]);
    for (const error of errors) expect(String((error as Error).message)).not.toContain(SECRET);
  });
});
