import { createHash } from 'node:crypto';
import type { FakeStore } from './fake-spotify-store.js';
import type { ClientAuth, FakeClient } from './fake-spotify-types.js';

export interface JsonAnswer {
  status: number;
  json: unknown;
}

/** Who the token request says it is, before anything is checked. Secrets stay in here. */
export interface TokenCaller {
  auth: ClientAuth;
  clientId?: string;
  secret?: string;
}

const oauthError = (error: string, description: string): JsonAnswer => ({
  status: 400,
  json: { error, error_description: description },
});

/** RFC 7636 §4.1: 43–128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export function identifyCaller(authorization: string | undefined, form: URLSearchParams): TokenCaller {
  const basic = /^basic\s+(\S*)\s*$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { auth: 'basic' };
    return { auth: 'basic', clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  const clientId = form.get('client_id') ?? undefined;
  if (!clientId) return { auth: 'none' };
  const secret = form.get('client_secret');
  return secret !== null ? { auth: 'body-secret', clientId, secret } : { auth: 'pkce', clientId };
}

type Authenticated = { client: FakeClient; isPublic: boolean };

function authenticate(store: FakeStore, caller: TokenCaller, form: URLSearchParams): Authenticated | JsonAnswer {
  const client = store.clients.get(caller.clientId ?? '');
  if (!client) return oauthError('invalid_client', 'Invalid client');
  const bodyId = form.get('client_id');
  if (caller.auth === 'basic' && bodyId !== null && bodyId !== client.clientId)
    return oauthError('invalid_client', 'Invalid client');
  if (caller.auth === 'pkce') return { client, isPublic: true };
  if (!client.clientSecret || caller.secret !== client.clientSecret)
    return oauthError('invalid_client', 'Invalid client secret');
  return { client, isPublic: false };
}

function tokenResponse(
  store: FakeStore,
  clientId: string,
  scopes: string[],
  refreshToken: string | undefined,
): JsonAnswer & { accessToken: string } {
  const { token, expiresIn } = store.issueAccessToken(clientId, scopes);
  const json: Record<string, unknown> = {
    access_token: token,
    token_type: 'Bearer',
    scope: scopes.join(' '),
    expires_in: expiresIn,
  };
  if (refreshToken !== undefined) json.refresh_token = refreshToken;
  return { status: 200, json, accessToken: token };
}

function exchangeCode(
  store: FakeStore,
  { client, isPublic }: Authenticated,
  form: URLSearchParams,
  omitRefresh: boolean,
): JsonAnswer {
  const code = form.get('code') ?? '';
  const record = store.codes.get(code);
  if (!record || record.clientId !== client.clientId) return oauthError('invalid_grant', 'Invalid authorization code');
  if (record.used) {
    // A replayed code may mean it leaked: withdraw what it already bought.
    if (record.issued?.refreshToken) store.revokeRefreshToken(record.issued.refreshToken);
    if (record.issued) store.accessTokens.delete(record.issued.accessToken);
    return oauthError('invalid_grant', 'Invalid authorization code');
  }
  if (record.expiresAt <= Date.now()) {
    store.codes.delete(code);
    return oauthError('invalid_grant', 'Invalid authorization code');
  }
  if (form.get('redirect_uri') !== record.redirectUri) return oauthError('invalid_grant', 'Invalid redirect URI');
  const verifier = form.get('code_verifier');
  // A verifier is as secret as a code: tests check that no output of the tool ever shows it.
  if (verifier) store.issued.add(verifier);
  if (record.codeChallenge) {
    if (verifier === null) return oauthError('invalid_request', 'code_verifier required');
    const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (!VERIFIER.test(verifier) || challenge !== record.codeChallenge)
      return oauthError('invalid_grant', 'code_verifier was incorrect');
  } else if (verifier !== null) {
    return oauthError('invalid_grant', 'code_verifier was incorrect');
  } else if (isPublic) {
    return oauthError('invalid_client', 'Invalid client secret');
  }

  record.used = true;
  const refreshToken = omitRefresh
    ? undefined
    : store.issueRefreshToken(client.clientId, record.scopes, record.codeChallenge !== undefined);
  const answer = tokenResponse(store, client.clientId, record.scopes, refreshToken);
  record.issued = { accessToken: answer.accessToken, refreshToken };
  return { status: answer.status, json: answer.json };
}

function refresh(
  store: FakeStore,
  { client, isPublic }: Authenticated,
  form: URLSearchParams,
  omitRefresh: boolean,
): JsonAnswer {
  const token = form.get('refresh_token') ?? '';
  const record = store.refreshTokens.get(token);
  if (!record || record.clientId !== client.clientId) return oauthError('invalid_grant', 'Invalid refresh token');
  if (record.revoked) return oauthError('invalid_grant', 'Refresh token revoked');
  // Spotify's answer for a refresh token past its 6 months: the error alone, no description.
  if (record.expiresAt <= Date.now()) return { status: 400, json: { error: 'invalid_grant' } };
  // Only tokens from a PKCE grant may be refreshed without the secret.
  if (isPublic && !record.pkce) return oauthError('invalid_client', 'Invalid client secret');

  // Without a new token in the answer the client keeps the old one, so only rotate when sending one.
  let next: string | undefined;
  if (store.shouldRotate(record) && !omitRefresh) {
    record.revoked = true;
    next = store.issueRefreshToken(client.clientId, record.scopes, record.pkce, record.expiresAt);
  }
  const { status, json } = tokenResponse(store, client.clientId, record.scopes, next);
  return { status, json };
}

/** POST /api/token after faults and body parsing: Spotify's documented answers. */
export function handleToken(
  store: FakeStore,
  caller: TokenCaller,
  form: URLSearchParams,
  omitRefresh: boolean,
): JsonAnswer {
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError('unsupported_grant_type', 'grant_type parameter is missing');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return oauthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  }
  const authenticated = authenticate(store, caller, form);
  if ('status' in authenticated) return authenticated;
  return grantType === 'authorization_code'
    ? exchangeCode(store, authenticated, form, omitRefresh)
    : refresh(store, authenticated, form, omitRefresh);
}
