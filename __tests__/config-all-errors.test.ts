import { describe, expect, it } from '@jest/globals';
import { projectPerTest } from './fixtures/config/project.js';

const setup = projectPerTest();

describe('a config file with several wrong values', () => {
  it('reports every one of them, each naming its key, the first as the error key', async () => {
    const p = await setup({ '.spotifyrc.json': { clientId: 42, tokenFile: true, scopes: 5, apiUrl: 'ok?' } });
    const error = await p.fail();
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', file: p.at('.spotifyrc.json'), key: 'clientId' });
    expect(error.message.split('\n')).toEqual([
      '.spotifyrc.json: "clientId" must be a string (got number); write it as a string in quotes: "clientId": "…"',
      '.spotifyrc.json: "tokenFile" must be a string (got boolean); write it as a string in quotes: "tokenFile": "…"',
      '.spotifyrc.json: "scopes" must be a list of strings or a space-separated string (got number)',
      '.spotifyrc.json: "apiUrl" must be an http(s) URL like https://accounts.spotify.com/… (got "ok?")',
    ]);
  });

  it('one wrong value is one line, as before', async () => {
    const p = await setup({ '.spotifyrc.json': { clientId: 'id', scopes: 5 } });
    expect((await p.fail()).message).toBe(
      '.spotifyrc.json: "scopes" must be a list of strings or a space-separated string (got number)',
    );
  });
});

describe('"write it in quotes" in the syntax of the file', () => {
  it.each([
    ['.spotifyrc.json', '{"clientId": 1234}', 'write it as a string in quotes: "clientId": "…"'],
    ['.spotifyrc', '{"clientId": 1234}', 'write it as a string in quotes: "clientId": "…"'],
    ['.spotifyrc.yaml', 'clientId: 1234\n', 'in YAML, put the value in quotes: clientId: "…"'],
    ['.spotifyrc.yml', 'client_id: true\n', 'in YAML, put the value in quotes: client_id: "…"'],
    ['spotify.config.mjs', 'export default { clientId: 1234 };\n', "write it as a string in quotes: clientId: '…'"],
  ])('%s', async (name, content, advice) => {
    const p = await setup({ [name]: content });
    const error = await p.fail();
    expect(error.message).toContain(advice);
    if (!name.includes('.y')) expect(error.message).not.toContain('YAML');
  });
});
