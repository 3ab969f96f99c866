import { describe, expect, it } from '@jest/globals';
import { render } from 'ink-testing-library';
import type { LoginInfo, LoginState } from '../src/login/state.js';
import { remoteHint } from '../src/login/remote-hint.js';
import { LoginView } from '../src/tui/LoginView.js';
import { LOGIN_INFO } from './helpers/login-info.js';
import { frameAtWidth } from './helpers/frame-at-width.js';

// The demo marked on every screen, its end pointing to a real setup, and the last frames.
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const URL = 'http://127.0.0.1:40123/authorize?client_id=0123456789abcdef0123456789abcdef&state=s7';
const DEMO: LoginInfo = {
  ...LOGIN_INFO,
  redirectUri: 'http://127.0.0.1:39000/callback',
  registerUri: 'http://127.0.0.1/callback',
  tokenFile: '/tmp/pytify-demo-abc123/.pytify',
  demo: { host: '127.0.0.1', port: 40123, removesTokenFile: true },
};
const ACCOUNT = { displayName: 'Demo User', id: 'demo-user' };

function frameOf(state: LoginState, info: LoginInfo, quitFrom?: LoginState): string {
  const { lastFrame, unmount } = render(
    <LoginView state={state} info={info} now={NOW} spinnerFrame={0} hyperlinks={false} quitFrom={quitFrom} />,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

const STATES: Array<[string, LoginState]> = [
  ['ready', { kind: 'ready' }],
  ['waiting', { kind: 'waiting', url: URL, deadline: NOW + 300_000, browser: 'opened' }],
  ['exchanging', { kind: 'exchanging' }],
  ['authorized', { kind: 'authorized', account: ACCOUNT, tokenFile: DEMO.tokenFile }],
  ['declined', { kind: 'declined' }],
  ['timed-out', { kind: 'timed-out' }],
];

describe('the demo', () => {
  it.each(STATES)('marks the %s screen as the demo, with no redirect URI to register', (_name, state) => {
    const frame = frameOf(state, DEMO);
    expect(frame).toContain('(demo: a local stand-in for Spotify, no real account)');
    expect(frame).not.toMatch(/register .* in the Spotify dashboard|Redirect URIs in the dashboard/);
    expect(frameOf(state, LOGIN_INFO)).not.toMatch(/\(demo:|That was the demo/);
  });
  it('a busy port in the demo offers no dashboard registration, only another port or none', () => {
    const frame = frameOf({ kind: 'port-busy', host: '127.0.0.1', port: 39000 }, DEMO);
    expect(frame).toContain('or run the demo without --port: it takes any free port.');
    expect(frame).not.toContain('dashboard');
    expect(frame).toContain('(demo: a local stand-in for Spotify, no real account)');
  });
  it('at 60 columns, the saved line wraps under its text, not at column 1', () => {
    const saved = frameAtWidth(
      60,
      <LoginView state={STATES[3]![1]} info={DEMO} now={NOW} spinnerFrame={0} hyperlinks={false} />,
    ).split('\n');
    const first = saved.findIndex((line) => line.startsWith('  Refresh token saved to'));
    expect(saved[first + 1]).toMatch(/^ {2}\S/);
    expect(saved.slice(first, first + 2).join(' ')).toContain("the demo's own, removed as the demo ends");
    // The quit screen's line under "Quit …" as well.
    const quit = frameAtWidth(
      40,
      <LoginView
        state={{ kind: 'ready' }}
        info={{ ...DEMO, tokenSaved: true }}
        now={NOW}
        spinnerFrame={0}
        hyperlinks={false}
        quitFrom={{ kind: 'ready' }}
      />,
    ).split('\n');
    const nothing = quit.findIndex((line) => line.startsWith('  Nothing was saved: the token'));
    expect(nothing).toBeGreaterThan(0);
    expect(quit[nothing + 1]).toMatch(/^ {2}\S/);
  });

  it('ends with the next step: pytify-auth init with your own app', () => {
    const frame = frameOf(STATES[3]![1], DEMO);
    expect(frame).toContain('✔ Authorized as Demo User');
    expect(frame).toContain(
      "Refresh token saved to /tmp/pytify-demo-abc123/.pytify: the demo's own, removed as the demo ends",
    );
    expect(frame).toContain('That was the demo. Next: pytify-auth init sets up your own Spotify app');
    expect(frame).toMatchSnapshot();
    expect(frameOf(STATES[3]![1], LOGIN_INFO)).not.toContain('pytify-auth init');
  });
  it('quitting the demo points to the next step too', () => {
    expect(frameOf({ kind: 'ready' }, DEMO, { kind: 'ready' })).toContain('Next: pytify-auth init');
  });
  it('over SSH, one ssh -L carries every port the browser visits; in a container, docker run -p names them', () => {
    const ssh = remoteHint({
      ...DEMO,
      environment: 'ssh',
      sshCommand: 'ssh -L 39000:127.0.0.1:39000 -L 40123:127.0.0.1:40123 me@host',
    });
    expect(ssh.map((line) => line.text).join('\n')).toContain("It forwards the demo's own Spotify (port 40123) too.");
    const container = remoteHint({ ...DEMO, environment: 'container' })
      .map((line) => line.text)
      .join('\n');
    expect(container).toContain('docker run -p 127.0.0.1:39000:39000 -p 127.0.0.1:40123:40123');
    const plain = remoteHint({ ...LOGIN_INFO, environment: 'container' })
      .map((line) => line.text)
      .join('\n');
    expect(plain).toContain('docker run -p 127.0.0.1:3000:3000)');
  });
});

describe('the last frame after quitting', () => {
  it('says what happened and that nothing was saved, with no keys', () => {
    const frame = frameOf({ kind: 'ready' }, LOGIN_INFO, { kind: 'ready' });
    expect(frame).toMatchSnapshot();
    expect(frame).not.toMatch(/Press|q to quit|Esc/);
  });
  it('names the token that is still there, unchanged', () => {
    const frame = frameOf({ kind: 'timed-out' }, { ...LOGIN_INFO, tokenSaved: true }, { kind: 'timed-out' });
    expect(frame).toContain('Quit after the wait timed out: nothing was authorized.');
    expect(frame).toContain('Nothing was saved: the token already in /home/me/.pytify is unchanged.');
  });
});

describe('an example-looking client id outside the demo', () => {
  it('is warned about on the launch screen', () => {
    const frame = frameOf({ kind: 'ready' }, { ...LOGIN_INFO, placeholderClientId: true });
    expect(frame).toContain('⚠ The client id looks like an example one (0123456789abcdef…)');
    expect(frameOf({ kind: 'ready' }, LOGIN_INFO)).not.toContain('example one');
  });
});
