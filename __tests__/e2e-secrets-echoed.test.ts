import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml } from '../src/core/html-page.js';
import { FAKE_BROWSER, runPlain, tempDir } from './helpers/e2e.js';
import { startHostileSpotify, type HostileSpotify, type TokenRequest } from './helpers/hostile-spotify.js';

// e2e-secrets.test.ts, against a server that quotes back what it was sent: in error_description,
// in error, in a plain-text or HTML body, in the Web API's message; raw, URL-encoded, JSON-escaped,
// HTML-escaped and as the Basic header's base64. No output may hold a secret, nor 16 characters
// of one (`status` once showed 64 of a refresh token's 67). HOSTILE_CLI runs another build.
const SECRET = 'client-secret/9f+8e=7d&6c"5b<4a';
const CLIENT_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
let spotify: HostileSpotify;
const outputs: Array<[string, string]> = [];

beforeAll(async () => {
  spotify = await startHostileSpotify({ profile: { display_name: 'Echo Listener', id: 'echo' } });
});
afterAll(() => spotify.close());

/** Everything the request carried, in every form a careless server might quote it in. */
function echo(request: TokenRequest | string | undefined): string {
  const values =
    typeof request === 'object'
      ? [...request.form.values(), request.basic ?? '', request.authorization ?? '']
      : [request ?? ''];
  return values
    .flatMap((value) => [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), escapeHtml(value)])
    .join(' | ');
}

async function configured(): Promise<string> {
  const dir = await tempDir('pytify-echo-');
  const config = {
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    redirectUri: 'http://127.0.0.1/callback',
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
  };
  await writeFile(join(dir, '.spotifyrc'), JSON.stringify(config));
  return dir;
}

async function run(name: string, dir: string, args: string[]) {
  const result = await runPlain(args, { cwd: dir, env: { BROWSER: FAKE_BROWSER }, cli: process.env.HOSTILE_CLI });
  outputs.push([`${name}: stdout`, result.stdout], [`${name}: stderr`, result.stderr]);
  return result;
}

describe('no secret in any output, when the server echoes them', () => {
  it('a login whose code exchange is refused with the request quoted back, in each shape', async () => {
    const shapes: Array<(request: TokenRequest) => { status: number; body: string; contentType?: string }> = [
      (r) => ({ status: 400, body: JSON.stringify({ error: 'invalid_grant', error_description: echo(r) }) }),
      (r) => ({ status: 400, body: JSON.stringify({ error: echo(r) }) }),
      (r) => ({ status: 401, body: JSON.stringify({ error: 'invalid_client', error_description: echo(r) }) }),
      (r) => ({ status: 400, body: `you sent ${echo(r)}`, contentType: 'text/plain' }),
      (r) => ({ status: 502, body: `<html><p>${echo(r)}</p></html>`, contentType: 'text/html' }),
    ];
    for (const [index, shape] of shapes.entries()) {
      spotify.options = { ...spotify.options, token: shape };
      const result = await run(`exchange ${index}`, await configured(), ['--debug']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('[redacted]');
    }
  });

  it('status, token and token --json when the refresh and GET /me quote the tokens', async () => {
    spotify.options = { profile: { display_name: 'Echo Listener', id: 'echo' } };
    const dir = await configured();
    expect((await run('login', dir, ['--debug'])).code).toBe(0);

    spotify.options = {
      token: (r) => ({
        status: 400,
        body: JSON.stringify({ error: 'invalid_grant', error_description: `Invalid refresh token: ${echo(r)}` }),
      }),
    };
    for (const args of [['status'], ['status', '--json'], ['token'], ['token', '--json'], ['status', '--debug']]) {
      const result = await run(args.join(' '), dir, args);
      expect(result.code).toBe(1);
    }
    spotify.options = {
      me: (authorization) => ({
        status: 401,
        body: JSON.stringify({ error: { status: 401, message: echo(authorization) } }),
      }),
    };
    for (const args of [['status'], ['status', '--json', '--debug']]) await run(`${args.join(' ')} (me)`, dir, args);
  });

  it('contains none of the secrets in play, whole or cut', () => {
    const secrets = [SECRET, ...spotify.secrets()].filter((value) => value.length >= 16);
    expect(secrets.length).toBeGreaterThan(8);
    expect(outputs.length).toBeGreaterThan(20);
    const pieces = (secret: string) =>
      Array.from({ length: secret.length - 15 }, (_, i) => secret.slice(i, i + 16)).concat(
        encodeURIComponent(secret).slice(0, 16),
      );
    const leaks = outputs.flatMap(([where, text]) =>
      secrets
        .filter((secret) => pieces(secret).some((piece) => text.includes(piece)))
        .map((secret) => `${where} shows part of ${secret.slice(0, 6)}…`),
    );
    expect(leaks).toEqual([]);
  });
});
