// Entry point: arguments first, so --help and --version load nothing else.
import { HELP, VERSION, UsageError, parseCliArgs } from './cli/args.js';
import { EXIT } from './cli/exit-codes.js';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`pytify-auth: ${error.message}\nRun 'pytify-auth --help' for usage.\n`);
    return EXIT.USAGE;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  if (args.version) {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.OK;
  }
  if (args.noColor) process.env.NO_COLOR = '1';
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
    process.exitCode = 70;
  },
);
