// The cached-token half of access-token.ts, apart because the bin bundles it on its own
// (dist/cli.cjs): nothing here may import the token client, got or the lock, even lazily.
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { AccessToken, GetAccessTokenOptions } from './public-types.js';
import { readCachedToken, type Obtained } from './refresh.js';

/** The same configuration the login uses: file < environment < the two path options. */
export function loadTokenConfig(options: GetAccessTokenOptions): Promise<LoadedConfig> {
  return loadConfig({
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    flags: { config: options.configFile, tokenFile: options.tokenFile },
  });
}

export function toAccessToken({ config, warnings }: LoadedConfig, obtained: Obtained): AccessToken {
  return {
    accessToken: obtained.accessToken,
    tokenType: obtained.tokenType,
    expiresAt: obtained.expiresAt,
    scope: obtained.scopes.join(' '),
    // No scopes in Spotify's answer means unknown, not "nothing granted": nothing to report missing.
    missingScopes:
      obtained.scopes.length === 0 ? [] : config.scopes.filter((scope) => !obtained.scopes.includes(scope)),
    warnings: [...warnings.map((warning) => warning.message), ...obtained.warnings],
  };
}

export const minValidityMsOf = (options: GetAccessTokenOptions): number => (options.minValiditySeconds ?? 60) * 1000;

/**
 * The cached access token exactly as getAccessToken would return it, or undefined when that needs
 * more than reading files: a refresh (no lock, network or write here), or an error to report.
 * `pytify-auth token` answers from this before loading the rest of the program.
 */
export async function cachedAccessToken(
  options: GetAccessTokenOptions,
  now: () => number = Date.now,
): Promise<AccessToken | undefined> {
  try {
    const loaded = await loadTokenConfig(options);
    const cached = await readCachedToken(loaded.config, now(), minValidityMsOf(options));
    return cached && toAccessToken(loaded, cached);
  } catch {
    return undefined;
  }
}
