import { describe, expect, it } from '@jest/globals';
import { chown } from 'node:fs/promises';
import { distrust } from '../src/config/trust.js';
import { buildConfigData } from '../src/setup/config-content.js';
import { projectPerTest } from './fixtures/config/project.js';

// The book's config keys and the endpoint rules, through the one loader.
const setup = projectPerTest();
const ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';
const BOOK = [
  `client_id: '${ID}'`,
  "client_secret: '0123456789abcdef0123456789abcdef'",
  "access_token_url: 'https://accounts.spotify.com/api/token'",
  "auth_url: 'http://accounts.spotify.com/authorize'",
  "api_version: 'v1'",
  "api_url: 'https://api.spotify.com'",
  "base_url: 'https://api.spotify.com'",
  "auth_method: 'AUTHORIZATION_CODE'",
  '',
].join('\n');

describe("the book's pytify/config.yaml", () => {
  it('is found from musicterminal/ after the project places; its keys are all known; .pytify goes next to pytify/', async () => {
    const p = await setup({ 'musicterminal/pytify/config.yaml': BOOK });
    const { config, warnings } = await p.load({ cwd: p.at('musicterminal') });
    expect(config).toMatchObject({
      configFile: p.at('musicterminal/pytify/config.yaml'),
      clientId: ID,
      apiUrl: 'https://api.spotify.com/v1',
      authUrl: 'https://accounts.spotify.com/authorize',
      tokenFile: p.at('musicterminal/.pytify'),
    });
    expect(warnings.map((w) => w.code)).toEqual(['HTTP_UPGRADED']);
    expect(warnings[0]?.message).toContain('"auth_url" is plain http');
  });

  it('comes after the project places in the same directory', async () => {
    const p = await setup({ 'pytify/config.yaml': BOOK, '.spotifyrc': { clientId: 'own' } });
    expect((await p.load()).config.clientId).toBe('own');
  });

  it('with --config from anywhere, .pytify still goes in the folder holding pytify/', async () => {
    const p = await setup({ 'musicterminal/pytify/config.yaml': BOOK, 'elsewhere/x': '' });
    const { config } = await p.load({
      cwd: p.at('elsewhere'),
      flags: { config: '../musicterminal/pytify/config.yaml' },
    });
    expect(config.tokenFile).toBe(p.at('musicterminal/.pytify'));
  });

  it('an API base on api.spotify.com without /v1 is an error, not a 404 after the code is spent', async () => {
    const p = await setup({ 'pytify/config.yaml': BOOK.replace("api_version: 'v1'\n", '') });
    const error = await p.fail();
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', key: 'api_url' });
    expect(error.message).toContain('lacks /v1');
  });

  it('auth_method CLIENT_CREDENTIALS is explained', async () => {
    const p = await setup({ 'pytify/config.yaml': BOOK.replace('AUTHORIZATION_CODE', 'CLIENT_CREDENTIALS') });
    const { warnings } = await p.load();
    expect(warnings.find((w) => w.code === 'BOOK_AUTH_METHOD')?.message).toContain(
      'client credentials cannot act for a user',
    );
  });
});

describe('plain http endpoints', () => {
  it.each([
    ['tokenUrl', 'http://10.0.0.7/api/token'],
    ['apiUrl', 'http://example.com/v1'],
    ['tokenUrl', 'http://[fe80::1]/api/token'],
  ])('%s %s to a host that is not loopback is refused', async (key, url) => {
    const p = await setup({ '.spotifyrc': { clientId: ID, [key]: url } });
    const error = await p.fail();
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', key });
    expect(error.message).toContain('plain http to');
  });

  it.each(['http://127.0.0.1:9/api/token', 'http://[::1]:9/api/token', 'http://localhost:9/api/token'])(
    '%s (this computer) is allowed',
    async (url) => {
      const p = await setup({ '.spotifyrc': { clientId: ID, tokenUrl: url } });
      expect((await p.load()).config.tokenUrl).toBe(url);
    },
  );
});

describe('trust', () => {
  it("a file that belongs to another user, or sits in another user's directory, is not trusted", async () => {
    const p = await setup({ 'a/b/.spotifyrc': { clientId: ID } });
    const file = p.at('a/b/.spotifyrc');
    const trust = { uid: 0, home: p.root };
    expect(await distrust(file, trust)).toBeUndefined();
    await chown(p.at('a'), 65534, 65534);
    expect(await distrust(file, trust)).toBe(`sits in ${p.at('a')}, which belongs to another user (uid 65534)`);
    await chown(file, 65534, 65534);
    expect(await distrust(file, trust)).toBe('belongs to another user (uid 65534)');
  });
});

describe('the setup writing back the book file', () => {
  it("keeps the book's key names, which the book's player reads", () => {
    const base = { client_id: 'old', access_token_url: 'https://accounts.spotify.com/api/token', api_version: 'v1' };
    expect(buildConfigData(base, { clientId: ID, clientSecret: 'new-secret' })).toEqual({
      client_id: ID,
      client_secret: 'new-secret',
      access_token_url: 'https://accounts.spotify.com/api/token',
      api_version: 'v1',
    });
  });
});
