import { describe, expect, it } from '@jest/globals';
import { bypassesProxy } from '../src/token/no-proxy.js';
import { proxyFor } from '../src/token/proxy.js';

const bypass = (url: string, noProxy: string) => bypassesProxy(new URL(url), noProxy);

describe('NO_PROXY, as curl matches it', () => {
  it.each([
    ['https://accounts.spotify.com/api/token', 'spotify.com', true],
    ['https://accounts.spotify.com/api/token', '.spotify.com', true],
    ['https://spotify.com/', '.spotify.com', true], // a leading dot is ignored, as in curl
    ['https://accounts.spotify.com/', '*.spotify.com', true],
    ['https://accounts.spotify.com/', 'accounts.spotify.com', true],
    ['https://ACCOUNTS.Spotify.COM/', 'accounts.SPOTIFY.com', true],
    ['https://accounts.spotify.com./', 'spotify.com.', true], // trailing dots
    ['https://notspotify.com/', 'spotify.com', false], // whole labels only
    ['https://spotify.com.evil.example/', 'spotify.com', false],
    ['https://api.spotify.com/', 'accounts.spotify.com', false],
    ['https://api.spotify.com/', '*', true],
    ['https://api.spotify.com/', '', false],
    ['https://api.spotify.com/', ' , ,', false],
    ['https://api.spotify.com/', 'example.org, spotify.com', true], // blanks around commas
    ['https://api.spotify.com/', 'example.org spotify.com', true], // blanks separate too
    ['https://api.spotify.com/', 'example.org,,spotify.com', true],
  ])('%s with NO_PROXY=%j: bypass %s', (url, noProxy, expected) => {
    expect(bypass(url, noProxy)).toBe(expected);
  });

  it.each([
    ['http://127.0.0.1:8080/', '127.0.0.1', true],
    ['http://127.0.0.1:8080/', '127.0.0.0/8', true],
    ['http://10.1.2.3/', '10.0.0.0/16', false],
    ['http://10.0.2.3/', '10.0.0.0/16', true],
    ['http://10.0.2.3/', '10.0.0.0/99', false], // a prefix out of range matches nothing
    ['http://[::1]:8080/', '::1', true],
    ['http://[::1]:8080/', '[::1]', true],
    ['http://[fe80::1]/', 'fe80::/10', true],
    ['http://[::1]/', '127.0.0.1', false],
    ['http://localhost/', '127.0.0.1', false], // no name is looked up
    ['http://127.0.0.1/', 'localhost', false],
    ['http://127.0.0.2/', '127.0.0.1', false],
  ])('%s with NO_PROXY=%j (addresses): bypass %s', (url, noProxy, expected) => {
    expect(bypass(url, noProxy)).toBe(expected);
  });

  it.each([
    ['https://accounts.spotify.com/', 'spotify.com:443', true],
    ['https://accounts.spotify.com/', 'spotify.com:8443', false],
    ['http://127.0.0.1:8080/', '127.0.0.1:8080', true],
    ['http://127.0.0.1:8081/', '127.0.0.1:8080', false],
    ['http://127.0.0.1/', '127.0.0.1:80', true], // the scheme's port when the URL names none
    ['http://[::1]:8080/', '[::1]:8080', true],
    ['http://[::1]:9090/', '[::1]:8080', false],
  ])('%s with NO_PROXY=%j (ports, as requests and Go read them): bypass %s', (url, noProxy, expected) => {
    expect(bypass(url, noProxy)).toBe(expected);
  });
});

describe('which proxy the environment names', () => {
  const TOKEN = new URL('https://accounts.spotify.com/api/token');
  const LOCAL = new URL('http://127.0.0.1:9000/api/token');
  const shown = (url: URL, env: Record<string, string>) => proxyFor(url, env)?.shown;

  it('reads https_proxy, then HTTPS_PROXY, then all_proxy and ALL_PROXY for an https URL', () => {
    expect(shown(TOKEN, { https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2' })).toBe('http://a:1');
    expect(shown(TOKEN, { HTTPS_PROXY: 'http://b:2', ALL_PROXY: 'http://c:3' })).toBe('http://b:2');
    expect(shown(TOKEN, { ALL_PROXY: 'http://c:3' })).toBe('http://c:3');
    expect(shown(TOKEN, { https_proxy: '', HTTPS_PROXY: 'http://b:2' })).toBe('http://b:2'); // empty is unset
    expect(shown(TOKEN, { HTTP_PROXY: 'http://d:4' })).toBeUndefined(); // http's proxy is for http
    expect(shown(TOKEN, {})).toBeUndefined();
  });

  it('reads http_proxy and HTTP_PROXY for an http URL, but not HTTP_PROXY under CGI', () => {
    expect(shown(LOCAL, { HTTP_PROXY: 'http://d:4' })).toBe('http://d:4');
    expect(shown(LOCAL, { http_proxy: 'http://e:5', HTTP_PROXY: 'http://d:4' })).toBe('http://e:5');
    expect(shown(LOCAL, { HTTP_PROXY: 'http://d:4', REQUEST_METHOD: 'GET' })).toBeUndefined();
    expect(shown(LOCAL, { HTTPS_PROXY: 'http://b:2' })).toBeUndefined();
  });

  it('skips a host NO_PROXY (or no_proxy, first) lists', () => {
    expect(shown(TOKEN, { HTTPS_PROXY: 'http://b:2', NO_PROXY: 'spotify.com' })).toBeUndefined();
    expect(shown(TOKEN, { HTTPS_PROXY: 'http://b:2', no_proxy: 'spotify.com' })).toBeUndefined();
    expect(shown(TOKEN, { HTTPS_PROXY: 'http://b:2', no_proxy: 'example.org', NO_PROXY: '*' })).toBe('http://b:2');
  });

  it('shows a proxy as scheme://host:port only: never its credentials, always its port', () => {
    const env = { HTTPS_PROXY: 'http://alice:s3cret-pass@proxy.example:3128/' };
    expect(proxyFor(TOKEN, env)).toMatchObject({ shown: 'http://proxy.example:3128' });
    expect(proxyFor(TOKEN, env)?.url.password).toBe('s3cret-pass'); // kept for the proxy itself
    expect(shown(TOKEN, { HTTPS_PROXY: 'proxy.example:3128' })).toBe('http://proxy.example:3128'); // no scheme: http
    expect(shown(TOKEN, { HTTPS_PROXY: 'http://proxy.example' })).toBe('http://proxy.example:80');
    expect(shown(TOKEN, { HTTPS_PROXY: 'https://proxy.example' })).toBe('https://proxy.example:443');
    expect(shown(TOKEN, { HTTPS_PROXY: 'http://[::1]:3128' })).toBe('http://[::1]:3128');
  });

  it('refuses a proxy it cannot speak to, without repeating the value', () => {
    expect(() => proxyFor(TOKEN, { HTTPS_PROXY: 'socks5://u:pw@127.0.0.1:1080' })).toThrow(
      'HTTPS_PROXY names a socks5 proxy; only http:// and https:// proxies work',
    );
    expect(() => proxyFor(TOKEN, { https_proxy: 'http://u:pw@[bad' })).toThrow(
      /^https_proxy is not a proxy URL \(expected http:\/\/host:port\)$/,
    );
  });
});
