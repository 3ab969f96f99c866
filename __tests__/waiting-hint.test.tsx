import { describe, expect, it } from '@jest/globals';
import { render } from 'ink-testing-library';
import type { LoginState } from '../src/login/state.js';
import { registerUriFor } from '../src/config/guidance.js';
import { LoginView } from '../src/tui/LoginView.js';
import { LOGIN_INFO } from './helpers/login-info.js';

// Spotify shows its refusal on its own page, which the terminal never sees: while waiting, one
// line says what that page would say and what to do, with the URI guidance.ts says to register.
const NOW = Date.UTC(2026, 7, 1, 12);
const WAITING: LoginState = {
  kind: 'waiting',
  url: 'https://accounts.spotify.com/authorize?x=1',
  deadline: NOW + 60_000,
  browser: 'opened',
};

function waitingFrame(redirectUri: string): string {
  const info = { ...LOGIN_INFO, redirectUri, registerUri: registerUriFor(redirectUri) };
  const { lastFrame, unmount } = render(
    <LoginView state={WAITING} info={info} now={NOW} spinnerFrame={0} hyperlinks={false} />,
  );
  const frame = (lastFrame() ?? '').replace(/\s*\n\s*/g, ' ');
  unmount();
  return frame;
}

describe('the waiting screen', () => {
  it.each([
    ['a fixed port', 'http://127.0.0.1:8888/callback', 'http://127.0.0.1:8888/callback'],
    ['any free port', 'http://127.0.0.1:0/callback', 'http://127.0.0.1/callback'],
  ])("names Spotify's page's words and the URI to register (%s)", (_, redirectUri, register) => {
    const frame = waitingFrame(redirectUri);
    expect(frame).toContain(
      `If Spotify's page says "INVALID_CLIENT: Invalid redirect URI", add ${register} to your app's Redirect URIs`,
    );
    expect(frame).toContain('"INVALID_CLIENT: Invalid client": check clientId.');
  });
});
