import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, FAKE_BROWSER, runPlain, tempDir } from './helpers/e2e.js';
import { startHostileSpotify, type HostileSpotify } from './helpers/hostile-spotify.js';
import { TmuxSession, sessionsKilledAfterEach } from './helpers/tmux.js';

// A server's text in a real terminal (tmux with set-clipboard on): escape sequences in a profile,
// a token error or a callback must show as visible text, and the terminal must obey none of them.
// HOSTILE_CLI runs another build (an older one, to see these fail).
const BIN = process.env.HOSTILE_CLI ?? CLI;
const b64 = (text: string) => Buffer.from(text).toString('base64');
const ESC = '\u001b';
const BEL = '\u0007';
/** Title (OSC 0 and 2), clipboard (OSC 52), clear screen (CSI 2J), a fake link (OSC 8), C1 CSI, RLO. */
const attack = (tag: string) =>
  `${tag}${ESC}]0;pwned-title${BEL}${ESC}]52;c;${b64(`pwned-${tag}`)}${BEL}${ESC}[2J${ESC}]8;;http://evil.example/${BEL}fake link${ESC}]8;;${BEL}\u009b31m\u202eevil`;
const NAME = attack('Ada');
const ID = `ada${ESC}]2;pwned-title${BEL}${ESC}]52;c;${b64('pwned-id')}${BEL}`;
/** What the screen shows instead: the same text, its controls written out. */
const VISIBLE = 'Ada\\x1b]0;pwned-title\\x07\\x1b]52;c;';

let spotify: HostileSpotify;
const sessions = sessionsKilledAfterEach();

beforeAll(async () => {
  spotify = await startHostileSpotify();
});
afterAll(() => spotify.close());
beforeEach(() => {
  spotify.options = { profile: { display_name: NAME, id: ID } };
});

async function configured(): Promise<string> {
  const dir = await tempDir('pytify-hostile-');
  const config = {
    clientId: '0f9e8d7c6b5a49382716f5e4d3c2b1a0',
    redirectUri: 'http://127.0.0.1/callback',
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
  };
  await writeFile(join(dir, '.spotifyrc'), JSON.stringify(config));
  return dir;
}

/** A terminal that keeps what a program sends to the clipboard; the program starts once it does. */
function terminal(dir: string, args: string[], stdin?: string): TmuxSession {
  const go = join(dir, `go-${Math.random().toString(36).slice(2)}`);
  const wait = `while [ ! -e ${go} ]; do sleep 0.05; done; exec "$@"${stdin ? ` < ${stdin}` : ''}`;
  const session = new TmuxSession(dir, ['bash', '-c', wait, 'run', ...args], {
    env: { BROWSER: FAKE_BROWSER, HOME: dir },
  });
  sessions.push(session);
  session.tmux('set-option', '-g', 'set-clipboard', 'on');
  void writeFile(go, '');
  return session;
}

/** Ink breaks long lines at spaces with real newlines: read the screen as one line of words. */
const flat = (screen: string) => screen.replace(/\s*\n\s*/g, ' ');
const title = (session: TmuxSession) => session.tmux('display-message', '-p', '-t', session.name, '#{pane_title}');
const buffers = (session: TmuxSession) => session.tmux('list-buffers', '-F', '#{buffer_sample}');

/** The terminal obeyed nothing: title and clipboard untouched, the screen not cleared. */
function expectNothingObeyed(session: TmuxSession, screen: string, firstLine: string) {
  expect(title(session)).not.toContain('pwned');
  expect(buffers(session)).toBe('');
  expect(screen).toContain(firstLine);
  expect(screen).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
}

describe('text from a server in a real terminal', () => {
  it('a raw OSC 52 and OSC 0 do reach this terminal: "nothing landed" below means something', async () => {
    const dir = await tempDir('pytify-hostile-');
    const raw = `printf '${ESC}]52;c;${b64('clip-raw')}${BEL}${ESC}]0;pwned-title${BEL}printed\\n'`;
    const session = terminal(dir, ['bash', '-c', raw]);
    await session.waitForText('printed');
    await session.waitFor(() => buffers(session).includes('clip-raw'), 'the clipboard write');
    expect(title(session)).toContain('pwned-title');
  });

  it('a profile full of escape sequences: the login screen, then the next launch from .pytify.json', async () => {
    const dir = await configured();
    const session = terminal(dir, ['node', BIN]);
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    const screen = flat(await session.waitForText('Refresh token saved'));
    expect(screen).toContain(`Authorized as ${VISIBLE}`);
    expect(screen).toContain('fake link\\x1b]8;;\\x07\\x9b31m\\u202eevil (ada\\x1b]2;pwned-title\\x07');
    expect(await session.exitCode()).toBe(0);
    expectNothingObeyed(session, session.screen(), 'pytify-auth');

    const again = terminal(dir, ['node', BIN]);
    const launch = flat(await again.waitForText('Enter to authorize again'));
    expect(launch).toContain(`Authorized as ${VISIBLE}`);
    expectNothingObeyed(again, launch, 'pytify-auth');
  });

  it('the plain output (no terminal on stdin) and status', async () => {
    const dir = await configured();
    const plain = terminal(dir, ['node', BIN], '/dev/null');
    const screen = flat(await plain.waitForText('Refresh token saved'));
    expect(screen).toContain(`Authorized as ${VISIBLE}`);
    expectNothingObeyed(plain, screen, 'Listening for the callback');

    const status = terminal(dir, ['node', BIN, 'status']);
    const report = flat(await status.waitForText('Works now'));
    expect(report).toMatch(/Account\s+Ada\\x1b\]0;pwned-title/);
    expect(report).toContain('answered as ada\\x1b]2;pwned-title');
    expectNothingObeyed(status, report, 'Account');
  });

  it('status --json: the values whole, and nothing a terminal would obey', async () => {
    const dir = await configured();
    const login = terminal(dir, ['node', BIN], '/dev/null');
    await login.waitForText('Refresh token saved');
    const result = await runPlain(['status', '--json'], { cwd: dir, cli: BIN });
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(result.stdout).account).toEqual({ display_name: NAME, id: ID });
  });

  it("the token endpoint's error and error_description", async () => {
    spotify.options = {
      token: () => ({ status: 400, body: JSON.stringify({ error: attack('err'), error_description: NAME }) }),
    };
    const dir = await configured();
    const session = terminal(dir, ['node', BIN]);
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    const screen = flat(await session.waitFor((text) => flat(text).includes('(err\\x1b]0;pwned-title'), 'the error'));
    expect(screen).toContain(VISIBLE);
    expectNothingObeyed(session, screen, 'pytify-auth');

    const plain = terminal(dir, ['node', BIN], '/dev/null');
    const lines = flat(await plain.waitForText('Authorization failed'));
    expect(lines).toContain(VISIBLE);
    expectNothingObeyed(plain, lines, 'Listening for the callback');
  });

  it("the callback's error and error_description", async () => {
    spotify.options = { callbackError: { error: attack('cb'), error_description: NAME } };
    const dir = await configured();
    const session = terminal(dir, ['node', BIN]);
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    const screen = flat(await session.waitFor((text) => flat(text).includes('cb\\x1b]0;pwned-title'), 'the error'));
    expect(screen).toContain(VISIBLE);
    expectNothingObeyed(session, screen, 'pytify-auth');
  });
});

describe('a 100 kB display name', () => {
  it('is cut: the login ends at once, and the next launch still stops on SIGTERM', async () => {
    spotify.options = { profile: { display_name: `Ada ${'x'.repeat(100_000)}`, id: 'ada' } };
    const dir = await configured();
    const session = terminal(dir, ['node', BIN]);
    await session.waitForText('Press Enter to authorize');
    const started = Date.now();
    session.sendKeys('Enter');
    await session.waitFor((text) => flat(text).includes('Authorized as Ada xxx'), 'the account', 10_000);
    expect(await session.exitCode(10_000)).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);

    const again = terminal(dir, ['node', BIN]);
    await again.waitForText('Enter to authorize again', 10_000);
    const stopAsked = Date.now();
    process.kill(again.programPid(), 'SIGTERM');
    expect(await again.exitCode(5_000)).toBe(143);
    expect(Date.now() - stopAsked).toBeLessThan(2_000);
  });
});
