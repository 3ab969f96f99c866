import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, FAKE_BROWSER, tempDir } from './e2e.js';
import type { HostileSpotify } from './hostile-spotify.js';
import { TmuxSession } from './tmux.js';

/** The build under test; HOSTILE_CLI runs another one (an older build, to see the tests fail). */
export const BIN = process.env.HOSTILE_CLI ?? CLI;

/** A PKCE app's config in a fresh directory, pointing at the hostile Spotify. */
export async function configuredFor(spotify: HostileSpotify, extra: Record<string, unknown> = {}): Promise<string> {
  const dir = await tempDir('pytify-hostile-');
  const config = {
    clientId: '0f9e8d7c6b5a49382716f5e4d3c2b1a0',
    redirectUri: 'http://127.0.0.1/callback',
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
    ...extra,
  };
  await writeFile(join(dir, '.spotifyrc'), JSON.stringify(config));
  return dir;
}

/**
 * A terminal that keeps what a program sends to the clipboard (tmux's default, "external", drops
 * it): set-clipboard is turned on first, and the program starts only then.
 */
export function clipboardTerminal(dir: string, args: string[], stdin?: string): TmuxSession {
  const go = join(dir, `go-${Math.random().toString(36).slice(2)}`);
  const wait = `while [ ! -e ${go} ]; do sleep 0.05; done; exec "$@"${stdin ? ` < ${stdin}` : ''}`;
  const session = new TmuxSession(dir, ['bash', '-c', wait, 'run', ...args], {
    env: { BROWSER: FAKE_BROWSER, HOME: dir },
  });
  session.tmux('set-option', '-g', 'set-clipboard', 'on');
  void writeFile(go, '');
  return session;
}

/** Ink breaks long lines at spaces with real newlines: read the screen as one line of words. */
export const flat = (screen: string): string => screen.replace(/\s*\n\s*/g, ' ');
export const paneTitle = (session: TmuxSession): string =>
  session.tmux('display-message', '-p', '-t', session.name, '#{pane_title}');
export const pasteBuffers = (session: TmuxSession): string => session.tmux('list-buffers', '-F', '#{buffer_sample}');
