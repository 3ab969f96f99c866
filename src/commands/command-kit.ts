import { sanitize } from '../core/sanitize.js';
import { CONFIG_FLAG_OPTIONS, configFlagsOf, parseFlags } from './parse-flags.js';
import { ConfigError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { describeConfigError } from '../config/messages.js';
import type { AccessTokenError } from '../token/errors.js';
import { createDebugLog, debugEnabled, type DebugLog } from '../core/debug-log.js';

/** What `status`, `token` and `logout` share: the two path flags of the login, plus their own. */
export interface CommandArgs {
  help: boolean;
  json: boolean;
  yes: boolean;
  /** --debug (or DEBUG=pytify-auth): see commandLog. */
  debug: boolean;
  config?: string;
  tokenFile?: string;
}

export function parseCommandArgs(argv: string[], own: { json?: boolean; yes?: boolean }): CommandArgs {
  const values = parseFlags(argv, {
    help: { type: 'boolean', short: 'h' },
    debug: { type: 'boolean' },
    config: CONFIG_FLAG_OPTIONS.config,
    'token-file': CONFIG_FLAG_OPTIONS['token-file'],
    ...(own.json ? { json: { type: 'boolean' as const } } : {}),
    ...(own.yes ? { yes: { type: 'boolean' as const, short: 'y' } } : {}),
  });
  const flags = configFlagsOf(values);
  return {
    help: values.help === true,
    json: values.json === true,
    yes: values.yes === true,
    debug: values.debug === true,
    config: flags.config,
    tokenFile: flags.tokenFile,
  };
}

/** The login command with the same paths, for "run … to authorize again". */
export function loginCommand(args: Pick<CommandArgs, 'config' | 'tokenFile'>): string {
  const quote = (value: string) => (/^[\w@%+=:,./~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  const parts = ['pytify-auth'];
  if (args.config) parts.push('--config', quote(args.config));
  if (args.tokenFile) parts.push('--token-file', quote(args.tokenFile));
  return parts.join(' ');
}

/** 1: a person must authorize again; 2: try later, or fix the configuration (the message says which). */
export function exitCodeFor(error: AccessTokenError): number {
  return error.code === 'REAUTHORIZE_REQUIRED' ? EXIT.NOT_AUTHORIZED : EXIT.USAGE;
}

/** stderr: a configuration problem gets the login's full guide; anything else one line. */
export function reportFailure(error: AccessTokenError, login = 'pytify-auth'): void {
  if (error.cause instanceof ConfigError) return void process.stderr.write(describeConfigError(error.cause));
  process.stderr.write(`pytify-auth: ${sanitize(error.message, 1000)}\n`);
  // With other paths than the defaults, "run pytify-auth again" alone would authorize the wrong file.
  if (error.code === 'REAUTHORIZE_REQUIRED' && login !== 'pytify-auth')
    process.stderr.write(`To authorize: ${login}\n`);
}

export const warn = (message: string): void =>
  void process.stderr.write(`pytify-auth: warning: ${sanitize(message, 1000)}\n`);

/**
 * Every command's `--debug` / DEBUG=pytify-auth log, the login's too: one line per step and HTTP
 * exchange on stderr, redacted by core/debug-log.ts the same way, plus `secrets` scrubbed by value.
 */
export function commandLog(debug: boolean, secrets: ReadonlyArray<string | undefined> = []): DebugLog | undefined {
  if (!debugEnabled(debug, process.env)) return undefined;
  const known = secrets.filter((secret): secret is string => typeof secret === 'string');
  return createDebugLog((line) => process.stderr.write(line), known);
}
