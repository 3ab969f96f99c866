import { afterEach, describe, expect, it } from '@jest/globals';
import { doctor } from '../src/commands/doctor.js';
import type { DoctorProbes } from '../src/commands/doctor-probes.js';
import type { ConfigFlags } from '../src/config/types.js';
import { createProject, type Project } from './fixtures/config/project.js';
import { CALM_PROBES as calm } from './helpers/calm-probes.js';

// The report as a user sees it, with fixed probe answers so it is the same on every machine.
const ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';

let project: Project | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function report(
  files: Record<string, string | object>,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; flags?: ConfigFlags; probes?: Partial<DoctorProbes> } = {},
) {
  project = await createProject(files);
  const root = project.root;
  const result = await doctor({
    cwd: project.at(options.cwd ?? ''),
    env: options.env ?? {},
    flags: options.flags ?? {},
    probes: { ...calm, ...options.probes },
    stopDir: root,
    homeDir: root,
  });
  const clean = (text: string) => text.replaceAll(root, '/project');
  return { code: result.code, stdout: clean(result.stdout), stderr: clean(result.stderr) };
}

const warningsOf = (stdout: string): string => stdout.slice(stdout.indexOf('Warnings'), stdout.indexOf('\nChecks'));

describe('pytify-auth doctor', () => {
  it('a config from a file found further up: exit 0, every value with its source', async () => {
    const result = await report(
      {
        '.spotifyrc': { client_id: ID, redirectUri: 'http://127.0.0.1/callback', tokenFile: '~/music/.pytify' },
        'music/x': '',
      },
      { cwd: 'music' },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });

  it('a config from the environment and flags, no file: exit 0', async () => {
    const result = await report(
      {},
      {
        env: {
          SPOTIFY_CLIENT_ID: ID,
          SPOTIFY_CLIENT_SECRET: 'a-secret-value',
          SPOTIFY_REDIRECT_URI: 'http://[::1]:8888/callback',
        },
        flags: { port: '4000', timeout: '60', noBrowser: true },
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
    expect(result.stdout).not.toContain('a-secret-value');
  });

  it('no client id: exit 1, and the search shows the files it passed over', async () => {
    const result = await report(
      { 'music/package.json': { name: 'music' }, 'music/.spotifyrc': '', '.spotifyrc.yaml': '# nothing yet\n' },
      { cwd: 'music' },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchSnapshot();
  });

  it('--config names the file; a file of lower rank next to the used one is "not read"', async () => {
    const named = await report({ 'conf.json': { clientId: ID } }, { flags: { config: 'conf.json' } });
    expect(named.stdout.split('\n').slice(0, 2)).toEqual([
      'Config file: conf.json',
      '  named with --config, so nothing was searched.',
    ]);
    await project!.cleanup();
    const ranked = await report({ '.spotifyrc': { clientId: ID }, 'package.json': { spotify: { clientId: 'other' } } });
    expect(ranked.stdout).toContain('.spotifyrc ← used, package.json (not read: .spotifyrc comes first)');
  });

  describe('each warning', () => {
    it('an unknown key', async () => {
      expect(
        warningsOf((await report({ '.spotifyrc': { clientId: ID, clientSecrte: 'x' } })).stdout),
      ).toMatchSnapshot();
    });
    it('a localhost redirect URI is not a warning but an error: never "ready"', async () => {
      const result = await report({ '.spotifyrc': { clientId: ID, redirectUri: 'http://localhost:3000/callback' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Use "http://127.0.0.1:3000/callback" instead');
    });
    it('a client secret in a file every user can read', async () => {
      const result = await report(
        { '.spotifyrc': { clientId: ID, clientSecret: 'abcd1234' } },
        { probes: { fileMode: async () => 0o644 } },
      );
      expect(warningsOf(result.stdout)).toMatchSnapshot();
      expect(result.stdout).not.toContain('abcd1234');
    });
    it('a client secret in a file its group can read', async () => {
      const result = await report(
        { '.spotifyrc': { clientId: ID, clientSecret: 'abcd1234' } },
        { probes: { fileMode: async () => 0o640 } },
      );
      expect(warningsOf(result.stdout)).toContain("readable by the file's group (mode 0640)");
    });
    it('a token file in a git work tree that git does not ignore', async () => {
      const result = await report(
        { '.spotifyrc': { clientId: ID, tokenFile: 'secrets/.pytify' } },
        {
          probes: {
            gitIgnore: async (file) => ({ workTree: file.replace(/\/secrets\/\.pytify$/, ''), ignored: false }),
          },
        },
      );
      expect(warningsOf(result.stdout)).toMatchSnapshot();
    });
    it('a client id that does not look like one', async () => {
      expect(warningsOf((await report({ '.spotifyrc': { clientId: 'my-app' } })).stdout)).toMatchSnapshot();
    });
    it('none when git ignores the token file and the secret file is private', async () => {
      const result = await report(
        { '.spotifyrc': { clientId: ID, clientSecret: 'abcd1234' } },
        { probes: { gitIgnore: async () => ({ workTree: '/x', ignored: true }) } },
      );
      expect(result.stdout).toContain('Warnings: none');
    });
  });

  describe('the port check', () => {
    it('a busy port fails the check (exit 1) and says what to do', async () => {
      const result = await report({ '.spotifyrc': { clientId: ID } }, { probes: { port: async () => 'in-use' } });
      expect(result.code).toBe(1);
      expect(result.stdout.slice(result.stdout.indexOf('Checks'))).toMatchSnapshot();
    });
    it('a portless redirect URI needs no free port', async () => {
      const result = await report(
        { '.spotifyrc': { clientId: ID } },
        { flags: { port: '0' }, probes: { port: async () => 'in-use' } },
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        '✔ The redirect URI has no port: any free port is taken at run time (register http://127.0.0.1:3000/callback'.replace(
          ':3000',
          '',
        ),
      );
    });
  });

  it('a broken config: exit 2, naming the file and key, and no secret', async () => {
    const result = await report({ '.spotifyrc': { clientId: ID, clientSecret: 'hunter2-secret', scopes: 42 } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatchSnapshot();
  });
});
