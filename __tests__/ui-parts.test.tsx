import { describe, expect, it } from '@jest/globals';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { ConfigError } from '../src/core/errors.js';
import { DEFAULTS } from '../src/config/types.js';
import { ConfigErrorView, configErrorViewProps } from '../src/tui/ConfigErrorView.js';
import { formatTimeLeft } from '../src/tui/format-time.js';
import { showWithPort } from '../src/config/guidance.js';
import { SPINNER_FRAMES, Spinner } from '../src/tui/Spinner.js';
import { Warnings } from '../src/tui/Warnings.js';
import { Prose } from '../src/tui/Prose.js';

function frameOf(element: ReactElement): string {
  const { lastFrame, unmount } = render(element);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

const WARNINGS = [
  'Unknown key "client_secret_file" in /home/me/.spotifyrc (did you mean "clientSecret"?)',
  'redirectUri uses localhost (http://localhost:3000/callback), which Spotify rejects since 2025.',
];

describe('ConfigErrorView', () => {
  it('guides a first run without a client id', () => {
    const frame = frameOf(
      <ConfigErrorView
        code="CONFIG_MISSING_CLIENT_ID"
        message="No Spotify client id is configured."
        registerUri={DEFAULTS.redirectUri}
        warnings={[]}
      />,
    );
    expect(frame).toMatchSnapshot();
  });
  it('names the file and the key of an invalid value, with warnings', () => {
    const frame = frameOf(
      <ConfigErrorView
        code="CONFIG_INVALID"
        message='redirectUri in /home/me/.spotifyrc must start with http:// (got "https://127.0.0.1:3000/callback")'
        file="/home/me/.spotifyrc"
        configKey="redirectUri"
        warnings={WARNINGS}
      />,
    );
    expect(frame).toMatchSnapshot();
  });
  it('takes its props from a ConfigError', () => {
    const error = new ConfigError('CONFIG_INVALID', 'timeout must be a number', {
      file: '/x/.spotifyrc',
      key: 'timeout',
    });
    expect(configErrorViewProps(error, [])).toEqual({
      code: 'CONFIG_INVALID',
      message: 'timeout must be a number',
      file: '/x/.spotifyrc',
      configKey: 'timeout',
      warnings: [],
    });
    const frame = frameOf(<ConfigErrorView {...configErrorViewProps(error, [])} />);
    expect(frame).toContain('/x/.spotifyrc');
    expect(frame).toContain('timeout');
  });
});

describe('Warnings', () => {
  it('shows each warning', () => {
    expect(frameOf(<Warnings warnings={WARNINGS} />)).toMatchSnapshot();
  });
  it('shows nothing without warnings', () => {
    expect(frameOf(<Warnings warnings={[]} />)).toBe('');
  });
});

describe('formatTimeLeft', () => {
  it.each([
    [300_000, '5:00'],
    [299_001, '5:00'],
    [299_000, '4:59'],
    [61_000, '1:01'],
    [9_000, '0:09'],
    [1, '0:01'],
    [0, '0:00'],
    [-5_000, '0:00'],
    [Number.NaN, '0:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatTimeLeft(ms)).toBe(text);
  });
});

describe('Spinner', () => {
  it('cycles through its frames for any count', () => {
    expect(frameOf(<Spinner frame={0} />)).toBe(SPINNER_FRAMES[0]);
    expect(frameOf(<Spinner frame={SPINNER_FRAMES.length + 2} />)).toBe(SPINNER_FRAMES[2]);
    expect(frameOf(<Spinner frame={-1} />)).toBe(SPINNER_FRAMES[SPINNER_FRAMES.length - 1]);
  });
});

describe('showWithPort', () => {
  it.each([
    ['http://127.0.0.1:3000/callback', '<n>', 'http://127.0.0.1:<n>/callback'],
    ['http://127.0.0.1:3000/callback', '', 'http://127.0.0.1/callback'],
    ['http://127.0.0.1/callback', '<n>', 'http://127.0.0.1:<n>/callback'],
    ['http://[::1]:8888/cb?x=1', '<n>', 'http://[::1]:<n>/cb?x=1'],
  ])('%s with %j → %s', (uri, port, expected) => {
    expect(showWithPort(uri, port)).toBe(expected);
  });
});

describe('Prose', () => {
  // ink-testing-library renders 100 columns wide: "x" * 95 + " four" fills the first line exactly.
  const full = `${'x'.repeat(95)} four words wrap here`;

  it('starts a wrapped line at column 1, where plain Ink text keeps the break space', () => {
    const plain = frameOf(<Text>{full}</Text>).split('\n');
    const prose = frameOf(
      <Prose>
        <Text>{full}</Text>
      </Prose>,
    ).split('\n');
    expect(plain[1]).toBe(' words wrap here');
    expect(prose).toEqual([`${'x'.repeat(95)} four`, 'words wrap here']);
  });

  it("keeps the first line's own leading space, and wraps styled text the same way", () => {
    const frame = frameOf(
      <Prose>
        <Text>
          {' '}
          lead <Text dimColor>{full}</Text>
        </Text>
      </Prose>,
    );
    expect(frame.split('\n')).toEqual([' lead', `${'x'.repeat(95)} four`, 'words wrap here']);
  });
});
