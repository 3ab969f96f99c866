import type { Account } from './account.js';
import { TokenError } from '../core/errors.js';
import { silentLog, type DebugLog } from '../core/debug-log.js';
import { DEFAULT_RETRY, NO_RETRY, type RetryPolicy } from './retry.js';
import type { NetworkOptions } from './proxy.js';
import { send } from './send.js';
import type { ConnectionPool } from './warm-up.js';
import { primeRequests } from './prime.js';

/** A token answer from the accounts service, in our words. */
export interface TokenGrant {
  accessToken: string;
  tokenType: string;
  expiresInSeconds: number;
  /** Empty when Spotify's answer did not list them (absent or ""): unknown, not "nothing granted". */
  scopes: string[];
  /** Absent when Spotify keeps the current refresh token (since July 2026 it never sends one on refresh). */
  refreshToken?: string;
}

export interface TokenClient {
  exchangeCode(request: { code: string; redirectUri: string; codeVerifier?: string }): Promise<TokenGrant>;
  refresh(refreshToken: string): Promise<TokenGrant>;
  /** `retry: false` sends one request: for an account that is only nice to know. */
  fetchProfile(accessToken: string, options?: { retry?: boolean }): Promise<Account>;
  /**
   * The user is in the browser: load got now rather than when the code arrives, and (if the client
   * was made with `warmUp`) keep connections to the token and API hosts open. Returns the stop.
   */
  prepare?(): () => void;
}

/** `env` (proxies) and `certificateAuthority` (TLS) say how requests leave; see proxy.ts. */
export interface TokenClientOptions extends NetworkOptions {
  tokenUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret?: string;
  /** Per attempt (got's `timeout.request`). */
  timeoutMs?: number;
  /** How got retries 429, 5xx and network failures; see retry.ts for the bound it gives. */
  retry?: RetryPolicy;
  log?: DebugLog;
  /**
   * Open connections to tokenUrl's and apiUrl's hosts while `prepare` runs (warm-up.ts). Off unless
   * asked: only the login command asks, so no test with Spotify's own URLs reaches the internet.
   */
  warmUp?: boolean | { intervalMs: number };
}

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Spotify says 3600. Clamped, not refused: refusing the grant of a refresh would lose a rotated
 * refresh token (the old one is spent by then). Absent or not a finite number: 3600, as before; below
 * 1 s: 1 s; beyond a year: a year (1e308 s made every later record write fail on an invalid date).
 */
export function lifetimeSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 3600;
  return Math.min(Math.max(value, 1), YEAR_SECONDS);
}

/** Visible ASCII: what every token Spotify issues is made of. */
const TOKEN_TEXT = /^[\x21-\x7e]+$/;

/** Throws on a body that is not a grant; the caller retries (a 200 nobody can read) or reports. */
function parseGrant(body: string): TokenGrant {
  const data = JSON.parse(body) as Record<string, unknown>;
  if (typeof data.access_token !== 'string' || data.access_token === '') {
    throw new TokenError('TOKEN_ENDPOINT_ERROR', 'The token endpoint answered without an access token', {
      status: 200,
    });
  }
  // Tokens go into a header and onto stdout as they are: one with a control character in it would
  // be refused by got, or obeyed by the terminal `pytify-auth token` prints to.
  const refresh = data.refresh_token;
  if (!TOKEN_TEXT.test(data.access_token) || (typeof refresh === 'string' && refresh && !TOKEN_TEXT.test(refresh))) {
    throw new TokenError('TOKEN_ENDPOINT_ERROR', 'The token endpoint answered a token with characters no token has', {
      status: 200,
    });
  }
  return {
    accessToken: data.access_token,
    tokenType: typeof data.token_type === 'string' ? data.token_type : 'Bearer',
    scopes: typeof data.scope === 'string' ? data.scope.split(' ').filter(Boolean) : [],
    expiresInSeconds: lifetimeSeconds(data.expires_in),
    refreshToken: typeof data.refresh_token === 'string' && data.refresh_token !== '' ? data.refresh_token : undefined,
  };
}

function parseAccount(body: string): Account {
  const data = JSON.parse(body) as Record<string, unknown>;
  const id = typeof data.id === 'string' ? data.id : '';
  if (!id) throw new Error('no id');
  const displayName = typeof data.display_name === 'string' && data.display_name ? data.display_name : id;
  return { displayName, id };
}

export function createTokenClient(options: TokenClientOptions): TokenClient {
  const policy = options.retry ?? DEFAULT_RETRY;
  const network = { env: options.env, certificateAuthority: options.certificateAuthority };
  const log = options.log ?? silentLog;
  let pool: ConnectionPool | undefined;
  // `agents` is set once the pool exists: requests read it when they are sent.
  const settings = {
    timeoutMs: options.timeoutMs ?? 10_000,
    log,
    network,
    agents: undefined as ConnectionPool['agents'] | undefined,
  };
  const { warmUp } = options;
  const pkce = !options.clientSecret;

  /** The retry policy is chosen per request: each call below names the one it sends with. */
  function tokenRequest(form: Record<string, string>, retry: RetryPolicy): Promise<TokenGrant> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (pkce) form = { ...form, client_id: options.clientId };
    else {
      const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
      headers.authorization = `Basic ${basic}`;
    }
    return send('token', options.tokenUrl, { method: 'POST', headers, form }, parseGrant, {
      ...settings,
      policy: retry,
    });
  }

  return {
    async exchangeCode({ code, redirectUri, codeVerifier }) {
      const form: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
      if (codeVerifier) form.code_verifier = codeVerifier;
      // Sent once: a code is single-use, so a second copy (after a 5xx, a reset, a timeout) can
      // only come back invalid_grant, hiding the real failure, and may revoke what the first one got.
      const grant = await tokenRequest(form, { ...policy, onlyIfUnsent: true });
      if (!grant.refreshToken) {
        throw new TokenError(
          'TOKEN_ENDPOINT_ERROR',
          'Spotify answered without a refresh token; nothing could be saved',
        );
      }
      return grant;
    },
    refresh(refreshToken) {
      return tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, policy);
    },
    fetchProfile(accessToken, { retry = true } = {}) {
      const url = `${options.apiUrl.replace(/\/+$/, '')}/me`;
      const headers = { accept: 'application/json', authorization: `Bearer ${accessToken}` };
      return send('profile', url, { method: 'GET', headers }, parseAccount, {
        ...settings,
        policy: retry ? policy : NO_RETRY,
      });
    },
    prepare() {
      // Loaded while the user reads the consent page: about 40 ms the callback no longer waits for.
      void import('got').catch(() => undefined);
      if (!warmUp) return () => undefined;
      let stop: (() => void) | undefined;
      let stopped = false;
      // Loaded here, not with the client: warm-up.ts brings node:https and node:tls, about 5 ms of
      // the launch screen's first frame.
      void import('./warm-up.js')
        .then(({ createConnectionPool }) => {
          pool ??= createConnectionPool(network, { log, intervalMs: warmUp === true ? undefined : warmUp.intervalMs });
          settings.agents = pool.agents;
          void primeRequests();
          if (!stopped) stop = pool.warm([options.tokenUrl, options.apiUrl]);
        })
        .catch(() => undefined);
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
