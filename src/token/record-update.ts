import { fingerprint, type TokenRecord } from './record.js';
import type { Saved } from './saved.js';
import type { TokenGrant } from './token-client.js';

/**
 * The record, when its access token may be handed out again: written for this very refresh token
 * (not one another tool put in the file since) and this app, with more than `minValidityMs` left.
 */
export function usableRecord(
  saved: Saved & { token: string },
  clientId: string,
  now: number,
  minValidityMs: number,
): TokenRecord | undefined {
  const record = saved.record;
  if (!record?.accessToken || record.accessTokenExpiresAt === undefined) return undefined;
  if (record.clientId !== clientId || record.refreshTokenSha256 !== fingerprint(saved.token)) return undefined;
  return record.accessTokenExpiresAt - now > minValidityMs ? record : undefined;
}

/**
 * The record after a refresh. The consent time survives rotations (refreshing does not extend the
 * 6 months); without a record of this app it is unknown, and the token file's age bounds it.
 */
export function recordAfterRefresh(
  saved: Saved & { token: string },
  clientId: string,
  grant: TokenGrant,
  refreshToken: string,
  now: number,
): TokenRecord {
  const previous = saved.record?.clientId === clientId ? saved.record : undefined;
  // Written for another refresh token (a crash mid-rotation, or another tool): its account may be stale.
  const sameToken = previous?.refreshTokenSha256 === fingerprint(saved.token);
  return {
    clientId,
    authorizedAt: previous?.authorizedAt,
    knownSince: previous?.knownSince ?? Math.floor(Math.min(saved.tokenMtimeMs ?? now, now)),
    scopes: grant.scopes.length > 0 ? grant.scopes : (previous?.scopes ?? []),
    account: sameToken ? previous?.account : undefined,
    accessToken: grant.accessToken,
    tokenType: grant.tokenType,
    accessTokenExpiresAt: now + grant.expiresInSeconds * 1000,
    refreshTokenSha256: fingerprint(refreshToken),
  };
}
