/**
 * Errors carry a stable `code` that callers (the view, the exit code, the library API) switch on;
 * the message is for humans and never contains a secret.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_MISSING_CLIENT_ID'
  | 'PORT_IN_USE'
  | 'LISTEN_FAILED'
  | 'STATE_MISMATCH'
  | 'CALLBACK_INVALID'
  | 'ACCESS_DENIED'
  | 'AUTHORIZE_ERROR'
  | 'INVALID_CLIENT'
  | 'INVALID_GRANT'
  | 'TOKEN_ENDPOINT_ERROR'
  | 'NETWORK_ERROR'
  | 'RATE_LIMITED'
  | 'PROFILE_ERROR'
  | 'TOKEN_STORE_ERROR'
  | 'TIMED_OUT'
  | 'BROWSER_FAILED';

export class PytifyError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A config file or value the user must fix; names the file and key when known. */
export class ConfigError extends PytifyError {
  readonly file?: string;
  readonly key?: string;
  /** A missing client id: the redirect URI to register, so every guide names the one in use. */
  readonly registerUri?: string;
  constructor(
    code: 'CONFIG_INVALID' | 'CONFIG_MISSING_CLIENT_ID',
    message: string,
    where: { file?: string; key?: string; registerUri?: string } = {},
  ) {
    super(code, message);
    this.file = where.file;
    this.key = where.key;
    this.registerUri = where.registerUri;
  }
}

export class PortInUseError extends PytifyError {
  readonly host: string;
  readonly port: number;
  constructor(host: string, port: number) {
    super('PORT_IN_USE', `Port ${port} on ${host} is already in use`);
    this.host = host;
    this.port = port;
  }
}

/** The callback came back with `error=…` (the user declined, or Spotify refused the request). */
export class AuthorizeError extends PytifyError {
  readonly oauthError: string;
  constructor(oauthError: string, description?: string) {
    super(
      oauthError === 'access_denied' ? 'ACCESS_DENIED' : 'AUTHORIZE_ERROR',
      oauthError === 'access_denied'
        ? 'Access was declined in the browser'
        : `Spotify refused the authorization: ${oauthError}${description ? ` (${description})` : ''}`,
    );
    this.oauthError = oauthError;
  }
}

/** An error answer (or no answer) from the accounts service's token endpoint or the Web API. */
export class TokenError extends PytifyError {
  readonly status?: number;
  readonly oauthError?: string;
  readonly retryAfterSeconds?: number;
  constructor(
    code:
      'INVALID_CLIENT' | 'INVALID_GRANT' | 'TOKEN_ENDPOINT_ERROR' | 'NETWORK_ERROR' | 'RATE_LIMITED' | 'PROFILE_ERROR',
    message: string,
    details: { status?: number; oauthError?: string; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(code, message, { cause: details.cause });
    this.status = details.status;
    this.oauthError = details.oauthError;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
