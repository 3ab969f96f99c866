// Kept light on purpose: a player may run this before every request, so no UI, no Ink, no React.
// While the cached access token is good, token-cached.ts answers before this module even loads.
import { EXIT } from '../core/exit-codes.js';
import { loadTokenConfig, obtainFor } from '../token/access-token.js';
import { toAccessToken } from '../token/cached-access-token.js';
import { commandLog, exitCodeFor, loginCommand, parseCommandArgs, reportFailure, warn } from './command-kit.js';
import { createTokenClient } from '../token/token-client.js';
import type { DebugLog } from '../core/debug-log.js';
import type { Config } from '../config/types.js';
import { isAccessTokenError, toAccessTokenError } from '../token/errors.js';
import { noClientIdMessage } from './no-client-id.js';
import { formatToken } from './token-output.js';

export const HELP = `Usage: pytify-auth token [options]

Prints a valid Spotify access token on stdout and nothing else: the cached one while it has more
than 60 seconds left, else a fresh one from the saved refresh token (kept as it is). Messages go to
stderr, so this works:  curl -H "Authorization: Bearer $(pytify-auth token)" …

Options
  --json                 print {"access_token", "token_type", "expires_at", "scope"} instead
  --config <file>        use this config file instead of searching for .spotifyrc
  --token-file <path>    the saved refresh token (default: .pytify)
  --debug                log each step and HTTP exchange to stderr, secrets redacted
  -h, --help             show this help

Exit codes
  0 printed a token   1 authorize again (expired, revoked or never authorized)
  2 temporary failure (network, 429, 5xx), or a usage or configuration error
`;

const rethrow = (error: unknown): never => {
  throw toAccessTokenError(error);
};

export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { json: true });
  if (args.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  let log: DebugLog | undefined;
  try {
    // The log knows the client secret only once the config is loaded: made with the client.
    const createClient = (config: Config) =>
      createTokenClient({ ...config, log: (log = commandLog(args.debug, [config.clientSecret])) });
    // getAccessToken's two steps, so that the configuration's warnings (a token folder others can
    // write, say) are shown whether or not a token can then be printed.
    const loaded = await loadTokenConfig({ configFile: args.config, tokenFile: args.tokenFile }).catch(rethrow);
    for (const warning of loaded.warnings) warn(warning.message);
    const obtained = await obtainFor(loaded.config, { createClient }, false).catch(rethrow);
    const token = toAccessToken({ ...loaded, warnings: [] }, obtained);
    log?.('token', { expiresAt: new Date(token.expiresAt).toISOString(), warnings: token.warnings.length });
    for (const warning of token.warnings) warn(warning);
    if (token.missingScopes.length > 0) {
      warn(
        `the authorization lacks ${token.missingScopes.join(', ')}: run ${loginCommand(args)} to authorize again with them`,
      );
    }
    process.stdout.write(formatToken(token, args.json));
    return EXIT.OK;
  } catch (error) {
    if (!isAccessTokenError(error)) throw error;
    log?.('token failed', { decision: error.code, reason: error.reason });
    const missing = noClientIdMessage(error, 'There is no token to print', args);
    if (missing) process.stderr.write(missing);
    else reportFailure(error, loginCommand(args));
    return exitCodeFor(error);
  }
}
