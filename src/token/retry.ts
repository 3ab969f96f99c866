import { TokenError } from '../core/errors.js';

/**
 * Spotify's rules: 429 and 5xx are temporary and never a reason to give up a token. A short,
 * bounded retry covers blips; a longer outage fails as temporary and the caller tries later.
 * A Retry-After above `maxRetryAfterMs` is not waited for: the command would look hung.
 */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 };

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Worth another try: no answer, rate limited, or Spotify's side failed (5xx, unreadable 200). */
export function isTemporary(error: unknown): error is TokenError {
  if (!(error instanceof TokenError)) return false;
  if (error.code === 'NETWORK_ERROR' || error.code === 'RATE_LIMITED') return true;
  if (error.code !== 'TOKEN_ENDPOINT_ERROR' && error.code !== 'PROFILE_ERROR') return false;
  return error.status === undefined || error.status >= 500 || error.status === 200;
}

/** How long to wait before attempt `attempt + 1`, or undefined to stop now. */
function delayFor(error: TokenError, attempt: number, policy: RetryPolicy): number | undefined {
  if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== undefined) {
    const wait = error.retryAfterSeconds * 1000;
    return wait <= policy.maxRetryAfterMs ? wait : undefined;
  }
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

export async function withRetry<T>(
  operation: () => Promise<T>,
  sleep: Sleep,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTemporary(error) || attempt >= policy.attempts) throw error;
      const delay = delayFor(error, attempt, policy);
      if (delay === undefined) throw error;
      await sleep(delay);
    }
  }
}
