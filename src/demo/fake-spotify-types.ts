/** Public types of the demo Spotify; re-exported by fake-spotify.ts. */

export interface FakeClient {
  clientId: string;
  /** Absent: a public client, which must use PKCE. */
  clientSecret?: string;
  /** Compared exactly, except loopback URIs registered without a port (RFC 8252 §7.3). */
  redirectUris: string[];
  /** Shown on the consent page; defaults to the client id. */
  name?: string;
}

export interface FakeUser {
  displayName: string;
  id: string;
}

export type FakeFault =
  | { kind: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  | { kind: 'destroy' }
  | { kind: 'omit-refresh-token' };

export interface FakeSpotifyOptions {
  clients: FakeClient[];
  user?: FakeUser;
  host?: string;
  port?: number;
  accessTokenSeconds?: number;
  /**
   * 'never' (default): Spotify since 20 July 2026, refresh answers carry no refresh_token. 'pkce'
   * is Spotify before then (PKCE refresh tokens single-use); 'always' rotates every one.
   */
  rotateRefreshTokens?: 'pkce' | 'always' | 'never';
  /**
   * How long a refresh token works, counted from the user's authorization (refreshing does not
   * extend it). Default: 6 calendar months, as Spotify; tests shorten it.
   */
  refreshTokenLifetimeMs?: number;
  random?: (size: number) => Buffer;
}

export type ClientAuth = 'basic' | 'pkce' | 'body-secret' | 'none';

export interface TokenRequestRecord {
  grantType: string;
  /** 'pkce' means identified by client_id alone (a public client); 'none' means not identified. */
  clientAuth: ClientAuth;
  /** 0 when the socket was destroyed without an answer. */
  status: number;
}

export interface FakeSpotify {
  readonly origin: string;
  readonly authUrl: string;
  readonly tokenUrl: string;
  readonly apiUrl: string;
  /** Queue faults for the next requests to /api/token (one per request, in order). */
  failNextTokenRequests(...faults: FakeFault[]): void;
  /** Every /api/token request seen, without secrets. */
  readonly tokenRequests: ReadonlyArray<TokenRequestRecord>;
  /** Issue a refresh token directly (as if the user had authorized earlier), for refresh tests. */
  issueRefreshToken(clientId: string, scopes: string[]): string;
  /** Revoke a refresh token (subsequent use → invalid_grant 'Refresh token revoked'). */
  revokeRefreshToken(token: string): void;
  /** Every code and token this service issued, for tests that prove none leaks into output. */
  issuedSecrets(): string[];
  close(): Promise<void>;
}
