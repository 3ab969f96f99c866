import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { Config } from '../config/types.js';
import { toAccessTokenError } from './errors.js';
import type { LockOptions } from './lock.js';
import { obtainAccessToken, type Obtained } from './refresh.js';
import { realSleep, type RetryPolicy, type Sleep } from './retry.js';
import { createTokenClient, type TokenClient } from './token-client.js';
import type { AccessToken, GetAccessTokenOptions } from './public-types.js';

export type { AccessToken, GetAccessTokenOptions } from './public-types.js';

/** What tests replace; the library and the CLI use the real ones. */
export interface AccessTokenDeps {
  now?: () => number;
  sleep?: Sleep;
  retry?: RetryPolicy;
  lock?: LockOptions;
  createClient?: (config: Config) => TokenClient;
}

/** The same configuration the login uses: file < environment < the two path options. */
export function loadTokenConfig(options: GetAccessTokenOptions): Promise<LoadedConfig> {
  return loadConfig({
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    flags: { config: options.configFile, tokenFile: options.tokenFile },
  });
}

export function obtainFor(config: Config, deps: AccessTokenDeps, verify: boolean, minValidityMs?: number): Promise<Obtained> {
  return obtainAccessToken(
    {
      tokenFile: config.tokenFile,
      clientId: config.clientId,
      client: (deps.createClient ?? createTokenClient)(config),
      now: deps.now ?? Date.now,
      sleep: deps.sleep ?? realSleep,
      retry: deps.retry,
      lock: deps.lock,
    },
    { verify, minValidityMs },
  );
}

/** `getAccessToken` with replaceable dependencies. */
export async function getAccessTokenWith(options: GetAccessTokenOptions, deps: AccessTokenDeps): Promise<AccessToken> {
  try {
    const { config, warnings } = await loadTokenConfig(options);
    const minValidityMs = (options.minValiditySeconds ?? 60) * 1000;
    const obtained = await obtainFor(config, deps, false, minValidityMs);
    return {
      accessToken: obtained.accessToken,
      tokenType: obtained.tokenType,
      expiresAt: obtained.expiresAt,
      scope: obtained.scopes.join(' '),
      missingScopes: config.scopes.filter((scope) => !obtained.scopes.includes(scope)),
      warnings: [...warnings.map((warning) => warning.message), ...obtained.warnings],
    };
  } catch (error) {
    throw toAccessTokenError(error);
  }
}
