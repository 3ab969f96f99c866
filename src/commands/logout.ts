import { lstat, unlink } from 'node:fs/promises';
import { ConfigError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { loadTokenConfig } from '../token/access-token.js';
import { readAuthorization } from '../token/authorization.js';
import { commandLog, parseCommandArgs, reportFailure } from './command-kit.js';
import { toAccessTokenError } from '../token/errors.js';
import { acquireLock, lockPathFor } from '../token/lock.js';
import { recordPathFor } from '../token/record.js';
import { accountLabel } from '../token/account.js';
import { sanitize } from '../core/sanitize.js';

export const APPS_URL = 'https://www.spotify.com/account/apps/';

export const HELP = `Usage: pytify-auth logout [options]

Deletes the saved refresh token and its record, after asking (or with --yes). Spotify keeps the
app's access to your account until you remove it at ${APPS_URL}

Options
  -y, --yes              do not ask (needed when not in a terminal)
  --config <file>        use this config file instead of searching for .spotifyrc
  --token-file <path>    the saved refresh token (default: .pytify)
  --debug                log each step to stderr (also DEBUG=pytify-auth)
  -h, --help             show this help

Exit codes
  0 logged out (or nothing was saved)   1 you answered no   2 usage or configuration error, or
  the files could not be deleted
`;

/** Logging out needs only where the token is, not a client id: a config without one is fine here. */
async function tokenFileFor(options: { configFile?: string; tokenFile?: string }): Promise<string> {
  try {
    return (await loadTokenConfig(options)).config.tokenFile;
  } catch (error) {
    if (!(error instanceof ConfigError && error.code === 'CONFIG_MISSING_CLIENT_ID')) throw error;
    return (await loadTokenConfig({ ...options, env: { ...process.env, SPOTIFY_CLIENT_ID: 'unused-by-logout' } }))
      .config.tokenFile;
  }
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/**
 * One key, as init's "Press y to save": y logs out; n, Enter, Esc or any other key keeps the files.
 * (A readline question wanted Enter after y, unlike every other prompt of this tool.)
 */
async function confirm(question: string): Promise<boolean> {
  const { stdin } = process;
  process.stderr.write(question);
  stdin.setRawMode(true);
  try {
    const key = await new Promise<string>((resolve) => {
      stdin.once('data', (chunk) => resolve(chunk.toString('utf8')));
      stdin.resume();
    });
    const yes = key.startsWith('y') || key.startsWith('Y');
    process.stderr.write(yes ? 'y\n' : 'n\n');
    return yes;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}

async function remove(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { yes: true });
  if (args.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  let tokenFile: string;
  try {
    tokenFile = await tokenFileFor({ configFile: args.config, tokenFile: args.tokenFile });
  } catch (error) {
    reportFailure(toAccessTokenError(error));
    return EXIT.USAGE;
  }
  const recordFile = recordPathFor(tokenFile);
  // For messages: a path from a config file or a flag may hold any character.
  const [shownToken, shownRecord] = [sanitize(tokenFile, 500), sanitize(recordFile, 500)];
  const log = commandLog(args.debug);
  log?.('logout', { file: tokenFile });
  if (!(await exists(tokenFile)) && !(await exists(recordFile))) {
    process.stdout.write(`Not logged in: there is no ${shownToken}. Nothing to delete.\n`);
    return EXIT.OK;
  }
  if (!args.yes) {
    if (!process.stdin.isTTY) {
      process.stderr.write(
        `pytify-auth: logout deletes ${shownToken}; without a terminal to ask in, confirm with --yes\n`,
      );
      return EXIT.USAGE;
    }
    const saved = await readAuthorization(tokenFile, { clientId: '', scopes: [], now: Date.now() });
    const who = saved.account ? accountLabel(saved.account) : 'the saved account';
    if (
      !(await confirm(
        `Log out ${who} and delete ${shownToken} and ${shownRecord}?\nPress y to log out, n or Esc to keep them: `,
      ))
    ) {
      process.stderr.write('Nothing was deleted.\n');
      return EXIT.NOT_AUTHORIZED;
    }
  }
  // Wait for a refresh in flight, or it could write a rotated token back after we delete it.
  const lock = await acquireLock(lockPathFor(tokenFile), { waitMs: 10_000 }).catch(() => undefined);
  try {
    // The record first: it holds a live access token, and a leftover token file is just "still logged in".
    await remove(recordFile);
    await remove(tokenFile);
    log?.('logout deleted', { files: [recordFile, tokenFile] });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    process.stderr.write(
      `pytify-auth: could not delete the saved authorization (${sanitize(reason, 300)}); check the permissions of ${shownToken}\n`,
    );
    return EXIT.USAGE;
  } finally {
    await lock?.release();
  }
  process.stdout.write(
    `Logged out: deleted ${shownToken} and ${shownRecord}.\n` +
      `Spotify still lists the app as allowed; to remove its access to your account, visit ${APPS_URL}\n`,
  );
  return EXIT.OK;
}
