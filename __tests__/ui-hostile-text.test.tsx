import { describe, expect, it } from '@jest/globals';
import { render } from 'ink-testing-library';
import { ConfigError } from '../src/core/errors.js';
import { ConfigErrorView, configErrorViewProps } from '../src/tui/ConfigErrorView.js';
import { Details } from '../src/tui/Details.js';
import { SavedAuthorization } from '../src/tui/SavedAuthorization.js';
import { TokenErrorStatus } from '../src/tui/TokenErrorStatus.js';
import { Warnings } from '../src/tui/Warnings.js';
import { LOGIN_INFO } from './helpers/login-info.js';

// Each view that shows text from outside (a config file, Spotify, our own record read back) shows
// its control characters written out: a frame must hold none of them raw.
const EVIL = '\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202e';
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;
const frame = (element: Parameters<typeof render>[0]) => render(element).lastFrame() ?? '';

describe('views given hostile text', () => {
  it('Details: a token file, scopes and a redirect URI from a config file', () => {
    const info = { ...LOGIN_INFO, tokenFile: `/tmp/${EVIL}`, scopes: [`user-read-private${EVIL}`] };
    const text = frame(<Details info={info} />);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('\\x1b]0;pwned\\x07');
  });

  it('a token error, a saved-authorization line, a warning and a config error', () => {
    const views = [
      <TokenErrorStatus key="e" error={{ code: 'TOKEN_ENDPOINT_ERROR', message: `Bad ${EVIL}` }} info={LOGIN_INFO} />,
      <SavedAuthorization key="s" lines={[{ tone: 'info', text: `Authorized as ${EVIL}` }]} />,
      <Warnings key="w" warnings={[`unknown key "${EVIL}"`]} />,
      <ConfigErrorView
        key="c"
        {...configErrorViewProps(new ConfigError('CONFIG_INVALID', `bad ${EVIL}`, { key: EVIL }), [])}
      />,
    ];
    for (const view of views) {
      const text = frame(view);
      expect(text).not.toMatch(RAW);
      expect(text).toContain('\\u202e');
    }
  });
});
