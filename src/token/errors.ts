import { ConfigError, PytifyError, TokenError } from '../core/errors.js';

/**
 * What a caller of `getAccessToken` (or a script reading an exit code) must decide: send the user
 * through the login again, try again later, or fix the configuration. The stable `code` carries
 * that decision; `reason` says what happened underneath. Both are documented in the README.
 */
export type AccessTokenErrorCode = 'REAUTHORIZE_REQUIRED' | 'TEMPORARY_FAILURE' | 'CONFIG_ERROR';

export type AccessTokenReason =
  // REAUTHORIZE_REQUIRED
  | 'NO_TOKEN'
  | 'REFRESH_TOKEN_EXPIRED'
  | 'INVALID_GRANT'
  | 'TOKEN_REJECTED'
  // TEMPORARY_FAILURE
  | 'NETWORK_ERROR'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'LOCK_TIMEOUT'
  // CONFIG_ERROR
  | 'CONFIG_INVALID'
  | 'CONFIG_MISSING_CLIENT_ID'
  | 'INVALID_CLIENT'
  | 'ACCOUNT_NOT_ALLOWED'
  | 'TOKEN_ENDPOINT_ERROR'
  | 'TOKEN_STORE_ERROR';

/** Deliberately not a PytifyError: its `code` space (the three decisions) is not ErrorCode's. */
export class AccessTokenError extends Error {
  readonly code: AccessTokenErrorCode;
  readonly reason: AccessTokenReason;
  /** HTTP status of Spotify's answer, when there was one. */
  readonly status?: number;
  /** For RATE_LIMITED: what Spotify asked us to wait, in seconds. */
  readonly retryAfterSeconds?: number;
  constructor(
    code: AccessTokenErrorCode,
    reason: AccessTokenReason,
    message: string,
    details: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'AccessTokenError';
    this.code = code;
    this.reason = reason;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export const isAccessTokenError = (error: unknown): error is AccessTokenError => error instanceof AccessTokenError;

/** @internal */
export const REAUTHORIZE_HINT = 'authorization expired or revoked — run pytify-auth again';

/** Only the description Spotify gave (already excerpted by token-errors.ts), never our request. */
const detail = (error: TokenError): string => {
  const match = /: (.*)$/.exec(error.message);
  return match?.[1] ?? error.message;
};

function fromTokenError(error: TokenError): AccessTokenError {
  const { status, retryAfterSeconds } = error;
  const extra = { status, retryAfterSeconds, cause: error };
  switch (error.code) {
    case 'INVALID_GRANT':
      return new AccessTokenError(
        'REAUTHORIZE_REQUIRED',
        'INVALID_GRANT',
        `${REAUTHORIZE_HINT} (Spotify: ${detail(error)})`,
        extra,
      );
    case 'INVALID_CLIENT':
      return new AccessTokenError(
        'CONFIG_ERROR',
        'INVALID_CLIENT',
        `${error.message}; check clientId (and clientSecret) in your configuration`,
        extra,
      );
    case 'NETWORK_ERROR':
      return new AccessTokenError('TEMPORARY_FAILURE', 'NETWORK_ERROR', `${error.message}; try again later`, extra);
    case 'RATE_LIMITED':
      return new AccessTokenError('TEMPORARY_FAILURE', 'RATE_LIMITED', error.message, extra);
    default:
      break;
  }
  // 5xx, or a 200 nobody could read (a proxy's page): Spotify's side, so worth trying again later.
  if (status === undefined || status >= 500 || status === 200) {
    return new AccessTokenError('TEMPORARY_FAILURE', 'SERVER_ERROR', `${error.message}; try again later`, extra);
  }
  if (error.code === 'PROFILE_ERROR' && status === 401) {
    return new AccessTokenError(
      'REAUTHORIZE_REQUIRED',
      'TOKEN_REJECTED',
      `${REAUTHORIZE_HINT} (${error.message})`,
      extra,
    );
  }
  if (error.code === 'PROFILE_ERROR' && status === 403) {
    const advice =
      "in Development Mode the account must be added under the app's User Management in the Spotify dashboard";
    return new AccessTokenError('CONFIG_ERROR', 'ACCOUNT_NOT_ALLOWED', `${error.message}; ${advice}`, extra);
  }
  return new AccessTokenError('CONFIG_ERROR', 'TOKEN_ENDPOINT_ERROR', error.message, extra);
}

/** @internal Every failure of the token logic leaves as an AccessTokenError; anything else is a bug. */
export function toAccessTokenError(error: unknown): AccessTokenError {
  if (error instanceof AccessTokenError) return error;
  if (error instanceof TokenError) return fromTokenError(error);
  if (error instanceof ConfigError) {
    const reason = error.code === 'CONFIG_MISSING_CLIENT_ID' ? 'CONFIG_MISSING_CLIENT_ID' : 'CONFIG_INVALID';
    return new AccessTokenError('CONFIG_ERROR', reason, error.message, { cause: error });
  }
  if (error instanceof PytifyError && error.code === 'TOKEN_STORE_ERROR') {
    return new AccessTokenError('CONFIG_ERROR', 'TOKEN_STORE_ERROR', error.message, { cause: error });
  }
  throw error;
}
