import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../src/core/errors.js';
import { parseRedirectUri, withPort } from '../src/config/load-config.js';
import { projectPerTest } from './fixtures/config/project.js';

const setup = projectPerTest();

describe('parseRedirectUri', () => {
  it.each([
    ['http://127.0.0.1:3000/callback', { host: '127.0.0.1', port: 3000, path: '/callback', explicitPort: true }],
    ['http://[::1]:8888/cb', { host: '::1', port: 8888, path: '/cb', explicitPort: true }],
    ['http://127.0.0.1/callback', { host: '127.0.0.1', port: 0, path: '/callback', explicitPort: false }],
    ['http://[::1]/', { host: '::1', port: 0, path: '/', explicitPort: false }],
    ['http://127.0.0.1:80/cb', { host: '127.0.0.1', port: 80, path: '/cb', explicitPort: true }],
    ['http://127.0.0.1:0/cb', { host: '127.0.0.1', port: 0, path: '/cb', explicitPort: true }],
    ['http://127.0.0.1:5000', { host: '127.0.0.1', port: 5000, path: '/', explicitPort: true }],
    ['http://127.0.0.1:5000/a/b?x=1', { host: '127.0.0.1', port: 5000, path: '/a/b', explicitPort: true }],
    // Spotify rejects it, but loadConfig only warns: listen on the IPv4 loopback literal.
    ['http://localhost:3000/callback', { host: '127.0.0.1', port: 3000, path: '/callback', explicitPort: true }],
  ])('%s', (uri, expected) => {
    expect(parseRedirectUri(uri)).toEqual(expected);
  });

  it.each(['https://127.0.0.1/cb', 'http://example.com/cb', 'not a url'])('refuses %s', (uri) => {
    expect(() => parseRedirectUri(uri)).toThrow(ConfigError);
  });
});

describe('withPort', () => {
  it.each([
    ['http://127.0.0.1:3000/callback', 8080, 'http://127.0.0.1:8080/callback'],
    ['http://127.0.0.1/callback', 51234, 'http://127.0.0.1:51234/callback'],
    ['http://[::1]:3000/cb?x=1', 4000, 'http://[::1]:4000/cb?x=1'],
    ['http://[::1]/cb', 4000, 'http://[::1]:4000/cb'],
    ['http://127.0.0.1:3000/callback', 0, 'http://127.0.0.1/callback'],
    ['http://127.0.0.1:3000', 80, 'http://127.0.0.1:80'],
    ['http://localhost:3000/Call%20Back', 9, 'http://localhost:9/Call%20Back'],
  ])('%s with port %d', (uri, port, expected) => {
    expect(withPort(uri, port)).toBe(expected);
  });

  it.each([-1, 65536, 1.5])('refuses port %d', (port) => {
    expect(() => withPort('http://127.0.0.1/cb', port)).toThrow(RangeError);
  });
});

describe('--port', () => {
  it.each([
    ['8080', 'http://127.0.0.1:3000/callback', 'http://127.0.0.1:8080/callback'],
    ['0', 'http://127.0.0.1:3000/callback', 'http://127.0.0.1/callback'],
    ['65535', 'http://[::1]/cb', 'http://[::1]:65535/cb'],
    [' 4000 ', 'http://127.0.0.1/cb', 'http://127.0.0.1:4000/cb'],
  ])('--port %s rewrites %s', async (port, redirectUri, expected) => {
    const p = await setup({ '.spotifyrc.json': { clientId: 'id', redirectUri } });
    expect((await p.load({ flags: { port } })).config.redirectUri).toBe(expected);
  });

  it('rewrites the default redirect URI too', async () => {
    const p = await setup();
    const { config } = await p.load({ env: { SPOTIFY_CLIENT_ID: 'id' }, flags: { port: '0' } });
    expect(config.redirectUri).toBe('http://127.0.0.1/callback');
  });

  it.each(['-1', '65536', 'abc', '1.5', '', '0x10', '80a'])('refuses --port %p', async (port) => {
    const p = await setup({ '.spotifyrc': 'clientId: id' });
    const error = await p.fail({ flags: { port } });
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', key: '--port', file: undefined });
    expect(error.message).toMatch(/^--port must be a port number from 0 to 65535/);
  });
});

describe('--timeout', () => {
  it.each([
    [undefined, 300],
    ['60', 60],
    ['1', 1],
    ['86400', 86400],
  ])('--timeout %p gives %d seconds', async (timeout, seconds) => {
    const p = await setup({ '.spotifyrc': 'clientId: id' });
    expect((await p.load({ flags: { timeout } })).config.timeoutSeconds).toBe(seconds);
  });

  it.each(['0', '-5', 'abc', '1.5', '', '1e3', '86401', '99999999999'])('refuses --timeout %p', async (timeout) => {
    const p = await setup({ '.spotifyrc': 'clientId: id' });
    const error = await p.fail({ flags: { timeout } });
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', key: '--timeout', file: undefined });
    expect(error.message).toMatch(/^--timeout must be a whole number of seconds/);
  });
});
