import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { ROOT, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';

// What a run without a terminal loads, as files of dist/. string-width and wrap-ansi create an
// Intl.Segmenter and a /\p{RGI_Emoji}/v expression as they load (about 24 ms), and Ink brings
// React and yoga: output to a pipe wraps nothing and draws nothing, so neither may load there.
const RECORDER = pathToFileURL(join(ROOT, '__tests__', 'helpers', 'record-loads.mjs')).href;
const MARKS = { 'string-width': 'RGI_Emoji', Ink: 'ink-text' };

let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startSpotify();
});
afterAll(() => spotify.close());

/** The dist/ files a run of `args` loaded, and which of the MARKS libraries they hold. */
async function loads(args: string[]) {
  const dir = await tempDir('pytify-loads-');
  await writeConfig(dir, spotify);
  const list = join(dir, 'loaded.txt');
  await writeFile(list, '');
  const run = await runPlain(args, {
    cwd: dir,
    env: { NODE_OPTIONS: `--import=${RECORDER}`, PYTIFY_TEST_LOADS: list },
  });
  const urls = [...new Set((await readFile(list, 'utf8')).split('\n').filter((url) => url.includes('/dist/')))];
  const held = new Set<string>();
  for (const url of urls) {
    const text = await readFile(fileURLToPath(url), 'utf8');
    for (const [library, mark] of Object.entries(MARKS)) if (text.includes(mark)) held.add(library);
  }
  return { run, files: urls.map((url) => url.slice(url.indexOf('/dist/') + 1)), held: [...held] };
}

describe('a run without a terminal loads neither string-width nor Ink', () => {
  it.each([[['status']], [['doctor']], [['--no-browser', '--timeout', '1']]])('pytify-auth %j', async (args) => {
    const { run, files, held } = await loads(args);
    // The recording works: the program itself was seen loading.
    expect(files).toContain('dist/main.js');
    expect(run.stderr).not.toContain('unexpected error');
    expect(held).toEqual([]);
  });

  it('each mark is in the built files, so a file holding that library would be seen', async () => {
    const chunks = join(ROOT, 'dist', 'chunks');
    const texts = await Promise.all((await readdir(chunks)).map((name) => readFile(join(chunks, name), 'utf8')));
    for (const mark of Object.values(MARKS))
      expect(texts.filter((text) => text.includes(mark)).length).toBeGreaterThan(0);
  });
});
