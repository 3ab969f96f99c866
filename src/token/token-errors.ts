import { TokenError } from '../core/errors.js';
import { sanitize } from '../core/sanitize.js';
import { basicCredentialSecrets, createScrubber } from '../core/scrub.js';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** How much of a body is looked at: far more than is ever shown, and quick to scrub. */
const LOOKED_AT = 16 * 1024;

/**
 * A short, printable excerpt of text from a server: scrubbed of the secrets in play first (a cut
 * secret would slip past the scrubber), then without markup, then through the one sanitiser.
 */
export function excerpt(body: string, max = 80, scrub: (text: string) => string = (text) => text): string {
  const flat = scrub(body.slice(0, LOOKED_AT))
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return sanitize(flat, max);
}

/** Blanks anything that looks like a token value, should an error body echo one. */
export function redactTokens(body: string): string {
  return body.replace(/("[a-z_]*(?:token|code|secret|verifier)[a-z_]*"\s*:\s*")[^"]*/gi, '$1[redacted]');
}

/** Form fields that identify rather than authorize: everything else a request sends is a secret. */
const PUBLIC_FIELDS = new Set(['grant_type', 'redirect_uri', 'client_id']);

/** Every secret a request carries: the code, verifier or refresh token, and the credentials header. */
export function requestSecrets(request: { headers: Record<string, string>; form?: Record<string, string> }): string[] {
  const secrets = Object.entries(request.form ?? {})
    .filter(([key]) => !PUBLIC_FIELDS.has(key))
    .map(([, value]) => value);
  const [scheme = '', credentials = ''] = (request.headers.authorization ?? '').split(' ');
  if (credentials) secrets.push(credentials);
  if (/^basic$/i.test(scheme)) {
    const pair = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = pair.indexOf(':');
    if (colon >= 0) secrets.push(...basicCredentialSecrets(pair.slice(0, colon), pair.slice(colon + 1)));
  }
  return secrets;
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

/** A 404 from GET <apiUrl>/me: the request never reached the profile, so the base URL is off. */
export const WRONG_API_URL =
  '; the API URL looks wrong: apiUrl must be the Web API base ending in /v1 (https://api.spotify.com/v1)';

/**
 * Turns a non-success answer into a TokenError. Spotify's accounts service answers
 * `{"error": "...", "error_description": "..."}`; the Web API answers `{"error": {status, message}}`.
 * Only Spotify's own descriptions and a sanitized excerpt are kept: never the request.
 */
export function describeHttpFailure(
  endpoint: 'token' | 'profile',
  answer: HttpAnswer,
  secrets: readonly string[] = [],
): TokenError {
  const { status } = answer;
  const scrub = createScrubber(secrets);
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
    const description = typeof data.error_description === 'string' ? excerpt(data.error_description, 80, scrub) : '';
    const error = excerpt(data.error, 60, scrub);
    // Spotify's invalid_grant for an expired refresh token has no description: the code alone.
    const text = description ? `${description} (${error})` : error;
    if (data.error === 'invalid_client')
      return new TokenError('INVALID_CLIENT', `Spotify rejected the app's credentials: ${text}`, {
        status,
        oauthError: error,
      });
    if (data.error === 'invalid_grant')
      return new TokenError('INVALID_GRANT', `Spotify did not accept the grant: ${text}`, {
        status,
        oauthError: error,
      });
    return new TokenError('TOKEN_ENDPOINT_ERROR', `${where} answered HTTP ${status}: ${text}`, {
      status,
      oauthError: error,
    });
  }
  if (endpoint === 'profile' && data && data.error && typeof data.error === 'object') {
    const message = (data.error as Record<string, unknown>).message;
    const text = `${where} answered HTTP ${status}: ${excerpt(String(message ?? 'error'), 80, scrub)}`;
    return new TokenError('PROFILE_ERROR', `${text}${status === 404 ? WRONG_API_URL : ''}`, { status });
  }
  const code = endpoint === 'profile' ? 'PROFILE_ERROR' : 'TOKEN_ENDPOINT_ERROR';
  // A success body carries credentials even when it is cut short: never quote it.
  const shown = status === 200 ? '' : excerpt(redactTokens(answer.body.slice(0, LOOKED_AT)), 80, scrub);
  const what = status === 200 ? 'an unreadable answer' : `HTTP ${status}`;
  const hint = endpoint === 'profile' && status === 404 ? WRONG_API_URL : '';
  return new TokenError(code, `${where} answered ${what}${shown ? `: ${shown}` : ''}${hint}`, { status });
}
