import { consentPage, errorPage, type HtmlAnswer } from './fake-spotify-pages.js';
import { CODE_LIFETIME_MS, type FakeStore } from './fake-spotify-store.js';
import type { FakeClient } from './fake-spotify-types.js';

export type AuthorizeAnswer = HtmlAnswer | { status: 302; location: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);
/** A loopback URI with an explicit port: group 1 is the host, group 2 what follows the port. */
const LOOPBACK_WITH_PORT = /^http:\/\/(127\.0\.0\.1|\[::1\]):\d{1,5}([/?#].*)?$/;
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Since 2025 Spotify refuses localhost everywhere and plain HTTP except on loopback literals. */
function isInsecure(url: URL): boolean {
  return url.hostname === 'localhost' || (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname));
}

/**
 * Exact string match, as Spotify does; plus RFC 8252 §7.3: a loopback URI registered without a
 * port matches the same URI with any port.
 */
export function redirectUriRegistered(client: FakeClient, requested: string): boolean {
  if (client.redirectUris.includes(requested)) return true;
  const match = LOOPBACK_WITH_PORT.exec(requested);
  return match !== null && client.redirectUris.includes(`http://${match[1]}${match[2] ?? ''}`);
}

export function handleAuthorize(store: FakeStore, query: URLSearchParams): AuthorizeAnswer {
  const client = store.clients.get(query.get('client_id') ?? '');
  if (!client) return errorPage('INVALID_CLIENT: Invalid client');
  const redirectUri = query.get('redirect_uri') ?? '';
  const parsed = parseUrl(redirectUri);
  if (!parsed) return errorPage('INVALID_CLIENT: Invalid redirect URI');
  if (isInsecure(parsed)) return errorPage('INVALID_CLIENT: Insecure redirect URI');
  if (!redirectUriRegistered(client, redirectUri)) return errorPage('INVALID_CLIENT: Invalid redirect URI');
  if (query.get('response_type') !== 'code') return errorPage('UNSUPPORTED_RESPONSE_TYPE: response_type must be code');

  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method');
  if (challenge !== undefined || method !== null) {
    if (method !== 'S256') return errorPage('INVALID_REQUEST: code_challenge_method must be S256');
    if (!challenge || !S256_CHALLENGE.test(challenge)) return errorPage('INVALID_REQUEST: Invalid code_challenge');
  } else if (!client.clientSecret) {
    // A client without a secret has nothing else to prove the code is its own.
    return errorPage('INVALID_REQUEST: code_challenge required');
  }

  const scopes = [...new Set((query.get('scope') ?? '').split(' ').filter(Boolean))];
  const requestId = store.newId(16);
  store.pending.set(requestId, {
    clientId: client.clientId,
    redirectUri,
    scopes,
    state: query.get('state') ?? undefined,
    codeChallenge: challenge,
    expiresAt: Date.now() + CODE_LIFETIME_MS,
  });
  return consentPage({ client, user: store.user, scopes, redirectUri, requestId });
}

export function handleDecision(store: FakeStore, form: URLSearchParams): AuthorizeAnswer {
  const requestId = form.get('request') ?? '';
  const pending = store.pending.get(requestId);
  if (!pending || pending.expiresAt <= Date.now()) {
    store.pending.delete(requestId);
    return errorPage('This authorization request is unknown, expired or already answered. Start again from the app.');
  }
  const decision = form.get('decision');
  if (decision !== 'approve' && decision !== 'deny') return errorPage('decision must be approve or deny');
  store.pending.delete(requestId);

  const location = new URL(pending.redirectUri);
  if (decision === 'approve') {
    const code = store.newId(48);
    store.codes.set(code, {
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      scopes: pending.scopes,
      codeChallenge: pending.codeChallenge,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
      used: false,
    });
    location.searchParams.set('code', code);
  } else {
    location.searchParams.set('error', 'access_denied');
  }
  if (pending.state !== undefined) location.searchParams.set('state', pending.state);
  return { status: 302, location: location.toString() };
}
