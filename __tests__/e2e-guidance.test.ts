import { describe, expect, it } from '@jest/globals';
import { DEFAULTS } from '../src/config/types.js';
import { closeServer, holdPort } from './helpers/free-port.js';
import { CLIENT_ID, runPlain, tempDir } from './helpers/e2e.js';

// The built binary names the redirect URI in use wherever it says what to register; `status`
// once named …8888… in its message and then …3000… (the default) in the steps below it.
const REDIRECT = 'http://127.0.0.1:8888/callback';
const env = { SPOTIFY_REDIRECT_URI: REDIRECT };

const loopbackUris = (text: string): string[] =>
  (text.match(/http:\/\/(?:127\.0\.0\.1|\[::1\]|localhost)[^\s"'),;\\]*/g) ?? []).map((uri) => uri.replace(/\.$/, ''));

describe('guidance for a non-default redirect URI, as built', () => {
  // `status` without a config now says it once and points to `init` (which shows the steps with
  // the URI, below): any URI it still names must be the one in use, never the default.
  it('status without a client id: every URI it names is the one in use, text and JSON', async () => {
    const dir = await tempDir();
    const text = await runPlain(['status'], { cwd: dir, env });
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('pytify-auth init');
    expect(text.stderr).not.toContain(DEFAULTS.redirectUri);
    for (const uri of loopbackUris(text.stderr)) expect(uri).toBe(REDIRECT);

    const json = await runPlain(['status', '--json'], { cwd: dir, env });
    expect(json.code).toBe(2);
    const { error } = JSON.parse(json.stdout) as { error: { message: string } };
    expect(new Set(loopbackUris(error.message))).toEqual(new Set([REDIRECT]));
  });

  it('init without a terminal: the setup guide names it', async () => {
    const result = await runPlain(['init'], { cwd: await tempDir(), env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`\n       ${REDIRECT}\n`);
    expect(new Set(loopbackUris(result.stderr))).toEqual(new Set([REDIRECT]));
  });

  it('a busy port without a terminal: the ways out keep the path in use', async () => {
    const { server, port } = await holdPort();
    try {
      const busy = `http://127.0.0.1:${port}/spotify-cb`;
      const result = await runPlain(['--no-browser'], {
        cwd: await tempDir(),
        env: { SPOTIFY_CLIENT_ID: CLIENT_ID, SPOTIFY_REDIRECT_URI: busy },
      });
      expect(result.code).toBe(3);
      expect(new Set(loopbackUris(result.stderr))).toEqual(
        new Set(['http://127.0.0.1:<n>/spotify-cb', 'http://127.0.0.1/spotify-cb']),
      );
    } finally {
      await closeServer(server);
    }
  });
});
