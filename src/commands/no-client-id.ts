import { ConfigError } from '../core/errors.js';
import { ENV } from '../config/keys.js';
import { loginCommand, type CommandArgs } from './command-kit.js';
import type { AccessTokenError } from '../token/errors.js';

/**
 * `status` and `token` without a client id: one short message that points to `init`. The login's
 * full dashboard guide belongs to `init` and the login screen; here it would only repeat itself.
 * Undefined for any other failure.
 */
export function noClientIdMessage(
  error: AccessTokenError,
  nothing: string,
  args: Pick<CommandArgs, 'config' | 'tokenFile'>,
): string | undefined {
  if (!(error.cause instanceof ConfigError) || error.cause.code !== 'CONFIG_MISSING_CLIENT_ID') return undefined;
  const init = loginCommand({ config: args.config }).replace(/^pytify-auth/, 'pytify-auth init');
  return (
    `pytify-auth: No Spotify client id is configured. ${nothing}.\n` +
    `Set one up with ${init} (or set ${ENV.clientId}), then run ${loginCommand(args)} to authorize.\n`
  );
}
