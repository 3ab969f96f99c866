import type { Hooks, RequestError } from 'got';
import type { DebugLog } from '../core/debug-log.js';

/** What went wrong in a word: the status of an error answer, else got's (or our) error code. */
const reasonOf = (error: RequestError): string | number =>
  error.name === 'HTTPError' && error.response ? error.response.statusCode : error.code;

/**
 * got's hooks write the `--debug` lines of one request: each attempt, each answer, each retry (after
 * got's wait) and a failure without an answer. Only the method, the URL (redacted by the log), the
 * names of the form fields, statuses and error codes: never a header, a value or a body.
 */
export function debugHooks(log: DebugLog, fields: string, waited: () => number | undefined): Partial<Hooks> {
  let started = 0;
  return {
    beforeRequest: [
      (options, { retryCount }) => {
        started = Date.now();
        log('http request', { method: options.method, url: String(options.url), fields, attempt: retryCount + 1 });
      },
    ],
    afterResponse: [
      (response) => {
        const { method } = response.request.options;
        const ms = response.timings.phases.total ?? Date.now() - started;
        log('http response', { method, url: response.requestUrl.toString(), status: response.statusCode, ms });
        return response;
      },
    ],
    beforeRetry: [
      (error, retryCount) => {
        const { method, url } = error.options;
        const details = { method, url: String(url), attempt: retryCount + 1, reason: reasonOf(error) };
        log('http retry', { ...details, waitedMs: waited() });
      },
    ],
    beforeError: [
      (error) => {
        // An answer that is only an HTTP error status was logged as a response already.
        if (error.name !== 'HTTPError') {
          const { method, url } = error.options;
          log('http failure', { method, url: String(url), reason: reasonOf(error), ms: Date.now() - started });
        }
        return error;
      },
    ],
  };
}
