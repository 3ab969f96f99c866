// Everything but the fast paths of bin.ts (--version, --help, `token` with a cached access token),
// loaded by it with import(). Our own modules are imported statically, so the bundle keeps them in
// this one file: esbuild gives code shared by two lazily imported modules a chunk file of its own,
// and with each command lazy the login read 34 files before its first frame; now it reads 9 (with
// tui/ui.ts and the build's single entry). What stays lazy is what costs when it loads: the UI
// (Ink, React, yoga), got, js-yaml, cosmiconfig, open, and string-width with wrap-ansi (see
// core/present.ts).
import { HELP, VERSION, UsageError, parseCliArgs } from './commands/args.js';
import * as doctor from './commands/doctor.js';
import * as init from './commands/init.js';
import { runLogin } from './commands/login.js';
import * as logout from './commands/logout.js';
import * as status from './commands/status.js';
import * as token from './commands/token.js';
import { EXIT } from './core/exit-codes.js';
import { quietCiForInk } from './tui/ci-mode.js';
import { loadUi } from './tui/load-ui.js';

/** Subcommands, each a module with `run(argv): Promise<number>`. */
const COMMANDS: Record<string, { run(argv: string[]): Promise<number> }> = { status, token, logout, init, doctor };

function usageFailure(error: UsageError, command?: string): number {
  const help = command ? `pytify-auth ${command} --help` : 'pytify-auth --help';
  process.stderr.write(`pytify-auth: ${error.message}\nRun '${help}' for usage.\n`);
  return EXIT.USAGE;
}

/** The whole command line; bin.ts has already bridged NO_COLOR. Resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // Only where CI is set at all: quietCiForInk asks process.stdin whether it is a terminal, and
  // creating process.stdin costs about 2 ms of start-up, for nothing in `status` or a refresh.
  if (process.env.CI !== undefined || process.env.CONTINUOUS_INTEGRATION !== undefined) {
    quietCiForInk(process.env);
  }
  const [first, ...rest] = argv;
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) {
    try {
      return await COMMANDS[first]!.run(rest);
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(error, first);
      throw error;
    }
  }
  let args;
  try {
    args = parseCliArgs(argv, Object.keys(COMMANDS));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageFailure(error);
  }
  if (args.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  if (args.version) {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.OK;
  }
  // In a terminal the login always ends up in Ink (the launch screen, the setup guide or the
  // config error): start loading Ink, React and yoga now, to overlap reading the config and files.
  if (process.stdin.isTTY && process.stdout.isTTY) {
    loadUi(() => import('./tui/ui.js')).catch(() => undefined);
  }
  return runLogin(args);
}
