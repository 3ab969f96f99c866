import { describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, CLIENT_ID, runPlain, tempDir } from './helpers/e2e.js';
import { closeServer, holdPort } from './helpers/free-port.js';
import { sessionsKilledAfterEach, TmuxSession } from './helpers/tmux.js';

// `pytify-auth doctor` in a real terminal: wrapped to its width, coloured, the port's holder named.
const sessions = sessionsKilledAfterEach();

async function doctorIn(dir: string, width: number, args: string[] = [], env: Record<string, string> = {}) {
  const session = new TmuxSession(dir, ['node', CLI, 'doctor', ...args], {
    width,
    height: 60,
    env: { HOME: dir, ...env },
  });
  sessions.push(session);
  const code = await session.exitCode();
  const coloured = session.tmux('capture-pane', '-p', '-e', '-t', session.name);
  return { code, screen: session.screen(), coloured };
}

describe('pytify-auth doctor on a terminal', () => {
  it.each([100, 60])('at %i columns: no line wider, the ✖ problem wrapped under its text', async (width) => {
    const dir = await tempDir();
    await writeFile(join(dir, '.spotifyrc'), '{"scopes": "user-read-private"}');
    const { code, screen } = await doctorIn(dir, width);
    expect(code).toBe(1);
    // capture-pane -J joins lines the terminal wrapped itself: each one here was wrapped by doctor.
    const lines = screen.split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
    const start = lines.findIndex((line) => line.startsWith('  ✖ No client id is configured'));
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toMatch(/^ {4}\S/);
  });

  it('colours on a terminal as the login does; NO_COLOR and --no-color turn it off', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.spotifyrc'), '{"scopes": "user-read-private"}');
    const { coloured } = await doctorIn(dir, 100);
    // tmux re-encodes the codes it shows: bold and red in either order.
    expect(coloured).toMatch(/(\u001b\[31m\u001b\[1m|\u001b\[1m\u001b\[31m)✖/);
    expect(coloured).toContain('\u001b[32m✔');
    expect((await doctorIn(dir, 100, [], { NO_COLOR: '1' })).coloured).not.toContain('✔\u001b');
    expect((await doctorIn(dir, 100, ['--no-color'])).coloured).not.toMatch(/\u001b\[3[12]m/);
    // Not a terminal: no colour and no wrapping, whole lines for pasting.
    const piped = await runPlain(['doctor'], { cwd: dir });
    expect(piped.stdout).not.toContain('\u001b[');
    expect(piped.stdout).toContain(
      '  ✖ No client id is configured: run pytify-auth (or pytify-auth init) to set one up, or set SPOTIFY_CLIENT_ID.\n',
    );
  });

  it('names the process that holds the busy port', async () => {
    const dir = await tempDir();
    const { server, port } = await holdPort();
    try {
      await writeFile(join(dir, '.spotifyrc'), JSON.stringify({ clientId: CLIENT_ID }));
      const result = await runPlain(['doctor', '--port', String(port)], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        new RegExp(`✖ Port ${port} on 127\\.0\\.0\\.1 is in use by \\S+ \\(pid ${process.pid}\\)`),
      );
    } finally {
      await closeServer(server);
    }
  });

  it("init's plain guide (no terminal on stdin) fits a 60-column terminal on stderr", async () => {
    const dir = await tempDir();
    const session = new TmuxSession(dir, ['sh', '-c', `node ${JSON.stringify(CLI)} init </dev/null >/dev/null`], {
      width: 60,
      height: 60,
      env: { HOME: dir },
    });
    sessions.push(session);
    expect(await session.exitCode()).toBe(1);
    // capture-pane -J: a line the terminal had to wrap itself would come back longer than 60.
    const lines = session.screen().split('\n');
    expect(lines.some((line) => line.startsWith('  1. Open the Spotify'))).toBe(true);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
  });
});
