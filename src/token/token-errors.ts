import { TokenError } from '../core/errors.js';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A short, printable excerpt of an unexpected body: no markup, no control characters. */
export function excerpt(body: string, max = 80): string {
  const flat = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Blanks anything that looks like a token value, should an error body echo one. */
export function redactTokens(body: string): string {
  return body.replace(/("[a-z_]*(?:token|code|secret|verifier)[a-z_]*"\s*:\s*")[^"]*/gi, '$1[redacted]');
}

function retryAfterSeconds(headers: HttpAnswer['headers']): number | undefined {
  const raw = headers['retry-after'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function readJson(body: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(body);
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns a non-success answer into a TokenError. Spotify's accounts service answers
 * `{"error": "...", "error_description": "..."}`; the Web API answers `{"error": {status, message}}`.
 * Only Spotify's own descriptions and a sanitized excerpt are kept: never the request.
 */
export function describeHttpFailure(endpoint: 'token' | 'profile', answer: HttpAnswer): TokenError {
  const { status } = answer;
  const data = readJson(answer.body);
  const where = endpoint === 'token' ? 'The token endpoint' : 'The Web API (/me)';
  if (status === 429) {
    const wait = retryAfterSeconds(answer.headers);
    return new TokenError(
      'RATE_LIMITED',
      `${where} is rate limiting requests${wait === undefined ? '' : `; retry after ${wait} s`}`,
      {
        status,
        retryAfterSeconds: wait,
      },
    );
  }
  if (endpoint === 'token' && data && typeof data.error === 'string') {
    const description = typeof data.error_description === 'string' ? excerpt(data.error_description) : '';
    const text = `${description || data.error} (${data.error})`;
    if (data.error === 'invalid_client')
      return new TokenError('INVALID_CLIENT', `Spotify rejected the app's credentials: ${text}`, {
        status,
        oauthError: data.error,
      });
    if (data.error === 'invalid_grant')
      return new TokenError('INVALID_GRANT', `Spotify did not accept the grant: ${text}`, {
        status,
        oauthError: data.error,
      });
    return new TokenError('TOKEN_ENDPOINT_ERROR', `${where} answered HTTP ${status}: ${text}`, {
      status,
      oauthError: data.error,
    });
  }
  if (endpoint === 'profile' && data && data.error && typeof data.error === 'object') {
    const message = (data.error as Record<string, unknown>).message;
    return new TokenError('PROFILE_ERROR', `${where} answered HTTP ${status}: ${excerpt(String(message ?? 'error'))}`, {
      status,
    });
  }
  const code = endpoint === 'profile' ? 'PROFILE_ERROR' : 'TOKEN_ENDPOINT_ERROR';
  // A success body carries credentials even when it is cut short: never quote it.
  const shown = status === 200 ? '' : excerpt(redactTokens(answer.body));
  const what = status === 200 ? 'an unreadable answer' : `HTTP ${status}`;
  return new TokenError(code, `${where} answered ${what}${shown ? `: ${shown}` : ''}`, { status });
}
