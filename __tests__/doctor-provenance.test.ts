import { execFileSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { systemProbes } from '../src/commands/doctor-probes.js';
import { inspectConfig } from '../src/config/provenance.js';
import type { LoadConfigOptions } from '../src/config/load-config.js';
import { createProject } from './fixtures/config/project.js';
import { holdPort, closeServer } from './helpers/free-port.js';

const ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';

// Doctor re-derives the effective values to say where each came from; they must be loadConfig's.
describe('doctor reports the values loadConfig uses', () => {
  const cases: Array<[string, Record<string, string | object>, Partial<LoadConfigOptions>]> = [
    ['defaults and a file', { '.spotifyrc': { clientId: ID } }, {}],
    [
      'every key in a file further up, aliases, a relative token file',
      {
        '.spotifyrc': {
          client_id: ID,
          client_secret: 'sec-ret',
          redirect_uri: 'http://[::1]/cb',
          scopes: 'a b a',
          token_file: 't/.pytify',
          auth_url: 'http://a/x',
          access_token_url: 'http://a/t',
          api_url: 'http://a/v1',
        },
        'music/x': '',
      },
      { cwd: 'music' },
    ],
    [
      'environment over file, flags over both',
      { 'package.json': { spotify: { clientId: 'file-id', redirectUri: 'http://127.0.0.1:1234/cb', tokenFile: 'x' } } },
      {
        env: {
          SPOTIFY_CLIENT_ID: ID,
          SPOTIFY_CLIENT_SECRET: ' env-secret ',
          SPOTIFY_REDIRECT_URI: 'http://localhost:9/cb',
        },
        flags: { port: '0', tokenFile: '~/tok', timeout: '9', showDialog: true, noBrowser: true },
      },
    ],
    ['--config', { 'conf/a.yaml': `clientId: "${ID}"\ntokenFile: ../tok\n` }, { flags: { config: 'conf/a.yaml' } }],
  ];
  it.each(cases)('%s', async (_name, files, options) => {
    const p = await createProject(files);
    const cwd = p.at(options.cwd ?? '');
    const { config, warnings } = await p.load({ ...options, cwd });
    const inspection = await inspectConfig({ env: {}, flags: {}, stopDir: p.root, homeDir: p.root, ...options, cwd });
    const { configFile, ...values } = config;
    expect(inspection.values).toEqual(values);
    expect(inspection.found?.file).toBe(configFile);
    expect(inspection.warnings).toEqual(warnings);
    await p.cleanup();
  });
});

describe('the real probes', () => {
  it('reads permission bits', async () => {
    const p = await createProject({ '.spotifyrc': '{}' });
    await chmod(p.at('.spotifyrc'), 0o640);
    expect(await systemProbes.fileMode(p.at('.spotifyrc'))).toBe(0o640);
    expect(await systemProbes.fileMode(p.at('missing'))).toBeUndefined();
    await p.cleanup();
  });

  it('asks git whether the token file is ignored, also before it exists', async () => {
    const p = await createProject({ 'repo/sub/x': '' });
    expect(await systemProbes.gitIgnore(p.at('repo', '.pytify'))).toBeUndefined();
    execFileSync('git', ['init', '-q', p.at('repo')]);
    expect(await systemProbes.gitIgnore(p.at('repo', 'sub', 'new', '.pytify'))).toEqual({
      workTree: p.at('repo'),
      ignored: false,
    });
    await writeFile(p.at('repo', '.gitignore'), '.pytify\n');
    expect(await systemProbes.gitIgnore(p.at('repo', 'sub', '.pytify'))).toEqual({
      workTree: p.at('repo'),
      ignored: true,
    });
    await p.cleanup();
  });

  it('tells a free port from a busy one', async () => {
    const { server, port } = await holdPort();
    expect(await systemProbes.port('127.0.0.1', port)).toBe('in-use');
    await closeServer(server);
    expect(await systemProbes.port('127.0.0.1', port)).toBe('free');
  });
});
