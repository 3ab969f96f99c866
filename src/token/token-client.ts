import type { Account } from './account.js';
import { PytifyError, TokenError } from '../core/errors.js';
import { silentLog, type DebugLog } from '../core/debug-log.js';
import { describeHttpFailure, type HttpAnswer } from './token-errors.js';

/** A token answer from the accounts service, in our words. */
export interface TokenGrant {
  accessToken: string;
  tokenType: string;
  scopes: string[];
  expiresInSeconds: number;
  /** Absent when Spotify keeps the current refresh token (it does not always send one). */
  refreshToken?: string;
}

export interface TokenClient {
  exchangeCode(request: { code: string; redirectUri: string; codeVerifier?: string }): Promise<TokenGrant>;
  refresh(refreshToken: string): Promise<TokenGrant>;
  fetchProfile(accessToken: string): Promise<Account>;
}

export interface TokenClientOptions {
  tokenUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret?: string;
  timeoutMs?: number;
  log?: DebugLog;
}

/** One HTTP round trip; `got` is loaded on first use so commands that never call it stay light. */
async function send(
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; form?: Record<string, string> },
  timeoutMs: number,
  log: DebugLog = silentLog,
): Promise<HttpAnswer> {
  const { got, RequestError } = await import('got');
  const started = Date.now();
  log('http request', { method: init.method, url, fields: Object.keys(init.form ?? {}).join(',') });
  try {
    const response = await got(url, {
      method: init.method,
      headers: init.headers,
      form: init.form,
      throwHttpErrors: false,
      retry: { limit: 0 },
      timeout: { request: timeoutMs },
      followRedirect: false,
    });
    log('http response', { method: init.method, url, status: response.statusCode, ms: Date.now() - started });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  } catch (error) {
    const reason = error instanceof RequestError ? (error.code ?? error.name) : 'request failed';
    log('http failure', { method: init.method, url, reason, ms: Date.now() - started });
    throw new TokenError('NETWORK_ERROR', `Could not reach ${new URL(url).host} (${reason})`, { cause: error });
  }
}

function parseGrant(answer: HttpAnswer): TokenGrant {
  const data = JSON.parse(answer.body) as Record<string, unknown>;
  if (typeof data.access_token !== 'string' || data.access_token === '') {
    throw new TokenError('TOKEN_ENDPOINT_ERROR', 'The token endpoint answered without an access token', {
      status: answer.status,
    });
  }
  return {
    accessToken: data.access_token,
    tokenType: typeof data.token_type === 'string' ? data.token_type : 'Bearer',
    scopes: typeof data.scope === 'string' ? data.scope.split(' ').filter(Boolean) : [],
    expiresInSeconds: typeof data.expires_in === 'number' ? data.expires_in : 3600,
    refreshToken: typeof data.refresh_token === 'string' && data.refresh_token !== '' ? data.refresh_token : undefined,
  };
}

export function createTokenClient(options: TokenClientOptions): TokenClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pkce = !options.clientSecret;

  async function tokenRequest(form: Record<string, string>): Promise<TokenGrant> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (pkce) form = { ...form, client_id: options.clientId };
    else {
      const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
      headers.authorization = `Basic ${basic}`;
    }
    const answer = await send(options.tokenUrl, { method: 'POST', headers, form }, timeoutMs, options.log);
    if (answer.status !== 200) throw describeHttpFailure('token', answer);
    try {
      return parseGrant(answer);
    } catch (error) {
      if (error instanceof PytifyError) throw error;
      throw describeHttpFailure('token', answer);
    }
  }

  return {
    async exchangeCode({ code, redirectUri, codeVerifier }) {
      const form: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
      if (codeVerifier) form.code_verifier = codeVerifier;
      const grant = await tokenRequest(form);
      if (!grant.refreshToken) {
        throw new TokenError(
          'TOKEN_ENDPOINT_ERROR',
          'Spotify answered without a refresh token; nothing could be saved',
        );
      }
      return grant;
    },
    refresh(refreshToken) {
      return tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
    },
    async fetchProfile(accessToken) {
      const url = `${options.apiUrl.replace(/\/+$/, '')}/me`;
      const answer = await send(
        url,
        { method: 'GET', headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` } },
        timeoutMs,
        options.log,
      );
      if (answer.status !== 200) throw describeHttpFailure('profile', answer);
      try {
        const data = JSON.parse(answer.body) as Record<string, unknown>;
        const id = typeof data.id === 'string' ? data.id : '';
        if (!id) throw new Error('no id');
        const displayName = typeof data.display_name === 'string' && data.display_name ? data.display_name : id;
        return { displayName, id };
      } catch {
        throw describeHttpFailure('profile', { ...answer, status: answer.status });
      }
    },
  };
}
