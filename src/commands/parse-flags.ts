import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ConfigFlags } from '../config/types.js';

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

type Values = Record<string, string | boolean | undefined>;

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

/**
 * node:util's parseArgs, strict, with its errors as UsageError: its messages are clear
 * ("Unknown option '--x'"), minus its advice about '--'. No positional arguments are taken.
 */
export function parseFlags(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  positional = 'unexpected argument',
): Values {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options });
  } catch (error) {
    const message = (error as Error).message.split('. ')[0] ?? 'invalid arguments';
    throw new UsageError(message.replace(/^Unknown option/, 'unknown option'));
  }
  if (parsed.positionals.length > 0) throw new UsageError(`${positional} "${parsed.positionals[0]}"`);
  return parsed.values as Values;
}
