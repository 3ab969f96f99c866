import { randomBytes } from 'node:crypto';
import type { FakeClient, FakeSpotifyOptions, FakeUser } from './fake-spotify-types.js';

/** Authorization codes (and consent pages left open) live 10 minutes, like Spotify's. */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** A consent page shown but not yet answered. */
export interface PendingRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge?: string;
  expiresAt: number;
}

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  expiresAt: number;
  used: boolean;
  /** What the exchange issued, revoked if the code is replayed (RFC 6749 §4.1.2). */
  issued?: { accessToken: string; refreshToken?: string };
}

export interface AccessTokenRecord {
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

export interface RefreshTokenRecord {
  clientId: string;
  scopes: string[];
  /** Issued through a PKCE grant: only the secret-less client may refresh it. */
  pkce: boolean;
  revoked: boolean;
  /** From the user's authorization; a rotated token inherits it, since refreshing does not extend it. */
  expiresAt: number;
}

/** Calendar months in UTC, as Spotify counts the 6 months (31 August + 6 months is end of February). */
function monthsLater(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

/** All state of the demo service, in memory. Times come from Date.now() so tests can fake it. */
export class FakeStore {
  readonly clients: ReadonlyMap<string, FakeClient>;
  readonly user: FakeUser;
  readonly pending = new Map<string, PendingRequest>();
  readonly codes = new Map<string, IssuedCode>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  private readonly random: (size: number) => Buffer;
  private readonly accessTokenSeconds: number;
  private readonly rotation: 'pkce' | 'always' | 'never';
  private readonly refreshLifetimeMs?: number;

  constructor(options: FakeSpotifyOptions) {
    this.clients = new Map(options.clients.map((client) => [client.clientId, client]));
    this.user = options.user ?? { displayName: 'Demo Listener', id: 'demo-listener' };
    this.random = options.random ?? ((size) => randomBytes(size));
    this.accessTokenSeconds = options.accessTokenSeconds ?? 3600;
    this.rotation = options.rotateRefreshTokens ?? 'never';
    this.refreshLifetimeMs = options.refreshTokenLifetimeMs;
  }

  /** Every value handed out (codes, tokens, request ids): what must never show in the tool's output. */
  readonly issued = new Set<string>();

  /** An opaque, URL-safe random value. */
  newId(bytes = 32): string {
    const id = this.random(bytes).toString('base64url');
    this.issued.add(id);
    return id;
  }

  issueAccessToken(clientId: string, scopes: string[]): { token: string; expiresIn: number } {
    const token = this.newId(48);
    const expiresIn = this.accessTokenSeconds;
    this.accessTokens.set(token, { clientId, scopes, expiresAt: Date.now() + expiresIn * 1000 });
    return { token, expiresIn };
  }

  /** `expiresAt` is passed on rotation; a new authorization starts the lifetime now. */
  issueRefreshToken(clientId: string, scopes: string[], pkce: boolean, expiresAt?: number): string {
    const token = this.newId(48);
    const now = Date.now();
    const end =
      expiresAt ?? (this.refreshLifetimeMs === undefined ? monthsLater(now, 6) : now + this.refreshLifetimeMs);
    this.refreshTokens.set(token, { clientId, scopes, pkce, revoked: false, expiresAt: end });
    return token;
  }

  shouldRotate(record: RefreshTokenRecord): boolean {
    return this.rotation === 'always' || (this.rotation === 'pkce' && record.pkce);
  }

  revokeRefreshToken(token: string): void {
    const record = this.refreshTokens.get(token);
    if (record) record.revoked = true;
  }
}
