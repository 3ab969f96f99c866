import { formatDay } from './describe-saved.js';
import { AccessTokenError } from './errors.js';
import { addMonths, REFRESH_TOKEN_LIFETIME_MONTHS } from './lifetime.js';
import { fingerprint } from './record.js';
import type { Saved } from './saved.js';

/**
 * When the record says the refresh token stopped working: 6 months after the user's consent
 * (refreshing never extends it). Only a record of this app and this very token counts, and only a
 * known consent time: a bound from the file's age decides nothing. Undefined while it still works.
 */
export function expiredOn(saved: Saved & { token: string }, clientId: string, now: number): number | undefined {
  const record = saved.record;
  if (record?.authorizedAt === undefined || record.clientId !== clientId) return undefined;
  if (record.refreshTokenSha256 !== fingerprint(saved.token)) return undefined;
  const expiresAt = addMonths(record.authorizedAt, REFRESH_TOKEN_LIFETIME_MONTHS);
  return now >= expiresAt ? expiresAt : undefined;
}

/** Spotify would answer invalid_grant: say why before asking, and hand out no cached token either. */
export function requireUnexpired(saved: Saved & { token: string }, clientId: string, now: number): void {
  const expiresAt = expiredOn(saved, clientId, now);
  if (expiresAt === undefined) return;
  throw new AccessTokenError(
    'REAUTHORIZE_REQUIRED',
    'REFRESH_TOKEN_EXPIRED',
    `the authorization expired on ${formatDay(expiresAt)}: Spotify's refresh tokens last ` +
      `${REFRESH_TOKEN_LIFETIME_MONTHS} months from authorization — run pytify-auth to authorize again`,
  );
}
