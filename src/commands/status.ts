import { EXIT } from '../core/exit-codes.js';
import { present } from '../core/present.js';
import type { Account } from '../token/account.js';
import { loadTokenConfig, obtainFor } from '../token/access-token.js';
import { readAuthorization } from '../token/authorization.js';
import { privateFileWarnings } from '../token/file-mode.js';
import { commandLog, loginCommand, parseCommandArgs, reportFailure, warn } from './command-kit.js';
import { createTokenClient } from '../token/token-client.js';
import { noClientIdMessage } from './no-client-id.js';
import { safeJson } from '../core/sanitize.js';
import { toAccessTokenError, type AccessTokenError } from '../token/errors.js';
import { formatStatusText, stateFor, statusExitCode, statusJson } from './status-report.js';

export const HELP = `Usage: pytify-auth status [options]

Shows the saved authorization: account, scopes, when it was authorized, when the refresh token
expires (6 months after authorization), and whether it works right now (one refresh, then GET /me;
past the 6 months it says so without asking). Never prints a token.

Options
  --json                 print one JSON object (fields in the README)
  --config <file>        use this config file instead of searching for .spotifyrc
  --token-file <path>    the saved refresh token (default: .pytify)
  --debug                log each step and HTTP exchange to stderr, secrets redacted
  -h, --help             show this help

Exit codes
  0 it works   1 authorize again (expired, revoked or never authorized)
  2 temporary failure (network, 429, 5xx), or a usage or configuration error
`;

export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { json: true });
  if (args.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  let loaded;
  try {
    loaded = await loadTokenConfig({ configFile: args.config, tokenFile: args.tokenFile });
  } catch (error) {
    const failure = toAccessTokenError(error);
    const missing = noClientIdMessage(failure, 'There is no authorization to show', args);
    if (missing) process.stderr.write(missing);
    else reportFailure(failure);
    if (args.json) {
      const { code, reason, message } = failure;
      process.stdout.write(
        `${safeJson({ state: 'config_error', works: null, error: { code, reason, message } }, 2)}\n`,
      );
    }
    return EXIT.USAGE;
  }
  const { config } = loaded;
  for (const warning of loaded.warnings) warn(warning.message);

  let failure: AccessTokenError | undefined;
  let account: Account | undefined;
  let warnings: string[] = [];
  try {
    const log = commandLog(args.debug, [config.clientSecret]);
    const obtained = await obtainFor(config, { createClient: (c) => createTokenClient({ ...c, log }) }, true);
    account = obtained.account;
    warnings = obtained.warnings;
  } catch (error) {
    failure = toAccessTokenError(error);
  }
  // Read after the check: a refresh that rebuilt or updated the record is shown as it now is.
  const saved = await readAuthorization(config.tokenFile, {
    clientId: config.clientId,
    scopes: config.scopes,
    now: Date.now(),
  });
  const state = stateFor(failure);
  const report = {
    state,
    saved,
    clientId: config.clientId,
    flow: config.clientSecret ? ('secret' as const) : ('pkce' as const),
    configuredScopes: config.scopes,
    account,
    error: failure,
    warnings: [...warnings, ...(await privateFileWarnings(config.tokenFile))],
    login: loginCommand(args),
  };
  // On a terminal, long rows wrap under their value rather than at column 1.
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  process.stdout.write(
    args.json ? `${safeJson(statusJson(report), 2)}\n` : await present(formatStatusText(report).split('\n'), { width }),
  );
  return statusExitCode(state);
}
