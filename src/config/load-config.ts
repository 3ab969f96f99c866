import { ConfigError } from '../core/errors.js';
import { clientIdPlace, missingClientIdHint, registerUriFor } from './guidance.js';
import { masking, resolveWith, type ResolvedConfig, type ResolveOptions } from './resolve.js';
import type { Config, ConfigWarning } from './types.js';
import { suggestKey } from './validate.js';

export { parseRedirectUri, withPort } from './redirect-uri.js';

export type LoadConfigOptions = Omit<ResolveOptions, 'allowMissingConfigFile'>;

export interface LoadedConfig {
  config: Config;
  warnings: ConfigWarning[];
}

/**
 * The configuration a login or a token needs: resolveConfig's values, which must include a client
 * id. Throws ConfigError for anything the user must fix, with every client secret masked.
 */
export function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  return masking(options.env, async (secrets) => {
    const resolved = await resolveWith(options, secrets);
    const { clientId, ...values } = resolved.values;
    if (!clientId) throw missingClientId(resolved);
    const configFile = resolved.found?.file;
    return { config: { clientId, ...values, ...(configFile ? { configFile } : {}) }, warnings: resolved.warnings };
  });
}

function missingClientId({ found, fileLabel, values, warnings }: ResolvedConfig): ConfigError {
  const misspelt = warnings.find((w) => w.code === 'UNKNOWN_KEY' && w.key && suggestKey(w.key) === 'clientId');
  const registerUri = registerUriFor(values.redirectUri);
  const lines = [
    'No Spotify client id is configured.',
    misspelt ? `${fileLabel} has "${misspelt.key}": did you mean "clientId"?` : undefined,
    ...missingClientIdHint(registerUri, clientIdPlace(fileLabel)),
  ];
  return new ConfigError('CONFIG_MISSING_CLIENT_ID', lines.filter(Boolean).join('\n'), {
    file: found?.file,
    key: 'clientId',
    registerUri,
  });
}
