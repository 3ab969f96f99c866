import { describe, expect, it } from '@jest/globals';
import { loadConfigFile } from '../src/config/read-file.js';
import { projectPerTest } from './fixtures/config/project.js';

// Each format by its own parser, as cosmiconfig's loaders do it: an extensionless .spotifyrc and
// .yaml/.yml by js-yaml (JSON text is YAML too), .json by JSON.parse, JavaScript by import().
const setup = projectPerTest();

async function read(file: string, content: string): Promise<{ data: unknown } | { failed: string }> {
  const p = await setup({ [file]: content });
  return loadConfigFile(p.at(file), p.root).then(
    (found) => ({ data: found.data }),
    (error: unknown) => ({ failed: (error as Error).message }),
  );
}

describe('config file formats', () => {
  it.each([
    ['.spotifyrc', '{"clientId": "json", "scopes": ["a"]}', { clientId: 'json', scopes: ['a'] }],
    ['.spotifyrc', '\uFEFF{"clientId": "bom"}', { clientId: 'bom' }],
    [
      '.spotifyrc',
      'base: &b {clientId: anchored}\nother:\n  <<: *b\n',
      { base: { clientId: 'anchored' }, other: { clientId: 'anchored' } },
    ],
    [
      '.spotifyrc.yml',
      'clientId: yml\nshowDialog: no\ntokenFile: ~\n',
      { clientId: 'yml', showDialog: 'no', tokenFile: null },
    ],
    ['.spotifyrc.json', '{"clientId": "first", "clientId": "second"}', { clientId: 'second' }],
    ['spotify.config.js', 'module.exports = { clientId: "cjs" };', { clientId: 'cjs' }],
    ['.spotifyrc.yaml', '# only a comment\n', undefined],
  ])('%s: %j', async (file, content, data) => {
    expect(await read(file, content)).toEqual({ data });
  });

  it.each([
    [
      '.spotifyrc',
      '{"clientId": "a", "clientId": "b"}',
      /^\.spotifyrc: cannot be read: duplicated mapping key \(1:19\)$/,
    ],
    [
      '.spotifyrc',
      'clientId: [\n',
      /^\.spotifyrc: cannot be read: unexpected end of the stream within a flow collection/,
    ],
    ['.spotifyrc.json', '{"clientId": "a",\n}', /^\.spotifyrc\.json: cannot be read: .* at line 2 column 1$/],
    [
      '.spotifyrc.json',
      'clientId: yaml',
      /^\.spotifyrc\.json: cannot be read: Unexpected token 'c' \(not valid JSON\)$/,
    ],
  ])('%s: %j fails with one line naming the file', async (file, content, message) => {
    const result = await read(file, content);
    expect(result).toEqual({ failed: expect.stringMatching(message) });
  });
});
