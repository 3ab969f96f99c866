import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { CLIENT_ID, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';

// --debug and DEBUG=pytify-auth for every command of the built CLI, redacted as the login's log is.
const SECRET = 'e2e-debug-client-secret-93b1f0';
const SCOPES = ['user-read-private'];
let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startSpotify({ clientSecret: SECRET });
});
afterAll(() => spotify.close());

async function authorized() {
  const dir = await tempDir('pytify-e2e-debug-');
  await writeConfig(dir, spotify, { clientSecret: SECRET, scopes: SCOPES });
  const token = spotify.issueRefreshToken(CLIENT_ID, SCOPES);
  await writeFile(join(dir, '.pytify'), token, { mode: 0o600 });
  return dir;
}

const debugLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('[pytify-auth '));
const events = (stderr: string) => debugLines(stderr).map((line) => line.split(' ')[2]);

const COMMANDS: Array<[string, string[], string[]]> = [
  ['status', ['status'], ['http', 'http']],
  ['token', ['token'], ['http', 'http']],
  ['doctor', ['doctor'], ['doctor', 'doctor']],
  ['init', ['init'], ['init']],
  ['logout', ['logout', '--yes'], ['logout', 'logout']],
];

describe.each([
  ['--debug', true],
  ['DEBUG=pytify-auth', false],
])('%s', (_, asFlag) => {
  it.each(COMMANDS)('%s logs its steps on stderr, without a secret', async (_name, args, expected) => {
    const dir = await authorized();
    const result = await runPlain(asFlag ? [...args, '--debug'] : args, {
      cwd: dir,
      env: asFlag ? {} : { DEBUG: 'pytify-auth' },
    });
    expect(result.stderr).not.toContain('unknown option');
    const lines = debugLines(result.stderr);
    expect(events(result.stderr).slice(0, expected.length)).toEqual(expected);
    const secrets = [SECRET, ...spotify.issuedSecrets()].filter((value) => value.length >= 8);
    expect(lines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
    expect(lines.join('\n')).not.toContain('[redacted]'); // no field of ours is named like a secret
    if (args[0] === 'status' || args[0] === 'token') {
      expect(lines.join('\n')).toContain(`url="${spotify.tokenUrl}" fields="grant_type,refresh_token"`);
      // The access token on stdout is the point of `token`; it never reaches the log.
      expect(result.code).toBe(0);
    }
  });
});

it('without --debug or DEBUG, no command logs', async () => {
  for (const [, args] of COMMANDS) {
    const result = await runPlain(args, { cwd: await authorized() });
    expect(debugLines(result.stderr)).toEqual([]);
  }
});
