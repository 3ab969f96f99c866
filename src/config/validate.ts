import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { CONFIG_KEYS, KEY_ALIASES, canonicalKey, type ConfigKey } from './keys.js';
import { BOOK_KEYS, checkEndpoints, type BookKey, type BookSettings } from './endpoints.js';
import { closest } from './suggest.js';
import type { ConfigWarning } from './types.js';
import { invalid, kindOf, type Where } from './where.js';

/** What a config file sets, type-checked; paths and URIs are still as written. */
export interface FileSettings {
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  scopes?: string[];
  tokenFile?: string;
  authUrl?: string;
  tokenUrl?: string;
  apiUrl?: string;
}

export interface ReadSettings {
  settings: FileSettings;
  /** Where each setting was written, for later checks (redirect URI) to name the key. */
  where: Partial<Record<ConfigKey, Where>>;
  warnings: ConfigWarning[];
}

/** Checks the shape of one config file's content. `file` and `fileLabel` name it in messages. */
export function readSettings(data: unknown, file: string, fileLabel: string): ReadSettings {
  const result: ReadSettings = { settings: {}, where: {}, warnings: [] };
  if (data === undefined || data === null) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `${fileLabel}: must hold an object of settings like {"clientId": "…"} (got ${kindOf(data)})`,
      { file },
    );
  }
  const book: BookSettings = {};
  // Every wrong value of the file at once: fixing one only to be told of the next wastes runs.
  const problems: ConfigError[] = [];
  for (const [written, value] of Object.entries(data)) {
    const key = canonicalKey(written);
    const where: Where = { key: written, file, fileLabel };
    if ((BOOK_KEYS as readonly string[]).includes(written)) {
      book[written as BookKey] = { value, where };
      continue;
    }
    if (!key) {
      result.warnings.push(unknownKey(where));
      continue;
    }
    // YAML `clientSecret:` with nothing after it is null: the same as leaving the key out.
    if (value === null) continue;
    let checked;
    try {
      checked = key === 'scopes' ? checkScopes(value, where) : checkString(key, value, where);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error);
      continue;
    }
    const earlier = result.where[key];
    if (earlier && JSON.stringify(result.settings[key]) !== JSON.stringify(checked)) {
      throw invalid(where, `and "${earlier.key}" are both set and differ; keep one of them`);
    }
    result.where[key] = where;
    (result.settings as Record<ConfigKey, unknown>)[key] = checked;
    if (key === 'scopes' && Array.isArray(checked) && checked.length === 0) {
      const message = `${where.fileLabel}: "${where.key}" is empty, so the player could not control playback (e.g. user-modify-playback-state)`;
      result.warnings.push({ code: 'EMPTY_SCOPES', message, file, key: where.key });
    }
  }
  if (problems.length > 0) throw allOf(problems);
  const endpoints = checkEndpoints(result.settings, result.where, book);
  return { ...result, settings: endpoints.settings, warnings: [...result.warnings, ...endpoints.warnings] };
}

/** One error for all of a file's wrong values: each on its line, the first one's key and file kept. */
function allOf(problems: ConfigError[]): ConfigError {
  const [first] = problems as [ConfigError, ...ConfigError[]];
  if (problems.length === 1) return first;
  const message = problems.map((problem) => problem.message).join('\n');
  return new ConfigError('CONFIG_INVALID', message, { file: first.file, key: first.key });
}

/**
 * "Write it in quotes" in the file's own syntax: YAML and JSON both read an unquoted 1234 (or
 * 12e45, a possible hex id) or true as a number or boolean. An extensionless .spotifyrc may be
 * either; the JSON form is valid YAML too. The value itself is never shown: it may be a secret.
 */
function quoteAdvice(where: Where): string {
  const extension = path.extname(where.file ?? '');
  if (extension === '.yaml' || extension === '.yml') return `; in YAML, put the value in quotes: ${where.key}: "…"`;
  if (/^\.[cm]?js$/.test(extension)) return `; write it as a string in quotes: ${where.key}: '…'`;
  return `; write it as a string in quotes: "${where.key}": "…"`;
}

/** The known key an unknown one was probably meant to be (aliases count, canonical name returned). */
export function suggestKey(key: string): ConfigKey | undefined {
  const match = closest(key, [...CONFIG_KEYS, ...Object.keys(KEY_ALIASES)]);
  return match === undefined ? undefined : canonicalKey(match);
}

function unknownKey(where: Where): ConfigWarning {
  const suggestion = suggestKey(where.key);
  return {
    code: 'UNKNOWN_KEY',
    message:
      `${where.fileLabel}: unknown key "${where.key}" is ignored` +
      (suggestion ? ` — did you mean "${suggestion}"?` : ` (known keys: ${CONFIG_KEYS.join(', ')})`),
    file: where.file,
    key: where.key,
  };
}

function checkString(key: ConfigKey, value: unknown, where: Where): string | undefined {
  if (typeof value !== 'string') {
    const hint = typeof value === 'number' || typeof value === 'boolean' ? quoteAdvice(where) : '';
    throw invalid(where, `must be a string (got ${kindOf(value)})${hint}`);
  }
  const text = value.trim();
  if (text === '') {
    // An empty secret just means "no secret": the PKCE flow.
    if (key === 'clientSecret') return undefined;
    throw invalid(where, 'must not be empty; remove the key to use the default');
  }
  if (key === 'authUrl' || key === 'tokenUrl' || key === 'apiUrl') checkHttpUrl(text, where);
  return text;
}

export function checkHttpUrl(url: string, where: Where): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw invalid(where, `must be an http(s) URL like https://accounts.spotify.com/… (got "${url}")`);
  }
}

function checkScopes(value: unknown, where: Where): string[] {
  const odd = Array.isArray(value) ? value.findIndex((item) => typeof item !== 'string') : -1;
  const got = Array.isArray(value) ? `a list holding ${kindOf(value[odd])}` : kindOf(value);
  if (typeof value !== 'string' && (!Array.isArray(value) || odd >= 0)) {
    throw invalid(where, `must be a list of strings or a space-separated string (got ${got})`);
  }
  const words =
    typeof value === 'string' ? value.split(/\s+/) : (value as string[]).flatMap((item) => item.split(/\s+/));
  return [...new Set(words.filter((word) => word !== ''))];
}
