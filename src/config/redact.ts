import { ConfigError } from '../core/errors.js';
import { ENV } from './keys.js';
import type { ConfigWarning } from './types.js';

const MASK = '[client secret]';

/**
 * The client secrets a load can see, so that no message shows one even when it was pasted into
 * the wrong place (a redirect URI, --timeout). Checked messages never quote secret values; this is
 * the second line of defence for the ones that quote what the user wrote.
 */
export function secretsIn(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  return [record.clientSecret, record.client_secret].filter(
    (value): value is string => typeof value === 'string' && value.trim().length >= 4,
  );
}

export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret.trim()).join(MASK), text);
}

export function redactWarning(warning: ConfigWarning, secrets: readonly string[]): ConfigWarning {
  return { ...warning, message: redact(warning.message, secrets) };
}

export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof ConfigError)) return error;
  const message = redact(error.message, secrets);
  if (message === error.message) return error;
  return new ConfigError(error.code as 'CONFIG_INVALID' | 'CONFIG_MISSING_CLIENT_ID', message, {
    file: error.file,
    key: error.key,
    registerUri: error.registerUri === undefined ? undefined : redact(error.registerUri, secrets),
  });
}

/** Runs `resolve` with the client secrets masked in its errors: the environment's and the file's. */
export async function masking<T>(env: NodeJS.ProcessEnv, resolve: (secrets: string[]) => Promise<T>): Promise<T> {
  const secrets = secretsIn({ clientSecret: env[ENV.clientSecret] });
  try {
    return await resolve(secrets);
  } catch (error) {
    throw redactError(error, secrets);
  }
}
