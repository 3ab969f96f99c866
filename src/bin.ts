// The bin entry, bundled on its own as CommonJS (dist/cli.cjs): Node starts a CommonJS file about
// 3 ms sooner than an ES module, which is a tenth of what `pytify-auth token` may take. It answers
// --version, --help and `token` with a good cached access token by itself, from a few small
// modules; everything else is main.ts (ES modules, the UI in lazily loaded chunks).
import { EXIT } from './core/exit-codes.js';
import { HELP, VERSION } from './commands/help.js';
import { printFast } from './core/print-fast.js';

async function run(argv: string[]): Promise<number> {
  // Ink's chalk honours FORCE_COLOR and --no-color but not NO_COLOR (no-color.org): bridge it.
  if (process.env.NO_COLOR || argv.includes('--no-color')) process.env.FORCE_COLOR = '0';
  const [first, ...rest] = argv;
  if (argv.length === 1 && (first === '--version' || first === '-v')) {
    printFast(`${VERSION}\n`);
    return EXIT.OK;
  }
  if (argv.length === 1 && (first === '--help' || first === '-h')) {
    printFast(HELP);
    return EXIT.OK;
  }
  if (first === 'token') {
    // Bundled into this file, but evaluated only here: it loads node:crypto (about 2.5 ms), which
    // --version, --help and the login do not need.
    const { printCachedToken } = await import('./commands/token-cached.js');
    const printed = await printCachedToken(rest);
    if (printed !== undefined) return printed;
  }
  const { main } = await import('./main.js');
  return main(argv);
}

run(process.argv.slice(2)).then(
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
