import { describe, expect, it } from '@jest/globals';
import { resolveConfig, type ResolveOptions } from '../src/config/resolve.js';
import { DEFAULTS } from '../src/config/types.js';
import { projectPerTest, type Project } from './fixtures/config/project.js';

// The one merge: every value together with where it came from, as doctor shows them.
const setup = projectPerTest();
const ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';

const resolve = (p: Project, options: Partial<ResolveOptions> = {}) =>
  resolveConfig({ cwd: p.root, env: {}, flags: {}, stopDir: p.root, homeDir: p.root, ...options });

/** [value, origin] per key, the origin as doctor words it: "file client_id", "env X", "flag --x", "default". */
async function table(p: Project, options: Partial<ResolveOptions> = {}) {
  const { values, origins } = await resolve(p, options);
  return Object.fromEntries(
    Object.entries(origins).map(([key, origin]) => [
      key,
      [values[key as keyof typeof values], [origin.source, origin.name].filter(Boolean).join(' ')],
    ]),
  );
}

const DEFAULTED = {
  authUrl: [DEFAULTS.authUrl, 'default'],
  tokenUrl: [DEFAULTS.tokenUrl, 'default'],
  apiUrl: [DEFAULTS.apiUrl, 'default'],
  scopes: [[...DEFAULTS.scopes], 'default'],
  timeoutSeconds: [300, 'default'],
  showDialog: [false, 'default'],
  openBrowser: [true, 'default'],
};

describe('resolveConfig: each value and where it came from', () => {
  it('defaults and a file', async () => {
    const p = await setup({ '.spotifyrc': { clientId: ID } });
    expect(await table(p)).toEqual({
      ...DEFAULTED,
      clientId: [ID, 'file clientId'],
      clientSecret: [undefined, 'default'],
      redirectUri: [DEFAULTS.redirectUri, 'default'],
      tokenFile: [p.at('.pytify'), 'default'],
    });
  });

  it('every key in a file further up, by its alias; a token file relative to the file', async () => {
    const p = await setup({
      '.spotifyrc': {
        client_id: ID,
        client_secret: 'sec-ret',
        redirect_uri: 'http://[::1]/cb',
        scopes: 'a b a',
        token_file: 't/.pytify',
        auth_url: 'http://a/x',
        access_token_url: 'https://a/t',
        api_url: 'https://a/v1',
      },
      'music/x': '',
    });
    expect(await table(p, { cwd: p.at('music') })).toEqual({
      ...DEFAULTED,
      clientId: [ID, 'file client_id'],
      clientSecret: ['sec-ret', 'file client_secret'],
      redirectUri: ['http://[::1]/cb', 'file redirect_uri'],
      scopes: [['a', 'b'], 'file scopes'],
      tokenFile: [p.at('t/.pytify'), 'file token_file'],
      authUrl: ['http://a/x', 'file auth_url'],
      tokenUrl: ['https://a/t', 'file access_token_url'],
      apiUrl: ['https://a/v1', 'file api_url'],
    });
  });

  it('the environment over the file, flags over both', async () => {
    const p = await setup({
      'package.json': { spotify: { clientId: 'file-id', redirectUri: 'http://127.0.0.1:1234/cb', tokenFile: 'x' } },
    });
    const options = {
      env: {
        SPOTIFY_CLIENT_ID: ID,
        SPOTIFY_CLIENT_SECRET: ' env-secret ',
        SPOTIFY_REDIRECT_URI: 'http://127.0.0.1:9/cb',
      },
      flags: { port: '0', tokenFile: '~/tok', timeout: '9', showDialog: true, noBrowser: true },
    };
    expect(await table(p, options)).toEqual({
      ...DEFAULTED,
      clientId: [ID, 'env SPOTIFY_CLIENT_ID'],
      clientSecret: ['env-secret', 'env SPOTIFY_CLIENT_SECRET'],
      redirectUri: ['http://127.0.0.1/cb', 'flag --port'],
      tokenFile: [p.at('tok'), 'flag --token-file'],
      timeoutSeconds: [9, 'flag --timeout'],
      showDialog: [true, 'flag --show-dialog'],
      openBrowser: [false, 'flag --no-browser'],
    });
    // A localhost URI is refused, naming where it was written: the variable, not the file.
    await expect(
      resolve(p, { ...options, env: { ...options.env, SPOTIFY_REDIRECT_URI: 'http://localhost:9/cb' } }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID', key: 'SPOTIFY_REDIRECT_URI' });
  });

  it('--config: that file, nothing searched; a missing one only when the setup will create it', async () => {
    const p = await setup({
      '.spotifyrc': { clientId: 'searched' },
      'conf/a.yaml': `clientId: "${ID}"\ntokenFile: ../tok\n`,
    });
    const named = await resolve(p, { flags: { config: 'conf/a.yaml' } });
    expect(named).toMatchObject({
      configFlag: p.at('conf/a.yaml'),
      searched: [],
      found: { file: p.at('conf/a.yaml') },
    });
    expect(named.values).toMatchObject({ clientId: ID, tokenFile: p.at('tok') });
    const missing = { flags: { config: 'new.json' } };
    await expect(resolve(p, missing)).rejects.toMatchObject({ code: 'CONFIG_INVALID', file: p.at('new.json') });
    expect((await resolve(p, { ...missing, allowMissingConfigFile: true })).found).toBeUndefined();
  });

  it('no client id is not an error here: doctor and the setup go on without one', async () => {
    const p = await setup({ '.spotifyrc.yaml': '# nothing yet\n' });
    const { values, origins, found } = await resolve(p);
    expect(values).not.toHaveProperty('clientId');
    expect(values).not.toHaveProperty('clientSecret');
    expect(origins.clientId).toEqual({ source: 'default' });
    expect(found).toBeUndefined();
  });
});

describe('the search trail', () => {
  it('lists each directory up to the used file, with candidates passed over and those never read', async () => {
    const p = await setup({
      'music/package.json': { name: 'music' },
      'music/.spotifyrc': '',
      'music/sub/x': '',
      '.spotifyrc.yaml': `clientId: ${ID}\n`,
      'package.json': { spotify: { clientId: 'other' } },
    });
    const { searched, found } = await resolve(p, { cwd: p.at('music/sub') });
    expect(found?.file).toBe(p.at('.spotifyrc.yaml'));
    expect(searched).toEqual([
      { dir: p.at('music/sub'), present: [] },
      { dir: p.at('music'), present: ['.spotifyrc', 'package.json'] },
      { dir: p.root, present: ['.spotifyrc.yaml', 'package.json'], used: '.spotifyrc.yaml' },
    ]);
  });

  it('counts a directory named like a candidate as present but never reads it', async () => {
    const p = await setup({ '.spotifyrc/x': '', 'package.json': { spotify: { clientId: ID } } });
    const { searched } = await resolve(p);
    expect(searched).toEqual([{ dir: p.root, present: ['.spotifyrc', 'package.json'], used: 'package.json' }]);
  });
});
