import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, FAKE_BROWSER, tempDir } from './helpers/e2e.js';
import { holdPort } from './helpers/free-port.js';
import { sessionsKilledAfterEach, TmuxSession } from './helpers/tmux.js';

// The screens as a newcomer meets them in a real terminal (tmux): small sizes, keys arriving
// together, the last frame left behind, the URL reachable whole, the demo over SSH.
const sessions = sessionsKilledAfterEach();

function launch(
  dir: string,
  args: string[],
  options: { env?: Record<string, string>; width?: number; height?: number } = {},
) {
  // TMPDIR is the test's own: the demo's token directory is made (and must be removed) there.
  const session = new TmuxSession(dir, ['node', CLI, ...args], {
    env: { HOME: dir, TMPDIR: dir, BROWSER: 'true', ...options.env },
    width: options.width ?? 60,
    height: options.height ?? 20,
  });
  sessions.push(session);
  return session;
}

const demoDirs = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('pytify-demo-'));

/** The whole authorize URL, if a line of the (joined) screen holds exactly that. */
const wholeUrlLine = (screen: string) =>
  screen
    .split('\n')
    .find((line) => /^http:\/\/127\.0\.0\.1:\d+\/authorize\?\S*code_challenge=[\w-]{43}\S*$/.test(line));

/** After Ctrl-P: the screen once the URL is printed (just after the short frame is painted). */
const printedUrl = (session: TmuxSession) =>
  session.waitFor(
    (text) => text.includes('Printed the URL above') && wholeUrlLine(text) !== undefined,
    'the printed URL',
  );

describe('small terminals (60x20)', () => {
  it('the setup keeps its title on screen, and three Backspaces sent together erase three characters', async () => {
    const dir = await tempDir();
    const session = launch(dir, []);
    const screen = await session.waitForText('Client ID');
    expect(screen.split('\n')[0]).toBe('pytify-auth - set up your Spotify app');
    session.sendKeys('-l', '5f1c0ffee');
    await session.waitForText('› 5f1c0ffee');
    session.sendKeys('BSpace', 'BSpace', 'BSpace');
    const erased = await session.waitFor((text) => /› 5f1c0f(?!f)/.test(text), 'three characters erased');
    expect(erased).toContain('6 of 32 characters');
    expect(erased.split('\n')[0]).toBe('pytify-auth - set up your Spotify app');
  });

  it('waiting: the URL on one cut line, Ctrl-P prints it whole on one line, Backspaces together each erase', async () => {
    const dir = await tempDir();
    const session = launch(dir, ['--demo', '--no-browser']);
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    const waiting = await session.waitForText('Esc: quit');
    expect(waiting.split('\n')[0]).toMatch(/^pytify-auth - Spotify authorization/);
    expect(waiting).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\S*…\S*$/m);
    expect(waiting).not.toContain('if your browser did not open');
    expect(wholeUrlLine(waiting)).toBeUndefined();

    session.sendKeys('C-p');
    const url = wholeUrlLine(await printedUrl(session));
    expect(url).toBeDefined();
    expect(new URL(url!).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    session.sendKeys('-l', 'hello-world');
    await session.waitForText('› hello-world');
    session.sendKeys('BSpace', 'BSpace', 'BSpace');
    await session.waitFor((text) => /^› hello-wo ?$/m.test(text), 'the paste line to read "hello-wo"');
  });

  it('Ctrl-Y sends the URL to the clipboard through the terminal (OSC 52), which tmux keeps as a paste buffer', async () => {
    const dir = await tempDir();
    const session = launch(dir, ['--demo', '--no-browser']);
    await session.waitForText('Press Enter to authorize');
    session.tmux('set-option', '-g', 'set-clipboard', 'on');
    // First: a raw OSC 52 from another program lands, so "nothing landed" would mean something.
    session.tmux('new-window', '-d', 'printf "\\033]52;c;%s\\007" "$(printf raw-check | base64)"; sleep 5');
    await waitForBuffer(session, (text) => text === 'raw-check');
    session.tmux('delete-buffer');

    session.sendKeys('Enter');
    await session.waitForText('Esc: quit');
    session.sendKeys('C-y');
    const screen = await session.waitForText('OSC 52');
    expect(screen.replace(/\s*\n/g, ' ')).toContain('Your terminal may not allow it');
    const copied = await waitForBuffer(session, (text) => text.startsWith('http://127.0.0.1:'));
    expect(copied).toMatch(/\/authorize\?\S*code_challenge=[\w-]{43}/);
    session.sendKeys('C-p');
    expect(wholeUrlLine(await printedUrl(session))).toBe(copied);
  });
});

async function waitForBuffer(session: TmuxSession, check: (text: string) => boolean): Promise<string> {
  const started = Date.now();
  for (;;) {
    const names = session.tmux('list-buffers', '-F', '#{buffer_name}').split('\n').filter(Boolean);
    for (const name of names) {
      const text = session.tmux('show-buffer', '-b', name);
      if (check(text)) return text;
    }
    if (Date.now() - started > 10000) throw new Error(`no matching paste buffer among ${names.join(', ') || 'none'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the last frame', () => {
  it('q on the launch screen: says nothing was saved, offers no keys, and the demo leaves no token directory', async () => {
    const dir = await tempDir();
    const session = launch(dir, ['--demo'], { width: 100, height: 30 });
    await session.waitForText('Press Enter to authorize');
    expect(demoDirs(dir)).toHaveLength(1);
    session.sendKeys('q');
    expect(await session.exitCode()).toBe(1);
    const screen = session.screen();
    expect(screen).toContain('Quit before authorizing: nothing was authorized.');
    expect(screen).toContain('Nothing was saved.');
    expect(screen).toContain('Next: pytify-auth init sets up your own Spotify app');
    expect(screen).not.toMatch(/Press Enter|q to quit/);
    expect(demoDirs(dir)).toEqual([]);
  });

  it('Esc while waiting: says so without the countdown, and the demo leaves no token directory', async () => {
    const dir = await tempDir();
    const session = launch(dir, ['--demo'], { env: { BROWSER: join(dir, 'none') }, width: 100, height: 30 });
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    await session.waitForText('Esc to quit');
    session.sendKeys('Escape');
    expect(await session.exitCode()).toBe(1);
    const screen = session.screen();
    expect(screen).toContain('Quit while waiting for the browser: nothing was authorized.');
    expect(screen).not.toMatch(/left\)|Esc to quit/);
    expect(demoDirs(dir)).toEqual([]);
  });

  it('a completed demo ends with the next step and removes its token directory too', async () => {
    const dir = await tempDir();
    const session = launch(dir, ['--demo'], { env: { BROWSER: FAKE_BROWSER }, width: 100, height: 30 });
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    const screen = await session.waitForText('Authorized as Demo Listener');
    expect(await session.exitCode()).toBe(0);
    expect(screen).toContain('That was the demo. Next: pytify-auth init sets up your own Spotify app');
    expect(demoDirs(dir)).toEqual([]);
  });

  it('a busy port: the last frame offers no key after the program has exited 3', async () => {
    const dir = await tempDir();
    const { server, port } = await holdPort();
    try {
      const session = launch(dir, ['--demo', '--port', String(port)], { width: 100, height: 30 });
      expect(await session.exitCode()).toBe(3);
      const screen = session.screen();
      expect(screen).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(screen).toContain('Nothing was authorized and nothing was saved; pytify-auth has stopped.');
      expect(screen).not.toContain('q to quit');
    } finally {
      server.close();
    }
  });
});

describe('the demo over SSH', () => {
  it('at 60x20 the whole waiting screen fits, title first, even with the ssh -L hint and a Ctrl-Y notice', async () => {
    const dir = await tempDir();
    const env = { SSH_CONNECTION: '192.0.2.1 50000 192.0.2.7 22', USER: 'ada', BROWSER: '' };
    const session = launch(dir, ['--demo'], { env });
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    await session.waitForText('ssh -L');
    session.sendKeys('C-y');
    const screen = await session.waitForText('OSC 52');
    const lines = screen.split('\n');
    expect(lines[0]).toBe('pytify-auth - Spotify authorization (demo)');
    expect(screen).toContain("It forwards the demo's own Spotify");
    expect(screen).toContain('Esc: quit');
  });

  it('prints one ssh -L that forwards every port the browser visits: the callback and the demo Spotify', async () => {
    const dir = await tempDir();
    const env = { SSH_CONNECTION: '192.0.2.1 50000 192.0.2.7 22', USER: 'ada' };
    // No $BROWSER: one named explicitly would be opened even over SSH.
    const session = launch(dir, ['--demo'], { env: { ...env, BROWSER: '' }, width: 100, height: 30 });
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    const screen = await session.waitForText('ssh -L');
    const [, callbackPort, spotifyPort] =
      /ssh -L (\d+):127\.0\.0\.1:\1 -L (\d+):127\.0\.0\.1:\2 ada@192\.0\.2\.7/.exec(screen) ?? [];
    expect(callbackPort).toBeDefined();
    session.sendKeys('C-p');
    const url = new URL(wholeUrlLine(await printedUrl(session))!);
    expect(url.port).toBe(spotifyPort);
    expect(new URL(url.searchParams.get('redirect_uri')!).port).toBe(callbackPort);
    expect(screen).toContain('(demo: a local stand-in for Spotify, no real account)');
    expect(screen).not.toMatch(/register .*dashboard|Redirect URIs in the dashboard/);
  });
});
