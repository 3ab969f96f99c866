import type { ConfigWarning } from './types.js';
import { invalid, subject, type Where } from './where.js';

/**
 * The keys of the book's `pytify/config.yaml` that are not settings of ours: known, so they give
 * no "unknown key" warning, and read for what they mean (api_version completes api_url).
 */
export const BOOK_KEYS = ['api_version', 'base_url', 'auth_method'] as const;
export type BookKey = (typeof BOOK_KEYS)[number];
export type BookSettings = Partial<Record<BookKey, { value: unknown; where: Where }>>;

const SPOTIFY_HOST = /(^|\.)spotify\.com$/i;
const LOOPBACK_HOST = /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/i;

/** The settings this checks; the rest of a file's settings pass through untouched. */
interface Urls {
  authUrl?: string;
  tokenUrl?: string;
  apiUrl?: string;
}

export interface Endpoints<T extends Urls> {
  readonly settings: T;
  readonly warnings: ConfigWarning[];
}

/** `api_url` + `api_version`, as the book's player joins them: https://api.spotify.com + v1. */
function withVersion(apiUrl: string | undefined, version: unknown, where: Where): string | undefined {
  if (version === undefined || version === null) return apiUrl;
  if (typeof version !== 'string' || !/^[\w.-]+$/.test(version.trim()))
    throw invalid(where, 'must be a version like v1');
  const base = (apiUrl ?? 'https://api.spotify.com').replace(/\/+$/, '');
  return base.endsWith(`/${version.trim()}`) ? base : `${base}/${version.trim()}`;
}

/**
 * The URLs as they will be used, and why: the book's `http://accounts.spotify.com/…` becomes
 * https (Spotify answers plain http with a redirect a token request cannot follow) with a notice;
 * plain http to any other host that is not this computer is refused before a secret, code or
 * token is sent to it; an API base on api.spotify.com must end in /v1 (else every call is a 404).
 */
export function checkEndpoints<T extends Urls>(
  input: T,
  where: Partial<Record<string, Where>>,
  book: BookSettings,
): Endpoints<T> {
  const warnings: ConfigWarning[] = [];
  const settings: T = { ...input };
  const apiWhere = where.apiUrl ?? book.api_version?.where ?? { key: 'apiUrl' };
  if (book.api_version) settings.apiUrl = withVersion(settings.apiUrl, book.api_version.value, book.api_version.where);
  for (const key of ['authUrl', 'tokenUrl', 'apiUrl'] as const) {
    const url = settings[key];
    const at = key === 'apiUrl' ? apiWhere : (where[key] ?? { key });
    if (url === undefined || !URL.canParse(url)) continue;
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' && SPOTIFY_HOST.test(parsed.hostname)) {
      settings[key] = `https:${url.slice(url.indexOf(':') + 1)}`;
      warnings.push({
        code: 'HTTP_UPGRADED',
        message: `${subject(at)} is plain http (${url}): pytify-auth uses ${settings[key]} instead; write https there.`,
        file: at.file,
        key: at.key,
      });
    } else if (parsed.protocol === 'http:' && key !== 'authUrl' && !LOOPBACK_HOST.test(parsed.hostname)) {
      throw invalid(
        at,
        `is plain http to ${parsed.host} (got "${url}"): the client secret, the code and the tokens would cross ` +
          'the network unencrypted. Use https, or http only to this computer (127.0.0.1).',
      );
    }
  }
  const api = settings.apiUrl === undefined ? undefined : new URL(settings.apiUrl);
  if (api && api.hostname.toLowerCase() === 'api.spotify.com' && api.pathname.replace(/\/+$/, '') !== '/v1') {
    throw invalid(
      apiWhere,
      `makes the API base ${settings.apiUrl}, which lacks /v1: every call would be answered 404. ` +
        'Use https://api.spotify.com/v1 (or api_url https://api.spotify.com with api_version v1).',
    );
  }
  const method = book.auth_method;
  if (method && String(method.value).trim().toUpperCase() !== 'AUTHORIZATION_CODE') {
    warnings.push({
      code: 'BOOK_AUTH_METHOD',
      message:
        `${subject(method.where)} is "${String(method.value)}": pytify-auth always uses the authorization code flow ` +
        '(client credentials cannot act for a user, so a player could not control playback); set it to ' +
        "AUTHORIZATION_CODE so the book's player reads the .pytify this writes.",
      file: method.where.file,
      key: method.where.key,
    });
  }
  return { settings, warnings };
}
