import { ConfigError } from '../core/errors.js';
import { CONFIG_FLAG_OPTIONS, configFlagsOf, parseFlags } from './parse-flags.js';
import { EXIT } from '../core/exit-codes.js';
import { describeConfigError } from '../config/messages.js';
import { printSetupGuide } from '../setup/plain-setup.js';
import { prepareSetup } from '../setup/prepare.js';
import { loadUi } from '../tui/load-ui.js';
import { commandLog } from './command-kit.js';

export const INIT_HELP = `Usage: pytify-auth init [--config <file>] [--port <n>]

Opens the setup screens: the steps in the Spotify dashboard, then the Client ID and an optional
client secret (leave it empty for PKCE). Saves them, readable by you only, to the config file in
use (when it is JSON or YAML), else to .spotifyrc in the current directory; an existing file is
replaced only after you confirm, and its other settings are kept. When a config exists, the fields
start with its values. Then run pytify-auth to authorize.

  --config <file>   save to this file (JSON or YAML; created if missing)
  --port <n>        show the redirect URI with this port, as pytify-auth --port <n> would use it
  --debug           log each step to stderr (also DEBUG=pytify-auth)
  -h, --help        show this help

Without a terminal, prints the guide (stderr) and the file to write (stdout), and exits 1.
Exit codes: 0 saved, 1 cancelled or no terminal, 2 usage or configuration error.
`;

function parse(argv: string[]): { help: boolean; debug: boolean; config?: string; port?: string } {
  const values = parseFlags(argv, {
    help: { type: 'boolean', short: 'h' },
    debug: { type: 'boolean' },
    config: CONFIG_FLAG_OPTIONS.config,
    port: CONFIG_FLAG_OPTIONS.port,
  });
  const { config, port } = configFlagsOf(values);
  return { help: values.help === true, debug: values.debug === true, config, port };
}

/**
 * `pytify-auth init`: the setup screens on purpose, for a first config or to edit one. It stops
 * once the file is saved rather than going on to the login, so it is also the way to change the
 * client id without authorizing; a first `pytify-auth` does both in one run.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(INIT_HELP);
    return EXIT.OK;
  }
  const cwd = process.cwd();
  // The setup screens never send anything: the steps are what was planned and what was written.
  const log = commandLog(args.debug);
  const options = { cwd, env: process.env, flags: { config: args.config, port: args.port } };
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    log?.('init', { terminal: false });
    const headline = (file: string) => `pytify-auth init: editing ${file} needs a terminal. To do it by hand:`;
    return printSetupGuide(options, process, headline);
  }
  let plan;
  try {
    plan = await prepareSetup(options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(describeConfigError(error));
    return EXIT.USAGE;
  }
  log?.('init', { terminal: true });
  const { runSetup } = await loadUi(() => import('../tui/ui.js'));
  const outcome = await runSetup(plan, cwd);
  log?.('init done', { written: 'written' in outcome ? String(outcome.written) : null });
  if (!('written' in outcome)) return EXIT.NOT_AUTHORIZED;
  process.stdout.write(`Next: run pytify-auth to authorize.\n`);
  return EXIT.OK;
}
