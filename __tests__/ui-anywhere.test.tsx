import { describe, expect, it } from '@jest/globals';
import { render } from 'ink-testing-library';
import type { LoginInfo, LoginState } from '../src/login/state.js';
import { LoginView } from '../src/tui/LoginView.js';
import { LOGIN_INFO } from './helpers/login-info.js';
import { frameAtWidth as frameAt } from './helpers/frame-at-width.js';

// The screens of issue 3: hints for where we run, the paste line, a busy port's holder, and a
// narrow terminal. Fixed clock, spinner frame 0, no colours (setup file).
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const URL = 'https://accounts.spotify.com/authorize?client_id=0123456789abcdef&response_type=code&state=s7';
const waiting: LoginState = { kind: 'waiting', url: URL, deadline: NOW + 300_000, browser: 'skipped' };
const info = LOGIN_INFO;

function frameOf(
  state: LoginState,
  overrides: Partial<LoginInfo> = {},
  paste?: { text: string; feedback?: string },
): string {
  const view = render(
    <LoginView
      state={state}
      info={{ ...info, ...overrides }}
      now={NOW}
      spinnerFrame={0}
      hyperlinks={false}
      paste={paste}
    />,
  );
  const frame = view.lastFrame() ?? '';
  view.unmount();
  return frame;
}

/** A narrow terminal: the view gets the width, as run-tui gives it the terminal's. */
const frameAtWidth = (columns: number, state: LoginState): string =>
  frameAt(
    columns,
    <LoginView state={state} info={info} now={NOW} spinnerFrame={0} hyperlinks={false} columns={columns} />,
  );

describe('waiting screen: where we run decides the hint', () => {
  const cases: Array<[string, Partial<LoginInfo>, string]> = [
    ['--no-browser', { browserSkipReason: 'flag' }, '--no-browser'],
    [
      'SSH',
      { environment: 'ssh', browserSkipReason: 'environment', sshCommand: 'ssh -L 3000:127.0.0.1:3000 ada@192.0.2.7' },
      'ssh -L 3000:127.0.0.1:3000 ada@192.0.2.7',
    ],
    ['WSL', { environment: 'wsl', browserSkipReason: 'environment' }, 'BROWSER=wslview'],
    ['a container', { environment: 'container', browserSkipReason: 'environment' }, 'docker run -p'],
    ['no display', { environment: 'no-display', browserSkipReason: 'environment' }, 'DISPLAY'],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    const frame = frameOf(waiting, overrides);
    expect(frame).toContain(expected);
    expect(frame).toContain('Paste the URL it ended on');
    expect(frame).toMatchSnapshot();
  });
});

describe('waiting screen: the paste line', () => {
  it('shows what was typed, cut from the left when long', () => {
    const pasted = `http://127.0.0.1:3000/callback?code=${'c'.repeat(80)}&state=abc`;
    const frame = frameOf(waiting, { browserSkipReason: 'flag' }, { text: pasted });
    expect(frame).toContain(`› …${pasted.slice(-59)}`);
    expect(frame).toMatchSnapshot();
  });
  it('shows why a paste was refused', () => {
    const frame = frameOf(
      waiting,
      { browserSkipReason: 'flag' },
      { text: '', feedback: 'That URL belongs to another attempt (its state does not match): use the newest URL.' },
    );
    expect(frame).toContain('belongs to another attempt');
    expect(frame).toMatchSnapshot();
  });
  it('says Esc quits, since q may be part of a code', () => {
    expect(frameOf(waiting)).toContain('Esc to quit');
  });
});

describe('port busy', () => {
  it('names the process that holds the port when it is known', () => {
    const frame = frameOf({
      kind: 'port-busy',
      host: '127.0.0.1',
      port: 3000,
      holder: { pid: 4242, command: 'python3' },
    });
    expect(frame).toContain('Port 3000 on 127.0.0.1 is already in use by python3 (pid 4242).');
    expect(frame).toMatchSnapshot();
  });
});

describe('a 40-column terminal', () => {
  it('stacks labels above values so the redirect URI is not broken', () => {
    const frame = frameAtWidth(40, { kind: 'ready' });
    expect(frame.split('\n')).toContain('  http://127.0.0.1:3000/callback');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(frame).toMatchSnapshot();
  });
  it('shows the whole authorize URL, wrapped at the width (Ctrl-P prints it on one line)', () => {
    const long = `${URL}&code_challenge=${'x'.repeat(43)}`;
    const frame = frameAtWidth(40, { ...waiting, url: long });
    const rows = frame.split('\n').filter((line) => /^[\w&=%.:/?-]{40}$|x$/.test(line));
    expect(rows.join('')).toBe(long);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });
});
