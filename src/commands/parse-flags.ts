import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ConfigFlags } from '../config/types.js';
import { closest } from '../config/suggest.js';

/** A mistake on the command line: printed with a pointer to --help, exit 2, no stack trace. */
export class UsageError extends Error {}

/** The flags that take part in configuration, shared by the login and the commands that load it. */
export const CONFIG_FLAG_OPTIONS = {
  config: { type: 'string' },
  'token-file': { type: 'string' },
  timeout: { type: 'string' },
  port: { type: 'string' },
  'show-dialog': { type: 'boolean' },
  'no-browser': { type: 'boolean' },
} as const;

/** What each flag's value is, with an example, for "--timeout needs a value (…)". */
const VALUE_HINTS: Record<string, string> = {
  config: 'a config file, e.g. --config ./.spotifyrc',
  'token-file': 'a path, e.g. --token-file ~/.pytify',
  timeout: 'seconds, e.g. --timeout 600',
  port: 'a port number, e.g. --port 8888; 0 = any free port',
};

type Values = Record<string, string | boolean | undefined>;
type Options = NonNullable<ParseArgsConfig['options']>;

export function configFlagsOf(values: Values): ConfigFlags {
  return {
    config: values.config as string | undefined,
    tokenFile: values['token-file'] as string | undefined,
    timeout: values.timeout as string | undefined,
    port: values.port as string | undefined,
    showDialog: values['show-dialog'] as boolean | undefined,
    noBrowser: values['no-browser'] as boolean | undefined,
  };
}

/** ". Did you mean 'x'?" when one of `candidates` is near `written`, else nothing. */
export function didYouMean(written: string, candidates: readonly string[]): string {
  const match = closest(written, candidates);
  return match === undefined ? '' : `. Did you mean '${match}'?`;
}

/** parseArgs' error in this tool's words: the nearest flag, or what the value should be. */
function usageErrorFor(error: Error & { code?: string }, options: Options): UsageError {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  // "-t, --timeout <value>" names both forms: the long one is the one to talk about.
  const long = /--([\w-]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const names = Object.keys(options).map((name) => `--${name}`);
    return new UsageError(`unknown option '${option}'${option.startsWith('--') ? didYouMean(option, names) : ''}`);
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && long !== undefined) {
    if (options[long]?.type === 'boolean') return new UsageError(`--${long} takes no value; leave out "=…"`);
    const hint = VALUE_HINTS[long];
    return new UsageError(`--${long} needs a value${hint ? ` (${hint})` : ''}`);
  }
  return new UsageError(error.message.split('. ')[0] ?? 'invalid arguments');
}

/**
 * node:util's parseArgs, strict, with its errors as UsageError in this tool's words. Positional
 * arguments are refused, with the nearest of `commands` when one is close ("stauts" → "status").
 */
export function parseFlags(
  argv: string[],
  options: Options,
  positional = 'unexpected argument',
  commands: readonly string[] = [],
): Values {
  // `stauts --json`: the mistyped command is the mistake to name, not the flag it does not take.
  const [word] = argv;
  if (word !== undefined && !word.startsWith('-') && closest(word, commands) !== undefined) {
    throw new UsageError(`${positional} '${word}'${didYouMean(word, commands)}`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options });
  } catch (error) {
    throw usageErrorFor(error as Error, options);
  }
  const [first] = parsed.positionals;
  if (first !== undefined) throw new UsageError(`${positional} '${first}'${didYouMean(first, commands)}`);
  return parsed.values as Values;
}
