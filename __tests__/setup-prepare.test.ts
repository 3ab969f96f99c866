import { afterEach, describe, expect, it } from '@jest/globals';
import { ConfigError } from '../src/core/errors.js';
import { plainGuide } from '../src/setup/guide.js';
import { prepareSetup } from '../src/setup/prepare.js';
import type { ConfigFlags } from '../src/config/types.js';
import { createProject, type Project } from './fixtures/config/project.js';

const ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';
let project: Project | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});
async function plan(
  files: Record<string, string | object>,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; flags?: ConfigFlags } = {},
) {
  project = await createProject(files);
  const p = project;
  return prepareSetup({
    cwd: p.at(options.cwd ?? ''),
    env: options.env ?? {},
    flags: options.flags ?? {},
    stopDir: p.root,
    homeDir: p.root,
  });
}

describe('where the setup saves', () => {
  it('an empty directory: a new .spotifyrc there, starting from nothing', async () => {
    const result = await plan({});
    expect(result).toMatchObject({
      file: project!.at('.spotifyrc'),
      fileLabel: '.spotifyrc',
      exists: false,
      base: {},
      current: {},
    });
    expect(result.redirectUri).toBe('http://127.0.0.1:3000/callback');
    expect(result.carriedFrom).toBeUndefined();
  });

  it('a config found further up without a client id: that file, keeping its settings', async () => {
    const home = { redirectUri: 'http://127.0.0.1/callback', tokenFile: '.pytify', color: 'blue' };
    const result = await plan({ '.spotifyrc': home, 'music/x': '' }, { cwd: 'music' });
    expect(result).toMatchObject({ file: project!.at('.spotifyrc'), exists: true, base: home, rewritesYaml: false });
    expect(result.redirectUri).toBe('http://127.0.0.1/callback'); // the one the login will use
    expect(result.fileLabel).toBe(project!.at('.spotifyrc'));
  });

  it('a YAML config with a client id (init): its values fill the fields, and the rewrite is flagged', async () => {
    const result = await plan({ '.spotifyrc.yaml': `# mine\nclientId: "${ID}"\nclientSecret: "abc1"\n` });
    expect(result).toMatchObject({ exists: true, rewritesYaml: true, current: { clientId: ID, clientSecret: 'abc1' } });
  });

  it('a package.json config: a new .spotifyrc, with its settings copied and a relative token file made absolute', async () => {
    const result = await plan(
      {
        'package.json': {
          name: 'x',
          spotify: { redirectUri: 'http://127.0.0.1/callback', tokenFile: 'tokens/.pytify' },
        },
        'music/x': '',
      },
      { cwd: 'music' },
    );
    expect(result).toMatchObject({
      file: project!.at('music', '.spotifyrc'),
      exists: false,
      carriedFrom: project!.at('package.json'),
      base: { redirectUri: 'http://127.0.0.1/callback', tokenFile: project!.at('tokens', '.pytify') },
    });
  });

  it('--config names the file, created when missing; --port shows the URI this run will use', async () => {
    const result = await plan({}, { flags: { config: 'conf/spotify.json', port: '0' } });
    expect(result).toMatchObject({
      file: project!.at('conf', 'spotify.json'),
      exists: false,
      redirectUri: 'http://127.0.0.1/callback',
    });
  });

  it('--config with a JavaScript file: refused with a ConfigError that says what to do', async () => {
    const error = await plan(
      { 'spotify.config.js': 'module.exports = {};' },
      { flags: { config: 'spotify.config.js' } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('add "clientId" to this one yourself');
  });

  it("a broken config is the user's to fix: ConfigError, not a setup", async () => {
    await expect(plan({ '.spotifyrc': '{"clientId": ' })).rejects.toBeInstanceOf(ConfigError);
  });

  it('names environment variables that will still override the file, and passes on config warnings', async () => {
    const result = await plan(
      { '.spotifyrc': { authUrl: 'http://accounts.spotify.com/authorize' } },
      { env: { SPOTIFY_CLIENT_SECRET: 'from-env-secret' } },
    );
    expect(result.envOverrides).toEqual(['SPOTIFY_CLIENT_SECRET']);
    expect(result.warnings.join('\n')).toContain('uses https://accounts.spotify.com/authorize instead');
  });

  it('an empty .spotifyrc, which the search passes over, still exists: it is never silently replaced', async () => {
    project = await createProject({ '.spotifyrc': '' });
    const result = await prepareSetup({
      cwd: project.root,
      env: {},
      flags: {},
      stopDir: project.root,
      homeDir: project.root,
    });
    expect(result.exists).toBe(true);
  });
});

describe('the guide without a terminal', () => {
  it('is the same steps, then the exact file to write (a secret is never printed)', async () => {
    const first = await plan({});
    const { stderr, stdout } = await plainGuide(first);
    expect(stderr.replaceAll(project!.root, '/project')).toMatchSnapshot();
    expect(stdout).toBe('{\n  "clientId": "<the 32-character Client ID>"\n}\n');
    await project!.cleanup();
    const editing = await plan({
      '.spotifyrc': { clientId: ID, clientSecret: 'keep-me-secret', scopes: 'user-read-private' },
    });
    const { stdout: edited } = await plainGuide(editing);
    expect(edited).toMatchSnapshot();
    expect(edited).not.toContain('keep-me-secret');
  });
});
