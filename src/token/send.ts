import type { AfterResponseHook } from 'got';
import { PytifyError, TokenError } from '../core/errors.js';
import type { DebugLog } from '../core/debug-log.js';
import { debugHooks } from './debug-hooks.js';
import { UNREADABLE_ANSWER, gotRetry, type RetryPolicy } from './retry.js';
import { describeHttpFailure } from './token-errors.js';

export type Endpoint = 'token' | 'profile';

export interface Request {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  form?: Record<string, string>;
}

/** A 200 that `read` refused, carried through got (whose retry sees its code) to the caller. */
class UnreadableAnswer extends Error {
  readonly code = UNREADABLE_ANSWER;
  constructor(readonly failure: PytifyError) {
    super(failure.message);
  }
}

/**
 * One request, retried by got as `policy` says; `read` turns a 200 into the result. `got` is loaded
 * on first use so commands that never call it stay light.
 */
export async function send<T>(
  endpoint: Endpoint,
  url: string,
  request: Request,
  read: (body: string) => T,
  settings: { timeoutMs: number; policy: RetryPolicy; log: DebugLog },
): Promise<T> {
  const { got, RequestError } = await import('got');
  let value: T | undefined;
  let waited: number | undefined;
  const hooks = debugHooks(settings.log, Object.keys(request.form ?? {}).join(','), () => waited);
  // A 200 that cannot be read (a proxy's page, a body cut short) is worth another try as well.
  const readAnswer: AfterResponseHook = (response) => {
    if (response.statusCode !== 200) return response;
    const body = String(response.body);
    try {
      value = read(body);
    } catch (error) {
      const answer = { status: 200, headers: response.headers, body };
      throw new UnreadableAnswer(error instanceof PytifyError ? error : describeHttpFailure(endpoint, answer));
    }
    return response;
  };
  try {
    const response = await got(url, {
      ...request,
      throwHttpErrors: false,
      followRedirect: false,
      timeout: { request: settings.timeoutMs },
      retry: gotRetry(settings.policy, (ms) => (waited = ms)),
      hooks: { ...hooks, afterResponse: [...(hooks.afterResponse ?? []), readAnswer] },
    });
    if (response.statusCode === 200) return value as T;
    throw describeHttpFailure(endpoint, {
      status: response.statusCode,
      headers: response.headers,
      body: response.body,
    });
  } catch (error) {
    if (error instanceof PytifyError) throw error;
    if (error instanceof RequestError && error.cause instanceof UnreadableAnswer) throw error.cause.failure;
    const reason = error instanceof RequestError ? error.code : 'request failed';
    throw new TokenError('NETWORK_ERROR', `Could not reach ${new URL(url).host} (${reason})`, { cause: error });
  }
}
