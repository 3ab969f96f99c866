// Entry point: arguments first, so --help, --version and `token` load as little as possible.
// Every import but the exit codes is dynamic: each module file costs start-up time (about 0.3 ms
// here), and `pytify-auth token` may run before every API call.
import type { UsageError } from './cli/args.js';
import { EXIT } from './cli/exit-codes.js';

declare const PYTIFY_VERSION: string;

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

async function main(argv: string[]): Promise<number> {
  // Ink's chalk honours FORCE_COLOR and --no-color but not NO_COLOR (no-color.org): bridge it.
  if (process.env.NO_COLOR || argv.includes('--no-color')) process.env.FORCE_COLOR = '0';
  // Only where CI is set at all: quietCiForInk asks process.stdin whether it is a terminal, and
  // creating process.stdin costs `token` and --version about 2 ms of start-up for nothing.
  if (process.env.CI !== undefined || process.env.CONTINUOUS_INTEGRATION !== undefined) {
    const { quietCiForInk } = await import('./cli/ci-mode.js');
    quietCiForInk(process.env);
  }
  const [first, ...rest] = argv;
  // `--version` alone has nothing to parse: answered before the parser (and node:util) loads,
  // with args.ts's VERSION (the build defines PYTIFY_VERSION). `--help` alone skips parsing too.
  if (argv.length === 1 && (first === '--version' || first === '-v')) {
    process.stdout.write(`${typeof PYTIFY_VERSION === 'string' ? PYTIFY_VERSION : '0.0.0-dev'}\n`);
    return EXIT.OK;
  }
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) {
    try {
      const command = await COMMANDS[first]!();
      return await command.run(rest);
    } catch (error) {
      const { UsageError } = await import('./cli/args.js');
      if (error instanceof UsageError) return usageFailure(error, first);
      throw error;
    }
  }
  if (argv.length === 1 && (first === '--help' || first === '-h')) {
    process.stdout.write((await import('./cli/help.js')).HELP);
    return EXIT.OK;
  }
  const { HELP, VERSION, UsageError, parseCliArgs } = await import('./cli/args.js');
  let args;
  try {
    args = parseCliArgs(argv);
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
  if (process.stdin.isTTY && process.stdout.isTTY) import('./ui/run-tui.js').catch(() => undefined);
  const { runLogin } = await import('./cli/login.js');
  return runLogin(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user mistake: say so briefly; the stack only on request.
    const detail = process.env.DEBUG?.includes('pytify-auth') ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`pytify-auth: unexpected error: ${detail}\n`);
    process.exitCode = EXIT.INTERNAL;
  },
);
