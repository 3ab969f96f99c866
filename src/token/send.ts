import type { AfterResponseHook, Agents } from 'got';
import { PytifyError, TokenError } from '../core/errors.js';
import type { DebugLog } from '../core/debug-log.js';
import { debugHooks } from './debug-hooks.js';
import { describeNetworkFailure } from './network-failure.js';
import { transportFor, type NetworkOptions } from './proxy.js';
import { UNREADABLE_ANSWER, gotRetry, type RetryPolicy } from './retry.js';
import { describeHttpFailure, requestSecrets } from './token-errors.js';

export type Endpoint = 'token' | 'profile';

export interface Request {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  form?: Record<string, string>;
}

/**
 * The most any answer may be: a token grant or a profile is a few hundred bytes. A body is counted
 * while it streams and the request aborted past this, so a huge or endless answer (50 MB was read
 * whole, four times over, by the retries) costs at most this much memory, and is not retried.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

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
  settings: {
    timeoutMs: number;
    policy: RetryPolicy;
    log: DebugLog;
    maxAnswerBytes?: number;
    network?: NetworkOptions;
    /** Keep-alive agents holding warm connections (warm-up.ts); not used through a proxy. */
    agents?: Agents;
  },
): Promise<T> {
  const { got, RequestError } = await import('got');
  const target = new URL(url);
  const transport = await transportFor(target, settings.network);
  if (transport.proxy) settings.log('http proxy', { url, proxy: transport.proxy });
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
      throw new UnreadableAnswer(
        error instanceof PytifyError
          ? error
          : describeHttpFailure(endpoint, answer, [...requestSecrets(request), ...transport.secrets]),
      );
    }
    return response;
  };
  const maxBytes = settings.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  let tooLarge = false;
  try {
    const pending = got(url, {
      ...request,
      ...(settings.agents && !transport.proxy ? { agent: settings.agents } : {}),
      ...transport.options,
      throwHttpErrors: false,
      followRedirect: false,
      timeout: { request: settings.timeoutMs },
      retry: gotRetry(settings.policy, (ms) => (waited = ms)),
      hooks: { ...hooks, afterResponse: [...(hooks.afterResponse ?? []), readAnswer] },
    });
    // Cancelling ends got's retries too: a server that sends too much would only send it again.
    const refuse = () => {
      tooLarge = true;
      pending.cancel();
    };
    pending.on('response', (response: { headers: Record<string, string | string[] | undefined> }) => {
      if (Number(response.headers['content-length']) > maxBytes) refuse();
    });
    pending.on('downloadProgress', ({ transferred }: { transferred: number }) => {
      if (transferred > maxBytes) refuse();
    });
    const response = await pending;
    if (response.statusCode === 200) return value as T;
    throw describeHttpFailure(
      endpoint,
      {
        status: response.statusCode,
        headers: response.headers,
        body: response.body,
      },
      [...requestSecrets(request), ...transport.secrets],
    );
  } catch (error) {
    if (tooLarge) throw tooLargeError(endpoint, maxBytes, error);
    if (error instanceof PytifyError) throw error;
    if (error instanceof RequestError && error.cause instanceof UnreadableAnswer) throw error.cause.failure;
    throw describeNetworkFailure(target, error, transport.proxy);
  } finally {
    transport.close();
  }
}

function tooLargeError(endpoint: Endpoint, maxBytes: number, cause: unknown): TokenError {
  const where = endpoint === 'token' ? 'The token endpoint' : 'The Web API (/me)';
  const code = endpoint === 'token' ? 'TOKEN_ENDPOINT_ERROR' : 'PROFILE_ERROR';
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes} bytes`;
  return new TokenError(code, `${where} sent an answer larger than ${size}; it was not read`, { cause });
}
