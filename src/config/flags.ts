import { ConfigError } from '../core/errors.js';
import { DEFAULTS } from './types.js';
import { invalid } from './where.js';

/** setTimeout overflows past 2^31-1 ms; a day is more than any login needs. */
const MAX_TIMEOUT_SECONDS = 86_400;

export function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULTS.timeoutSeconds;
  const text = value.trim();
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= 1 && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw invalid(
      { key: '--timeout' },
      `must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS} (got "${value}"); the default is ${DEFAULTS.timeoutSeconds}`,
    );
  }
  return seconds;
}

export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw invalid({ key: '--port' }, `must be a port number from 0 to 65535, 0 = any free port (got "${value}")`);
  }
  return port;
}

/** A flag given with an empty value (`--config ""`) is a mistake, not "unset". */
export function nonEmptyFlag(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '')
    throw new ConfigError('CONFIG_INVALID', `${flag} needs a path (got an empty value)`, { key: flag });
  return value.trim();
}
