import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLIENT_ID, runPlain, tempDir } from './helpers/e2e.js';

// `pytify-auth init` and `doctor` as built, without a terminal (stdin from /dev/null, output captured).
describe('pytify-auth init without a terminal', () => {
  it('prints the guide on stderr and the exact file on stdout, writes nothing, exits 1', async () => {
    const dir = await tempDir();
    const result = await runPlain(['init', '--port', '0'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Add this Redirect URI exactly as shown');
    expect(result.stderr).toContain('\n       http://127.0.0.1/callback\n');
    expect(result.stderr).toContain('Then save the text below as .spotifyrc');
    expect(result.stdout).toBe('{\n  "clientId": "<the 32-character Client ID>"\n}\n');
    expect(existsSync(join(dir, '.spotifyrc'))).toBe(false);
    expect(result.stdout + result.stderr).not.toMatch(/\u001B\[/);
  });

  it('on an existing config: its keys in the template, the secret never printed', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, '.spotifyrc'),
      JSON.stringify({ clientId: CLIENT_ID, clientSecret: 'do-not-print-me', tokenFile: 't' }),
    );
    const result = await runPlain(['init'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pytify-auth init: editing .spotifyrc needs a terminal');
    expect(JSON.parse(result.stdout)).toEqual({
      clientId: CLIENT_ID,
      clientSecret: '<your client secret, or remove this line to use PKCE>',
      tokenFile: 't',
    });
    expect(result.stdout + result.stderr).not.toContain('do-not-print-me');
  });

  it('--help, a bad flag (2) and a broken config (2)', async () => {
    const dir = await tempDir();
    const help = await runPlain(['init', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pytify-auth init');
    const bad = await runPlain(['init', '--nope'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--nope'");
    await writeFile(join(dir, '.spotifyrc'), '{"clientId": ');
    const broken = await runPlain(['init'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('.spotifyrc: cannot be read');
    expect(await readFile(join(dir, '.spotifyrc'), 'utf8')).toBe('{"clientId": ');
  });
});

describe('pytify-auth doctor, built', () => {
  it('reports on an empty directory (exit 1) and on a working config (exit 0), with no colour codes', async () => {
    const dir = await tempDir();
    const empty = await runPlain(['doctor', '--port', '0'], { cwd: dir });
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain('✖ No client id is configured');
    await writeFile(join(dir, '.spotifyrc'), JSON.stringify({ clientId: CLIENT_ID }), { mode: 0o600 });
    const ready = await runPlain(['doctor', '--port', '0'], { cwd: dir });
    expect(ready.code).toBe(0);
    expect(ready.stdout).toMatch(/clientId\s+\*{8}f1c0\s+\.spotifyrc \("clientId"\)/);
    expect(ready.stdout).not.toMatch(/\u001B\[/);
    const help = await runPlain(['doctor', '-h'], { cwd: dir });
    expect(help.stdout).toContain('Usage: pytify-auth doctor');
  });
});
