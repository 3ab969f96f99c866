// `pytify-auth token` while the cached access token is good, answered from the CommonJS entry
// (bin.ts) before the rest of the program loads: a player may run it before every API call.
// Anything else (--help, a refresh, a warning to print, any error) returns undefined and the full
// command in token.ts runs from the start, so every message and exit code comes from one place.
import { EXIT } from '../core/exit-codes.js';
import { printFast } from '../core/print-fast.js';
import { debugEnabled } from '../core/debug-log.js';
import { cachedAccessToken } from '../token/cached-access-token.js';
import { parseCommandArgs, type CommandArgs } from './command-kit.js';
import { formatToken } from './token-output.js';

export async function printCachedToken(argv: string[]): Promise<number | undefined> {
  let args: CommandArgs;
  try {
    args = parseCommandArgs(argv, { json: true });
  } catch {
    return undefined;
  }
  // --debug: the full command, which logs what it does (this path never asks anything of Spotify).
  if (args.help || debugEnabled(args.debug, process.env)) return undefined;
  const token = await cachedAccessToken({ configFile: args.config, tokenFile: args.tokenFile });
  if (!token || token.warnings.length > 0 || token.missingScopes.length > 0) return undefined;
  printFast(formatToken(token, args.json));
  return EXIT.OK;
}
