import { DEFAULTS } from './types.js';
import { invalid, type Where } from './where.js';

/** The loopback literals Spotify accepts since 2025, as written in a URI. */
const LOOPBACK = new Map([
  ['127.0.0.1', '127.0.0.1'],
  ['[::1]', '::1'],
]);

interface Parts {
  scheme: string;
  /** Host as written (lower-cased), IPv6 with brackets. */
  host: string;
  /** Port as written, '' when absent. */
  port: string;
  /** Index range of host[:port] in the original string. */
  start: number;
  end: number;
  hasUserinfo: boolean;
}

/**
 * Splits the authority by hand rather than trusting `URL`, which rewrites what the user wrote
 * (`127.1` → `127.0.0.1`, drops `:80`) — Spotify compares redirect URIs as exact strings.
 */
function split(uri: string): Parts | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(uri);
  if (!match || !URL.canParse(uri)) return undefined;
  const authority = match[2] ?? '';
  const at = authority.lastIndexOf('@');
  const hostPort = authority.slice(at + 1);
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPort);
  const start = match[0].length - hostPort.length;
  return {
    scheme: (match[1] ?? '').toLowerCase(),
    host: (hp?.[1] ?? '').toLowerCase(),
    port: hp?.[2] ?? '',
    start,
    end: match[0].length,
    hasUserinfo: at >= 0,
  };
}

function rebuild(uri: string, parts: Parts, host: string, port: string): string {
  return `${uri.slice(0, parts.start)}${host}${port === '' ? '' : `:${port}`}${uri.slice(parts.end)}`;
}

/** What is wrong with a redirect URI, completing "<where> …", or undefined when it is usable. */
export function redirectUriProblem(uri: string): string | undefined {
  const parts = split(uri);
  if (!parts) return `must be a URL like ${DEFAULTS.redirectUri} (got "${uri}")`;
  const fixed = (): string => rebuild(uri, parts, '127.0.0.1', parts.port).replace(/^[^:]+:/, 'http:');
  if (parts.scheme !== 'http') {
    return (
      `must start with http:// (got "${uri}"): Spotify allows plain http for loopback addresses, and ` +
      `the callback is received by a plain-http listener on this computer. Use "${fixed()}".`
    );
  }
  if (parts.hasUserinfo || uri.includes('#')) {
    return `must not contain a user name or a #fragment (got "${uri}")`;
  }
  if (parts.host !== 'localhost' && !LOOPBACK.has(parts.host)) {
    return (
      `must use the loopback address 127.0.0.1 or [::1] (got "${uri}"): Spotify only accepts ` +
      `redirect URIs with an explicit loopback IP literal, and the callback is received on this ` +
      `computer. Use "${fixed()}" and register exactly that URI in your app at ` +
      `https://developer.spotify.com/dashboard.`
    );
  }
  if (parts.port !== '' && !/^\d{1,5}$/.test(parts.port)) return `has an invalid port (got "${uri}")`;
  return undefined;
}

/** The URI with `localhost` replaced by 127.0.0.1, the form Spotify accepts; others unchanged. */
export function loopbackForm(uri: string): string {
  const parts = split(uri);
  return parts?.host === 'localhost' ? rebuild(uri, parts, '127.0.0.1', parts.port) : uri;
}

/**
 * Throws CONFIG_INVALID for an unusable redirect URI. A localhost one is refused too: Spotify
 * rejects it for every app ("Invalid redirect URI"), so a login could only fail at Spotify's page.
 */
export function checkRedirectUri(uri: string, where: Where): undefined {
  const problem = redirectUriProblem(uri);
  if (problem) throw invalid(where, problem);
  if (split(uri)?.host !== 'localhost') return undefined;
  throw invalid(
    where,
    `uses localhost (got "${uri}"), which Spotify refuses for every app ("Invalid redirect URI"). ` +
      `Use "${loopbackForm(uri)}" instead, and register exactly that URI in your app at ` +
      `https://developer.spotify.com/dashboard.`,
  );
}

/**
 * Where to listen for the callback. `localhost` maps to 127.0.0.1 (the literal is what binds
 * reliably); port 0 means "none given: pick a free one". Throws CONFIG_INVALID for URIs that
 * `loadConfig` would have refused.
 */
export function parseRedirectUri(uri: string): { host: string; port: number; path: string; explicitPort: boolean } {
  const problem = redirectUriProblem(uri);
  const parts = split(uri);
  if (problem || !parts) throw invalid({ key: 'redirectUri' }, problem ?? 'is not a URL');
  return {
    host: LOOPBACK.get(parts.host) ?? '127.0.0.1',
    port: parts.port === '' ? 0 : Number(parts.port),
    path: new URL(uri).pathname,
    explicitPort: parts.port !== '',
  };
}

/** The same URI with another port, leaving the rest exactly as written; port 0 removes it. */
export function withPort(redirectUri: string, port: number): string {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`invalid port ${port}`);
  const parts = split(redirectUri);
  if (!parts) throw new TypeError(`not a URL: ${redirectUri}`);
  return rebuild(redirectUri, parts, parts.host, port === 0 ? '' : String(port));
}
