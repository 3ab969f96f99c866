import path from 'node:path';
import { ConfigError } from '../core/errors.js';

/** Where a value came from: a key in a config file, an environment variable or a flag. */
export interface Where {
  /** The key as the user wrote it (`client_id`), or `SPOTIFY_REDIRECT_URI`, or `--port`. */
  key: string;
  /** Absolute path of the config file, when the value came from one. */
  file?: string;
  /** How the file is shown in messages (relative to cwd when inside it). */
  fileLabel?: string;
}

export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Short enough to read, exact enough to find: relative inside cwd, absolute elsewhere. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const label = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return path.basename(file) === 'package.json' ? `${label} ("spotify" key)` : label;
}

export function subject(where: Where): string {
  return where.file ? `${where.fileLabel ?? where.file}: "${where.key}"` : where.key;
}

/** A CONFIG_INVALID error naming the file and key; `rest` completes the sentence. */
export function invalid(where: Where, rest: string): ConfigError {
  return new ConfigError('CONFIG_INVALID', `${subject(where)} ${rest}`, { file: where.file, key: where.key });
}

/** How a value is described in "(got …)": its kind, never its content (it may be a secret). */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
