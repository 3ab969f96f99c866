import { timingSafeEqual } from 'node:crypto';
import { AuthorizeError, PytifyError } from '../core/errors.js';
import { sanitize } from '../core/sanitize.js';

/** What a callback URL's query says, once its `state` has been checked. */
export type CallbackResult = { code: string };

function sameState(received: string, expected: string): boolean {
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads `?code=…&state=…` or `?error=…&state=…`. A missing or wrong state is checked first, so a
 * forged request can neither complete nor cancel the flow.
 */
export function parseCallback(query: URLSearchParams, expectedState: string): CallbackResult {
  const state = query.get('state');
  if (state === null || state === '') {
    throw new PytifyError('STATE_MISMATCH', 'The callback has no state parameter');
  }
  if (!sameState(state, expectedState)) {
    throw new PytifyError('STATE_MISMATCH', 'The callback state does not match this authorization request');
  }
  const error = query.get('error');
  // Anyone who can reach the browser can put text here: it goes through the one sanitiser first.
  const description = query.get('error_description');
  if (error) throw new AuthorizeError(sanitize(error, 100), description ? sanitize(description) : undefined);
  const code = query.get('code');
  if (!code) throw new PytifyError('CALLBACK_INVALID', 'The callback has neither a code nor an error');
  return { code };
}
