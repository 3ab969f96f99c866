import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultLoaders } from 'cosmiconfig';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFile } from '../src/config/read-file.js';
import { shortReason } from '../src/config/short-reason.js';

// read-file.ts parses plain JSON itself, so `pytify-auth token` does not load cosmiconfig and
// js-yaml on every run, and YAML with js-yaml directly, without cosmiconfig. What it returns must
// be exactly what cosmiconfig's loader for that file returns, and where that loader fails (a
// repeated key in YAML), it must fail too, for the same reason.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pytify-json-fast-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const TEXTS: Array<[string, string]> = [
  ['compact', '{"clientId":"abc","scopes":["a","b"],"n":1.0,"e":1e5,"neg":-0,"t":true,"nul":null}'],
  ['tabs and newlines', '{\n\t"clientId": "abc",\n\t"nested": {\n\t\t"x": [1, 2, {"y": "z"}]\n\t}\n}\n'],
  ['escapes', '{"clientId":"\\u00e9\\ud83d\\ude00\\/x \\"q\\" \\\\ \\n\\t","k":"a: b # not a comment"}'],
  ['YAML-looking keys', '{"__proto__": {"x": 1}, "<<": {"y": 2}, "a:b": "c"}'],
  ['a key repeated', '{"clientId": "first", "clientId": "second"}'],
  ['a nested key repeated', '{"a": {"b": "1", "b": "2"}}'],
  ['a line break between a key and its colon', '{"clientId"\n: "id"}'],
  ['a line break after a colon', '{"clientId":\r\n"id", "scopes": [\n"a"\r]}'],
  ['an escaped quote before a colon in a value', '{"k": "x\\": y", "clientId": "id"}'],
  ['not JSON (YAML)', 'clientId: yaml\n'],
  ['not an object', '[1, 2, 3]'],
  ['a byte-order mark', '\uFEFF{"clientId": "bom"}'],
  ['numbers js-yaml reads otherwise', '{"zero": -0, "huge": 1e400, "big": 12345678901234567890123, "f": -0.0}'],
  ['characters YAML treats specially, raw', '{"clientId": "x\u007f\u0085\u2028\ufeff\ud800 y", "tab": "a\tb"}'],
  [
    'characters YAML treats specially, escaped',
    String.raw`{"clientId": "x\u007f\u0085\u2028\ufeff\ud800 y", "tab": "a\tb"}`,
  ],
  [
    'YAML as in .spotifyrc.example',
    '# pytify-auth\nclientId: "5f1c0ffee5f1c0ffee5f1c0ffee5f1c0"\nscopes:\n  - user-read-private\n  - user-modify-playback-state\nshowDialog: no\ntokenFile: ~\n',
  ],
  ['YAML anchors and a merge key', 'base: &b {clientId: anchored}\nother:\n  <<: *b\n  x: 0x1F\n'],
  ['broken YAML', 'clientId: "unterminated\nscopes: [a, b\n'],
  ['YAML with a tab indent', 'scopes:\n\t- a\n'],
  [
    'a typical file',
    '{\n  "clientId": "5f1c0ffee5f1c0ffee5f1c0ffee5f1c0",\n  "redirectUri": "http://127.0.0.1:3000/callback",\n  "scopes": ["user-read-private"],\n  "showDialog": false,\n  "tokenFile": null\n}\n',
  ],
];

const LOADERS: Array<[string, keyof typeof defaultLoaders]> = [
  ['.spotifyrc', 'noExt'],
  ['.spotifyrc.yaml', '.yaml'],
  ['.spotifyrc.json', '.json'],
];

async function expected(loader: keyof typeof defaultLoaders, file: string, content: string) {
  try {
    return { data: (await defaultLoaders[loader](file, content)) ?? undefined };
  } catch (error) {
    return { failed: shortReason((error as Error).message) };
  }
}

/** The reason in our message (`.spotifyrc: cannot be read: <reason>`), located at a line if JSON.parse gave an offset. */
const reasonOf = (error: unknown): string =>
  String((error as Error).message)
    .replace(/^.*?: cannot be read: /s, '')
    .replace(/ at line \d+ column \d+/, '');

describe('plain JSON config files are read as cosmiconfig reads them', () => {
  for (const [name, loader] of LOADERS) {
    it.each(TEXTS)(`${name}: %s`, async (_label, content) => {
      const path = join(dir, name);
      await writeFile(path, content);
      const want = await expected(loader, path, await readFile(path, 'utf8'));
      const got = await loadConfigFile(path, dir).then(
        (found) => ({ data: found.data }),
        (error: unknown) => ({ failed: reasonOf(error) }),
      );
      if ('failed' in want && 'failed' in got && want.failed) want.failed = want.failed.replace(/ at position \d+/, '');
      expect(got).toEqual(want);
      if ('data' in got && 'data' in want && typeof want.data === 'object' && want.data !== null) {
        // toEqual ignores an own "__proto__" key: compare the keys themselves too.
        expect(Object.getOwnPropertyNames(got.data)).toEqual(Object.getOwnPropertyNames(want.data));
      }
    });
  }
});
