import { describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runPlain, tempDir } from './helpers/e2e.js';

describe('the built CLI in its own words', () => {
  it('suggests the nearest command and flag, exit 2', async () => {
    const dir = await tempDir();
    const command = await runPlain(['stauts'], { cwd: dir });
    expect(command.code).toBe(2);
    expect(command.stderr).toBe(
      "pytify-auth: unknown command 'stauts'. Did you mean 'status'?\nRun 'pytify-auth --help' for usage.\n",
    );
    const flag = await runPlain(['--no-colour'], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--no-colour'. Did you mean '--no-color'?");
    const own = await runPlain(['status', '--jsn'], { cwd: dir });
    expect(own.code).toBe(2);
    expect(own.stderr).toContain("unknown option '--jsn'. Did you mean '--json'?\nRun 'pytify-auth status --help'");
    const init = await runPlain(['init', '--prot', '1'], { cwd: dir });
    expect(init.stderr).toContain("unknown option '--prot'. Did you mean '--port'?");
  });

  it("says what a missing value should be, not the parser's text", async () => {
    const dir = await tempDir();
    const result = await runPlain(['--timeout'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "pytify-auth: --timeout needs a value (seconds, e.g. --timeout 600)\nRun 'pytify-auth --help' for usage.\n",
    );
    const doctor = await runPlain(['doctor', '--port'], { cwd: dir });
    expect(doctor.code).toBe(2);
    expect(doctor.stderr).toContain('--port needs a value (a port number');
  });

  it.each([
    ['status', 'There is no authorization to show.'],
    ['token', 'There is no token to print.'],
  ])('%s without a config says so once and points to init', async (command, nothing) => {
    const dir = await tempDir();
    const result = await runPlain([command], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `pytify-auth: No Spotify client id is configured. ${nothing}\n` +
        'Set one up with pytify-auth init (or set SPOTIFY_CLIENT_ID), then run pytify-auth to authorize.\n',
    );
    await writeFile(join(dir, 'my rc.json'), '{"scopes": "user-read-private"}');
    const named = await runPlain([command, '--config', 'my rc.json'], { cwd: dir });
    expect(named.stderr).toContain("pytify-auth init --config 'my rc.json'");
  });

  it('a config with three wrong types reports all three, in JSON terms, in the login and in doctor', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.spotifyrc.json'), '{"clientId": 1234, "tokenFile": true, "scopes": 5}');
    const login = await runPlain([], { cwd: dir });
    expect(login.code).toBe(2);
    for (const key of ['clientId', 'tokenFile', 'scopes']) expect(login.stderr).toContain(`.spotifyrc.json: "${key}"`);
    expect(login.stderr).toContain('write it as a string in quotes: "clientId": "…"');
    expect(login.stderr).not.toContain('YAML');
    const doctor = await runPlain(['doctor'], { cwd: dir });
    expect(doctor.code).toBe(2);
    expect(doctor.stderr.split('\n').filter((line) => line.startsWith('✖ '))).toHaveLength(3);
  });
});
