// The help text and version on their own, so `pytify-auth --help` loads nothing else.
declare const PYTIFY_VERSION: string;
export const VERSION = typeof PYTIFY_VERSION === 'string' ? PYTIFY_VERSION : '0.0.0-dev';

export const HELP = `pytify-auth ${VERSION}
Authorize a Spotify account from the terminal and save its refresh token for a terminal player.

Usage
  pytify-auth [options]          open the login screen; Enter opens the browser
                                 (first run without a client id: a setup guide first)
  pytify-auth --demo             try the whole flow against a built-in local Spotify

Commands (each has --help)
  status                         which account, scopes, expiry; whether the token works now
  token                          print a valid access token (for scripts and players)
  logout                         delete the saved token and its record
  init                           create or edit the configuration with the setup screens
  doctor                         explain the configuration a login would use, and check it

Options
  --config <file>        use this config file instead of searching for .spotifyrc
  --token-file <path>    where to save the refresh token (default: .pytify)
  --timeout <seconds>    how long to wait for the browser (default: 300)
  --port <n>             listen on this port (rewrites the redirect URI; 0 = any free port)
  --show-dialog          make Spotify show the consent screen even if already approved
  --no-browser           do not open a browser; show the URL to open yourself
  --no-color             no colours (NO_COLOR is respected too)
  --debug                log each step and HTTP exchange to stderr, secrets redacted
                         (also DEBUG=pytify-auth)
  --demo                 run against a local fake Spotify; never touches your .pytify
  -h, --help             show this help
  -v, --version          print the version

Configuration
  .spotifyrc (JSON or YAML), .spotifyrc.json/.yaml/.yml, spotify.config.js/.mjs or a "spotify" key
  in package.json, searched from the current directory upwards. Keys: clientId, clientSecret,
  redirectUri, scopes, tokenFile, authUrl, tokenUrl, apiUrl. The environment overrides the file:
  SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET, SPOTIFY_REDIRECT_URI. Flags override both.

Exit codes (login)
  0 authorized and saved   1 not authorized (quit, declined, error, timeout, no client id yet)
  2 usage or configuration error   3 the callback port is in use   70 internal error
`;
