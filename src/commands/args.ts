import { CONFIG_FLAG_OPTIONS, UsageError, configFlagsOf, parseFlags } from './parse-flags.js';

export { UsageError };

export { HELP, VERSION } from './help.js';

export interface CliArgs {
  help: boolean;
  version: boolean;
  demo: boolean;
  noColor: boolean;
  debug: boolean;
  config?: string;
  tokenFile?: string;
  timeout?: string;
  port?: string;
  showDialog: boolean;
  noBrowser: boolean;
}

/** The login's flags; a word that is not one of `commands` is refused with the nearest of them. */
export function parseCliArgs(argv: string[], commands: readonly string[] = []): CliArgs {
  const values = parseFlags(
    argv,
    {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      demo: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      debug: { type: 'boolean' },
      ...CONFIG_FLAG_OPTIONS,
    },
    'unknown command',
    commands,
  );
  const flags = configFlagsOf(values);
  return {
    help: values.help === true,
    version: values.version === true,
    demo: values.demo === true,
    noColor: values['no-color'] === true,
    debug: values.debug === true,
    config: flags.config,
    tokenFile: flags.tokenFile,
    timeout: flags.timeout,
    port: flags.port,
    showDialog: flags.showDialog === true,
    noBrowser: flags.noBrowser === true,
  };
}
