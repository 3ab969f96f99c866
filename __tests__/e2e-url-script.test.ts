import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { decide } from './helpers/authorize-code.js';
import { CLI, ROOT, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';

// docs/anywhere.md's way to get the authorize URL in a script, run exactly as written: the
// `| head -1` it replaces waited for the whole timeout, since the program must stay to catch the callback.
let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startSpotify();
});
afterAll(() => spotify.close());

async function documentedScript(): Promise<string> {
  const doc = await readFile(join(ROOT, 'docs', 'anywhere.md'), 'utf8');
  const block = /<!-- url-in-a-script[^>]*-->\n```sh\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/anywhere.md lost its url-in-a-script block');
  return block;
}

describe('the URL in a script (docs/anywhere.md)', () => {
  it('prints the URL while pytify-auth waits, and ends with its exit code once approved', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify, { timeout: undefined });
    const script = `pytify-auth() { ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"; }\n${await documentedScript()}`;
    await writeFile(join(dir, 'get-url.sh'), script);
    const started = Date.now();
    const child = spawn('bash', ['get-url.sh'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const firstLine = new Promise<string>((resolve) =>
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await firstLine;
    expect(url.startsWith(spotify.authUrl)).toBe(true);
    // The browser, elsewhere: consent, then the redirect to the callback pytify-auth still listens on.
    const callback = await decide(url, 'approve');
    await fetch(callback);
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await readFile(join(dir, '.pytify'), 'utf8')).not.toBe('');
  });
});
