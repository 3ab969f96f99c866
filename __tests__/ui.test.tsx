import { describe, expect, it } from '@jest/globals';
import { render } from 'ink-testing-library';
import type { ErrorCode } from '../src/core/errors.js';
import type { LoginInfo, LoginState } from '../src/login/state.js';
import { LoginView } from '../src/tui/LoginView.js';
import { LOGIN_INFO } from './helpers/login-info.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const URL_SHORT = 'https://accounts.spotify.com/authorize?client_id=0123456789abcdef&response_type=code&state=s7';

const info = LOGIN_INFO;

function frameOf(state: LoginState, overrides: Partial<LoginInfo> = {}, hyperlinks = false): string {
  const { lastFrame, unmount } = render(
    <LoginView state={state} info={{ ...info, ...overrides }} now={NOW} spinnerFrame={0} hyperlinks={hyperlinks} />,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

const waiting = (browser: Extract<LoginState, { kind: 'waiting' }>['browser'], url = URL_SHORT): LoginState => ({
  kind: 'waiting',
  url,
  deadline: NOW + 4 * 60_000 + 59_500,
  browser,
});

describe('LoginView: one screen per state', () => {
  // Every row has all three entries: jest.each treats a callback with more parameters than the
  // row has as one that takes `done`, and the test then waits for it until the timeout.
  const states: Array<[string, LoginState, Partial<LoginInfo>]> = [
    ['starting', { kind: 'starting' }, {}],
    ['ready', { kind: 'ready' }, {}],
    ['ready with a saved token', { kind: 'ready' }, { tokenSaved: true }],
    ['ready with a client secret', { kind: 'ready' }, { flow: 'secret' }],
    [
      'ready with a saved authorization',
      { kind: 'ready' },
      {
        tokenSaved: true,
        savedLines: [
          { tone: 'info', text: 'Authorized as Jane Doe on 2025-10-01, expires in 90 days - Enter to authorize again' },
        ],
      },
    ],
    [
      'ready with an authorization expiring soon and a missing scope',
      { kind: 'ready' },
      {
        tokenSaved: true,
        savedLines: [
          {
            tone: 'warning',
            text: 'Authorized as Jane Doe on 2025-07-10, expires in 9 days - Enter to authorize again',
          },
          {
            tone: 'warning',
            text: 'Fewer than 14 days left: authorize again now, or the player stops working on 2026-01-10.',
          },
          { tone: 'warning', text: 'Not granted yet: user-modify-playback-state. Authorize again to add them.' },
        ],
      },
    ],
    [
      'ready with an expired authorization',
      { kind: 'ready' },
      {
        tokenSaved: true,
        savedLines: [
          {
            tone: 'error',
            text: 'Authorized as Jane Doe on 2025-06-01, expired on 2025-12-01 - Enter to authorize again',
          },
          {
            tone: 'error',
            text: 'Refresh tokens last 6 months from authorization: authorize again so the player keeps working.',
          },
        ],
      },
    ],
    [
      'ready on a free port (portless redirect URI)',
      { kind: 'ready' },
      { redirectUri: 'http://127.0.0.1:41234/callback', registerUri: 'http://127.0.0.1/callback' },
    ],
    ['port-busy', { kind: 'port-busy', host: '127.0.0.1', port: 3000 }, {}],
    ['waiting, browser opening', waiting('opening'), {}],
    ['waiting, browser opened', waiting('opened'), {}],
    ['waiting, browser failed', waiting('failed'), {}],
    ['waiting, browser skipped', waiting('skipped'), {}],
    ['exchanging', { kind: 'exchanging' }, {}],
    ['verifying', { kind: 'verifying' }, {}],
    [
      'authorized',
      { kind: 'authorized', account: { displayName: 'Jane Doe', id: 'jane' }, tokenFile: '/home/me/.pytify' },
      { tokenSaved: true },
    ],
    ['declined', { kind: 'declined' }, {}],
    ['timed-out', { kind: 'timed-out' }, {}],
  ];
  it.each(states)('%s', (_name, state, overrides) => {
    expect(frameOf(state, overrides)).toMatchSnapshot();
  });
});

describe('LoginView: token errors pick the title and next step by code', () => {
  const codes: Array<[ErrorCode, string]> = [
    ['INVALID_CLIENT', 'Invalid client'],
    ['INVALID_GRANT', 'Invalid authorization code'],
    ['NETWORK_ERROR', 'connect ECONNREFUSED 104.199.65.124:443'],
    ['RATE_LIMITED', 'Too many requests (retry after 30 s)'],
    ['PROFILE_ERROR', 'GET /me answered 403: User not registered in the Developer Dashboard'],
    ['TOKEN_STORE_ERROR', "EACCES: permission denied, open '/home/me/.pytify'"],
    ['STATE_MISMATCH', 'The state parameter did not match'],
    ['TOKEN_ENDPOINT_ERROR', 'The token endpoint answered 500'],
  ];
  it.each(codes)('%s', (code, message) => {
    // The allow-list advice is for a 403 alone, which is what this /me message reports.
    const status = code === 'PROFILE_ERROR' ? { status: 403 } : {};
    expect(frameOf({ kind: 'token-error', error: { code, message, ...status } })).toMatchSnapshot();
  });
  it("does not repeat the title in the detail line, and keeps Spotify's reason", () => {
    const frame = frameOf({
      kind: 'token-error',
      error: {
        code: 'INVALID_CLIENT',
        message: "Spotify rejected the app's credentials: Invalid client (invalid_client)",
      },
    });
    expect(frame.split("Spotify rejected the app's credentials")).toHaveLength(2);
    expect(frame).toContain('INVALID_CLIENT: Invalid client (invalid_client)');
  });
  it('asks for the client secret too when the app uses one', () => {
    const frame = frameOf({ kind: 'token-error', error: { code: 'INVALID_CLIENT', message: 'x' } }, { flow: 'secret' });
    expect(frame).toContain('clientSecret');
  });
});

describe('LoginView: the authorization URL', () => {
  it('shows a 400-character URL whole, in rows of the full width, and names the keys that give it on one line', () => {
    const url = `https://accounts.spotify.com/authorize?client_id=0123456789abcdef&state=${'a'.repeat(300)}&x=${'b'.repeat(30)}`;
    expect(url.length).toBeGreaterThanOrEqual(400);
    const frame = frameOf(waiting('failed', url));
    const lines = frame.split('\n');
    const first = lines.findIndex((line) => line.startsWith('https://'));
    expect(lines.slice(first, first + 5).join('')).toBe(url);
    expect(frame).toContain('Ctrl-Y copies it, Ctrl-P prints it whole');
  });
  it('on a short terminal: the URL on one line cut in the middle, no details, the keys for the whole URL', () => {
    const url = `https://accounts.spotify.com/authorize?client_id=0123456789abcdef&state=${'a'.repeat(300)}&x=end`;
    const { lastFrame, unmount } = render(
      <LoginView state={waiting('opened', url)} info={info} now={NOW} spinnerFrame={0} hyperlinks={false} rows={20} />,
    );
    const frame = lastFrame() ?? '';
    unmount();
    expect(frame).not.toContain('Token file');
    expect(frame).toMatch(/^https:\/\/accounts\.spotify\.com\S*…\S*x=end$/m);
    expect(frame).toContain('Enter: submit, Ctrl-Y: copy URL, Ctrl-P: print it, Esc: quit');
    expect(frame.split('\n').length).toBeLessThan(20);
  });
  it('with --no-browser, the header does not say "if your browser did not open it"', () => {
    const frame = frameOf(waiting('skipped'), { browserSkipReason: 'flag' });
    expect(frame).toContain('Authorization URL: open it in a browser');
    expect(frame).not.toMatch(/did not open/);
  });
  it('shows the URL once even when the screen re-renders', () => {
    const { lastFrame, rerender, unmount } = render(
      <LoginView state={waiting('opening')} info={info} now={NOW} spinnerFrame={0} hyperlinks={false} />,
    );
    rerender(<LoginView state={waiting('opened')} info={info} now={NOW + 1000} spinnerFrame={1} hyperlinks={false} />);
    const frame = lastFrame() ?? '';
    unmount();
    expect(frame.split(URL_SHORT)).toHaveLength(2);
    expect(frame).toContain('Opened your browser');
    expect(frame).toContain('4:59 left');
  });
  it('a new attempt shows only its new URL, never the expired one above it', () => {
    const second = URL_SHORT.replace('state=s7', 'state=s8');
    const view = (state: LoginState) => (
      <LoginView state={state} info={info} now={NOW} spinnerFrame={0} hyperlinks={false} />
    );
    const { lastFrame, rerender, unmount } = render(view(waiting('opened')));
    rerender(view({ kind: 'declined' }));
    rerender(view(waiting('opening', second)));
    const lines = (lastFrame() ?? '').split('\n');
    unmount();
    expect(lines).not.toContain(URL_SHORT);
    expect(lines.filter((line) => line === second)).toHaveLength(1);
  });
  it('adds an OSC 8 hyperlink when the terminal supports it', () => {
    const frame = frameOf(waiting('opened'), {}, true);
    expect(frame).toContain(`\u001B]8;;${URL_SHORT}\u0007Open the authorization page\u001B]8;;\u0007`);
    expect(frame.split('\n')).toContain(URL_SHORT);
  });
  it('writes no OSC 8 sequence when hyperlinks are off', () => {
    expect(frameOf(waiting('opened'))).not.toContain('\u001B]8;;');
  });
});

describe('LoginView: output is plain text in tests', () => {
  it('has no colour codes', () => {
    expect(frameOf(waiting('failed'))).not.toContain('\u001B[');
    expect(frameOf({ kind: 'token-error', error: { code: 'NETWORK_ERROR', message: 'x' } })).not.toContain('\u001B[');
  });
});
