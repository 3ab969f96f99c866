// Everything but the fast paths of bin.ts (--version, --help, `token` with a cached access token),
// loaded by it with import(). Every import but the exit codes is dynamic: each module file costs
// start-up time (about 0.3 ms here), and the login, status and the rest load only what they use.
import type { UsageError } from './commands/args.js';
import { EXIT } from './core/exit-codes.js';

/** Subcommands, each in its own lazily imported module with `run(argv): Promise<number>`. */
const COMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  status: () => import('./commands/status.js'),
  token: () => import('./commands/token.js'),
  logout: () => import('./commands/logout.js'),
  init: () => import('./commands/init.js'),
  doctor: () => import('./commands/doctor.js'),
};

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
    const { quietCiForInk } = await import('./tui/ci-mode.js');
    quietCiForInk(process.env);
  }
  const [first, ...rest] = argv;
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) {
    try {
      const command = await COMMANDS[first]!();
      return await command.run(rest);
    } catch (error) {
      const { UsageError } = await import('./commands/args.js');
      if (error instanceof UsageError) return usageFailure(error, first);
      throw error;
    }
  }
  const { HELP, VERSION, UsageError, parseCliArgs } = await import('./commands/args.js');
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
    const { loadUi } = await import('./tui/load-ui.js');
    loadUi(() => import('./tui/run-tui.js')).catch(() => undefined);
  }
  const { runLogin } = await import('./commands/login.js');
  return runLogin(args);
}
