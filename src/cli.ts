// Entry point: arguments first, so --help, --version and `token` load as little as possible.
import { HELP, VERSION, UsageError, parseCliArgs } from './cli/args.js';
import { EXIT } from './cli/exit-codes.js';
import { quietCiForInk } from './cli/ci-mode.js';

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
  quietCiForInk(process.env);
  const [first, ...rest] = argv;
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) {
    try {
      const command = await COMMANDS[first]!();
      return await command.run(rest);
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(error, first);
      throw error;
    }
  }
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
  // In a terminal the login always ends up in the TUI (the login screen, or the config error):
  // start loading Ink, React and yoga now, so that work overlaps reading the config and files.
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
