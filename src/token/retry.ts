import type { RetryOptions } from 'got';

/**
 * Spotify's rules: 429 and 5xx are temporary and never a reason to give up a token. got retries
 * them (and network blips) with a short, bounded backoff; a longer outage fails as temporary and
 * the caller tries later. A Retry-After above `maxRetryAfterMs` is not waited for (got gives up at
 * once): the command would look hung.
 *
 * The bound, per request: `attempts` tries of at most `timeout` each (10 s by default), with at most
 * `attempts - 1` waits of at most `maxRetryAfterMs` between them. With the defaults that is
 * 4 × 10 s + 3 × 10 s = 70 s in the worst case (every answer a 429 asking for 10 s, or a server
 * that never answers); a plain 5xx outage fails after 0.25 + 0.5 + 1 s of waiting. `timeout` covers
 * the whole answer, so a server that drips its body byte by byte is cut off like a silent one, and
 * a Retry-After given as an HTTP date is read as that date (got parses both forms).
 *
 * A whole `pytify-auth token` run that must refresh: at most the lock wait (30 s, lock.ts), one
 * refresh (70 s) and one untried-again GET /me (10 s, only when the record lacks the account):
 * 110 s at worst, and far less unless Spotify itself is failing.
 */
export interface RetryPolicy {
  /** Tries in all, the first one included: 1 means no retry. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  /**
   * Resend only when the request provably never reached the server (refused, no DNS answer):
   * for a single-use code, which a second copy would only get answered invalid_grant.
   */
  onlyIfUnsent?: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 };

/** Sent exactly once: for a request that must not be repeated. */
export const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY, attempts: 1 };

/** An error code of our own, thrown by an afterResponse hook for a 200 nobody can read. */
export const UNREADABLE_ANSWER = 'ERR_UNREADABLE_ANSWER';

/** Every 5xx, as before: Spotify's side failed. 408 and the other 4xx are not worth a second try. */
const SERVER_ERRORS = Array.from({ length: 100 }, (_, index) => 500 + index);

/** got's own network error codes (timeouts, resets, refusals, DNS), plus an unreadable 200. */
const ERROR_CODES = [
  'ETIMEDOUT',
  'ECONNRESET',
  'EADDRINUSE',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'ENETUNREACH',
  'EAI_AGAIN',
  UNREADABLE_ANSWER,
];

/** Failures before a connection existed: nothing was sent, so sending is safe. */
const NEVER_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

/**
 * got's `retry` option for one request. got decides whether to retry (limit, methods, status and
 * error codes, Retry-After against maxRetryAfter) and waits; `calculateDelay` only rescales its
 * backoff (got's starts at 1 s) to ours, and tells `onDelay` how long got will wait.
 */
export function gotRetry(policy: RetryPolicy, onDelay: (ms: number) => void = () => undefined): Partial<RetryOptions> {
  return {
    limit: policy.attempts - 1,
    // got retries no POST by default; the token endpoint is POST (a refresh may be repeated).
    methods: ['GET', 'POST'],
    statusCodes: policy.onlyIfUnsent ? [] : [429, ...SERVER_ERRORS],
    errorCodes: policy.onlyIfUnsent ? NEVER_SENT_CODES : ERROR_CODES,
    maxRetryAfter: policy.maxRetryAfterMs,
    noise: 0,
    calculateDelay: ({ attemptCount, retryAfter, computedValue }) => {
      // 0: got's rules say stop (limit reached, not retryable, Retry-After beyond the bound).
      if (computedValue === 0) return 0;
      const delay = retryAfter
        ? computedValue
        : Math.min(policy.baseDelayMs * 2 ** (attemptCount - 1), policy.maxDelayMs);
      onDelay(delay);
      return delay;
    },
  };
}
