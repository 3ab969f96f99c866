import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { runPlain, tempDir } from './helpers/e2e.js';
import { startHostileSpotify, type HostileSpotify } from './helpers/hostile-spotify.js';
import { BIN, clipboardTerminal, configuredFor, flat, paneTitle, pasteBuffers } from './helpers/hostile-terminal.js';
import { TmuxSession, sessionsKilledAfterEach } from './helpers/tmux.js';

// A server's text in a real terminal (tmux with set-clipboard on): escape sequences in a profile,
// a token error or a callback must show as visible text, and the terminal must obey none of them.
// HOSTILE_CLI runs another build (an older one, to see these fail).
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

const configured = () => configuredFor(spotify);
function terminal(dir: string, args: string[], stdin?: string): TmuxSession {
  const session = clipboardTerminal(dir, args, stdin);
  sessions.push(session);
  return session;
}
const title = paneTitle;
const buffers = pasteBuffers;

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

  it("a config file's token file path: the TUI, the plain output, status and logout", async () => {
    // No slash: the path must name a file in the test's directory.
    const path = `./tokpath${ESC}]0;pwned-title${BEL}${ESC}]52;c;${b64('pwned-path')}${BEL}${ESC}[2J\u009b2J\u202eevil`;
    const dir = await configuredFor(spotify, { tokenFile: path });
    spotify.options = { profile: { display_name: 'Ada', id: 'ada' } };
    const session = terminal(dir, ['node', BIN]);
    await session.waitForText('Press Enter to authorize');
    session.sendKeys('Enter');
    const screen = flat(await session.waitForText('Refresh token saved'));
    expect(screen).toContain('tokpath\\x1b]0;pwned-title\\x07');
    expectNothingObeyed(session, screen, 'pytify-auth');
    const plain = terminal(dir, ['node', BIN], '/dev/null');
    expectNothingObeyed(plain, flat(await plain.waitForText('Refresh token saved')), 'Listening for the callback');
    const status = terminal(dir, ['node', BIN, 'status']);
    expectNothingObeyed(status, flat(await status.waitForText('Works now')), 'Account');
    const logout = terminal(dir, ['node', BIN, 'logout', '--yes']);
    expectNothingObeyed(logout, flat(await logout.waitForText('Logged out')), 'Logged out');
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
