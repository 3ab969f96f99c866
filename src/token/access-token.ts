import type { Config } from '../config/types.js';
import { toAccessTokenError } from './errors.js';
import type { LockOptions } from './lock.js';
import { loadTokenConfig, minValidityMsOf, toAccessToken } from './cached-access-token.js';
import { obtainAccessToken, type Obtained } from './refresh.js';
import { createTokenClient, type TokenClient } from './token-client.js';
import type { AccessToken, GetAccessTokenOptions } from './public-types.js';

export type { AccessToken, GetAccessTokenOptions } from './public-types.js';
export { loadTokenConfig } from './cached-access-token.js';

/** What tests replace; the library and the CLI use the real ones. */
export interface AccessTokenDeps {
  now?: () => number;
  lock?: LockOptions;
  createClient?: (config: Config) => TokenClient;
}

export function obtainFor(
  config: Config,
  deps: AccessTokenDeps,
  verify: boolean,
  minValidityMs?: number,
): Promise<Obtained> {
  return obtainAccessToken(
    {
      tokenFile: config.tokenFile,
      clientId: config.clientId,
      client: (deps.createClient ?? createTokenClient)(config),
      now: deps.now ?? Date.now,
      lock: deps.lock,
    },
    { verify, minValidityMs },
  );
}

/** `getAccessToken` with replaceable dependencies. */
export async function getAccessTokenWith(options: GetAccessTokenOptions, deps: AccessTokenDeps): Promise<AccessToken> {
  try {
    const loaded = await loadTokenConfig(options);
    return toAccessToken(loaded, await obtainFor(loaded.config, deps, false, minValidityMsOf(options)));
  } catch (error) {
    throw toAccessTokenError(error);
  }
}
