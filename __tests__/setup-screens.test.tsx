import { describe, expect, it } from '@jest/globals';
import { render } from 'ink-testing-library';
import { checkClientId, checkClientSecret } from '../src/setup/credentials.js';
import { initialSetupState, type SetupState } from '../src/setup/setup-state.js';
import { SetupView, type SetupViewPlan } from '../src/tui/setup/SetupView.js';

const ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';
const SECRET = '0123456789abcdef0123456789abcdef';

const firstRun: SetupViewPlan = {
  redirectUri: 'http://127.0.0.1:3000/callback',
  fileLabel: '.spotifyrc',
  base: {},
  rewritesYaml: false,
  current: {},
  envOverrides: [],
  warnings: [],
};

const start = initialSetupState({ askBeforeSaving: false });
const at = (changes: Partial<SetupState>): SetupState => ({ ...start, ...changes });

function frameOf(state: SetupState, plan: SetupViewPlan = firstRun): string {
  const { lastFrame, unmount } = render(<SetupView plan={plan} state={state} cwd="/home/me/music" />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe('setup screens, first run', () => {
  const screens: Array<[string, SetupState]> = [
    ['client id: nothing typed yet', start],
    ['client id: dashboard opened', at({ dashboard: 'opened' })],
    ['client id: no browser could be opened', at({ dashboard: 'failed' })],
    ['client id: typing, 9 of 32', at({ clientId: ID.slice(0, 9) })],
    ['client id: Enter on a short id', at({ clientId: ID.slice(0, 9), rejected: true })],
    ['client id: a character that is not hex', at({ clientId: '5f1c0ffee5g' })],
    ['client id: one too many', at({ clientId: `${ID}0` })],
    ['client id: complete', at({ clientId: ID })],
    ['secret: empty (PKCE)', at({ step: 'secret', clientId: ID })],
    ['secret: typed, masked', at({ step: 'secret', clientId: ID, clientSecret: SECRET })],
    [
      'secret: Enter on a short one',
      at({ step: 'secret', clientId: ID, clientSecret: SECRET.slice(0, 20), rejected: true }),
    ],
    ['saving', at({ step: 'saving', clientId: ID })],
    ['saved', at({ step: 'saved', clientId: ID })],
    ['saved with a secret', at({ step: 'saved', clientId: ID, clientSecret: SECRET })],
    [
      'save failed',
      at({ step: 'save-failed', clientId: ID, error: 'Could not write /home/me/music/.spotifyrc (EACCES)' }),
    ],
    ['cancelled', at({ step: 'cancelled' })],
  ];
  it.each(screens)('%s', (_name, state) => {
    expect(frameOf(state)).toMatchSnapshot();
  });

  it('never shows the secret, only one dot per character', () => {
    const frame = frameOf(at({ step: 'secret', clientId: ID, clientSecret: 'abcdef12' }));
    expect(frame).not.toContain('abcdef12');
    expect(frame).toContain('••••••••');
  });
});

describe('setup screens around an existing config', () => {
  const existing: SetupViewPlan = {
    ...firstRun,
    redirectUri: 'http://127.0.0.1/callback',
    base: { clientId: ID, redirectUri: 'http://127.0.0.1/callback', tokenFile: '~/.pytify' },
    current: { clientId: ID },
  };
  it('init on a config: the fields start with its values', () => {
    expect(frameOf(at({ clientId: ID }), existing)).toMatchSnapshot();
  });
  it('confirming before replacing a YAML file, with the keys that stay', () => {
    const state = at({ step: 'confirm', clientId: ID, askBeforeSaving: true });
    expect(frameOf(state, { ...existing, rewritesYaml: true })).toMatchSnapshot();
  });
  it('warnings and environment overrides above the field', () => {
    const plan: SetupViewPlan = {
      ...firstRun,
      redirectUri: 'http://localhost:3000/callback',
      warnings: [
        '.spotifyrc: "redirectUri" uses localhost (http://localhost:3000/callback), which Spotify rejects since 2025.',
      ],
      envOverrides: ['SPOTIFY_CLIENT_SECRET'],
    };
    expect(frameOf(start, plan)).toMatchSnapshot();
  });
  it('settings carried over from a package.json that the new .spotifyrc hides', () => {
    const plan: SetupViewPlan = {
      ...firstRun,
      base: { redirectUri: 'http://127.0.0.1/callback', scopes: ['user-read-private'] },
      carriedFrom: '/home/me/music/package.json',
    };
    expect(frameOf(at({ step: 'secret', clientId: ID }), plan)).toMatchSnapshot();
  });
});

describe('validation messages', () => {
  const ids: Array<[string, string]> = [
    ['empty', ''],
    ['short', ID.slice(0, 31)],
    ['exact', ID],
    ['long', `${ID}ab`],
    ['capital letter', ID.toUpperCase()],
    ['not hex', `${ID.slice(0, 4)}z${ID.slice(5)}`],
    ['pasted with its label', `Client ID ${ID}`],
  ];
  it.each(ids)('client id: %s', (_name, value) => {
    expect(checkClientId(value)).toMatchSnapshot();
  });

  const secrets: Array<[string, string]> = [
    ['empty: PKCE', ''],
    ['exact', SECRET],
    ['the client id again', ID],
    ['not hex, never quoted', `${SECRET.slice(0, 31)}x`],
    ['short', SECRET.slice(0, 10)],
  ];
  it.each(secrets)('client secret: %s', (_name, value) => {
    const check = checkClientSecret(value, ID);
    expect(check).toMatchSnapshot();
    if (!check.ok && value !== '') expect(check.problem).not.toContain(value);
  });
});

describe('setup screens on a short terminal', () => {
  const short = (state: SetupState) => {
    const { lastFrame, unmount } = render(<SetupView plan={firstRun} state={state} cwd="/home/me/music" rows={20} />);
    const frame = lastFrame() ?? '';
    unmount();
    return frame;
  };
  it('keeps the title first and the whole screen under 20 rows, the guide included', () => {
    for (const state of [start, at({ dashboard: 'opened' }), at({ step: 'secret', clientId: ID })]) {
      const lines = short(state).split('\n');
      expect(lines[0]).toBe('pytify-auth - set up your Spotify app');
      expect(lines.length).toBeLessThan(20);
    }
    expect(short(start)).toContain('Copy the Client ID');
    expect(short(start)).toMatchSnapshot();
  });
});
