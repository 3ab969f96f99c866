import type { ConfigError } from '../core/errors.js';
import type { ConfigWarning } from './types.js';

export const DASHBOARD_URL = 'https://developer.spotify.com/dashboard';

/** The plain-text form of a configuration problem, for stderr when there is no TUI. */
export function describeConfigError(error: ConfigError): string {
  const lines = [`pytify-auth: ${error.message}`];
  if (error.code === 'CONFIG_MISSING_CLIENT_ID') {
    lines.push(
      '',
      'To get a client id:',
      `  1. Open ${DASHBOARD_URL} and create an app (tick "Web API").`,
      '  2. Add the redirect URI http://127.0.0.1:3000/callback exactly.',
      '  3. Put the client id in .spotifyrc as {"clientId": "…"} or set SPOTIFY_CLIENT_ID.',
      '     Leave the client secret out to use PKCE (recommended).',
      '',
      'Or try the whole flow first with: pytify-auth --demo',
    );
  }
  return `${lines.join('\n')}\n`;
}

export function describeWarning(warning: ConfigWarning): string {
  return `warning: ${warning.message}`;
}
