import { afterAll, describe, expect, it } from '@jest/globals';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runPlain, tempDir } from './helpers/e2e.js';

// The built program reads each format by its own parser: JSON.parse for .json, js-yaml for
// .spotifyrc (JSON text included) and .yaml/.yml, and cosmiconfig's JS loader, in a lazily loaded
// chunk, for JavaScript: every format and its errors, end to end. `token` reads the config, then
// finds no token file.

const homes: string[] = [];
const home = async () => {
  homes.push(await tempDir('pytify-e2e-format-'));
  return homes.at(-1)!;
};
afterAll(() => Promise.all(homes.map((dir) => rm(dir, { recursive: true, force: true }))));

const CASES: Array<[string, string, string]> = [
  ['.spotifyrc (JSON)', '.spotifyrc', '{"clientId": "json-app"}'],
  ['.spotifyrc (YAML)', '.spotifyrc', '# a comment\nclientId: "yaml-app"\n'],
  ['.spotifyrc.yml', '.spotifyrc.yml', 'clientId: yml-app\n'],
  ['spotify.config.mjs', 'spotify.config.mjs', "export default { clientId: 'mjs-app' };\n"],
  ['spotify.config.js', 'spotify.config.js', "module.exports = { clientId: 'cjs-app' };\n"],
];

describe('config formats in the bundle', () => {
  it.each(CASES)('reads %s', async (_name, file, content) => {
    const cwd = await home();
    await writeFile(join(cwd, file), content);
    const result = await runPlain(['token'], { cwd });
    // The config was read (a client id was found): what is missing is the token.
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('no refresh token');
  });

  it.each([
    ['.spotifyrc', 'clientId: [\n', /^pytify-auth: \.spotifyrc: cannot be read: .*flow collection/m],
    [
      '.spotifyrc',
      '{"clientId": "a", "clientId": "b"}',
      /^pytify-auth: \.spotifyrc: cannot be read: duplicated mapping key/m,
    ],
    [
      '.spotifyrc.json',
      '{\n  "clientId": "id",\n}\n',
      /^pytify-auth: \.spotifyrc\.json: cannot be read: .*line 3 column 1/m,
    ],
  ])('reports a broken %s as cosmiconfig reads it', async (file, content, message) => {
    const cwd = await home();
    await writeFile(join(cwd, file), content);
    const result = await runPlain(['token'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
