/**
 * `--debug` / DEBUG=pytify-auth: each step and HTTP exchange on stderr, for bug reports. Secrets
 * never reach it: sensitive fields and query parameters are replaced, and known secret values
 * are scrubbed from whatever text is left.
 */
import { safeJson } from './sanitize.js';
import { createScrubber } from './scrub.js';

export type DebugLog = (event: string, details?: Record<string, unknown>) => void;

export const silentLog: DebugLog = () => undefined;

const SENSITIVE = /token|secret|code|verifier|authorization|password|cookie/i;
/** Parameters that are fine to show: they identify, they do not authorize. */
const PUBLIC = new Set([
  'code_challenge_method',
  'response_type',
  'grant_type',
  'client_id',
  'redirect_uri',
  'scope',
  'token_type',
]);

export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw, 'http://relative.invalid');
    // A proxy URL (http://user:password@host) carries its credentials in the URL itself.
    if (url.username) url.username = '[redacted]';
    if (url.password) url.password = '[redacted]';
    for (const key of [...url.searchParams.keys()]) {
      if (SENSITIVE.test(key) && !PUBLIC.has(key)) url.searchParams.set(key, '[redacted]');
      if (key === 'state') url.searchParams.set(key, '[redacted]');
    }
    const text = url.toString().replace(/%5Bredacted%5D/g, '[redacted]');
    return raw.startsWith('/') ? text.replace('http://relative.invalid', '') : text;
  } catch {
    return '[unparsable url]';
  }
}

export function redactValue(key: string, value: unknown): unknown {
  if (SENSITIVE.test(key) && !PUBLIC.has(key)) return '[redacted]';
  if (typeof value === 'string' && /^https?:\/\/|^\//.test(value)) return redactUrl(value);
  return value;
}

export function createDebugLog(
  write: (line: string) => void,
  secrets: readonly string[] = [],
  now = () => new Date(),
): DebugLog {
  // Encoded forms and cut pieces of a secret are scrubbed too; values go out as terminal-safe JSON.
  const scrub = createScrubber(secrets);
  return (event, details = {}) => {
    const fields = Object.entries(details).map(
      ([key, value]) => `${key}=${value === undefined ? 'undefined' : safeJson(redactValue(key, value))}`,
    );
    write(`${scrub(`[pytify-auth ${now().toISOString()}] ${event}${fields.length ? ` ${fields.join(' ')}` : ''}`)}\n`);
  };
}

export function debugEnabled(flag: boolean, env: NodeJS.ProcessEnv): boolean {
  return flag || (env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === 'pytify-auth' || name === '*');
}
