import { fingerprint, type TokenRecord } from '../../src/token/record.js';
import type { Saved } from '../../src/token/saved.js';

/** A fixed "now" after Spotify's 2026 rules took effect; every snapshot is computed from it. */
export const NOW = Date.UTC(2026, 7, 1, 12, 0, 0); // 2026-08-01 12:00 UTC
export const CLIENT_ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';
export const SCOPES = ['user-read-private', 'user-modify-playback-state'];
export const REFRESH_TOKEN = 'AQ-fixture-refresh-token';
const day = 86_400_000;

export function recordOf(authorizedAt: number | undefined, extra: Partial<TokenRecord> = {}): TokenRecord {
  return {
    clientId: CLIENT_ID,
    authorizedAt,
    knownSince: authorizedAt ?? NOW - 30 * day,
    scopes: SCOPES,
    account: { displayName: 'Ada Listener', id: 'ada-1815' },
    accessToken: 'BQ-fixture-access-token',
    tokenType: 'Bearer',
    accessTokenExpiresAt: NOW + 40 * 60_000,
    refreshTokenSha256: fingerprint(REFRESH_TOKEN),
    ...extra,
  };
}

/** The two files as readSaved would return them. */
export function savedWith(record: TokenRecord | undefined, extra: Partial<Saved> = {}): Saved {
  return {
    tokenFile: '/home/ada/.pytify',
    recordFile: '/home/ada/.pytify.json',
    token: REFRESH_TOKEN,
    tokenMtimeMs: Date.UTC(2026, 5, 1, 9, 30),
    record,
    ...extra,
  };
}

/** The authorizations the snapshots show, by name. */
export const AUTHORIZATIONS = {
  existing: savedWith(recordOf(Date.UTC(2026, 6, 25, 18, 4))),
  expiring: savedWith(recordOf(Date.UTC(2026, 1, 10, 8, 0))),
  'expiring tomorrow': savedWith(recordOf(Date.UTC(2026, 1, 2, 9, 0))),
  expired: savedWith(recordOf(Date.UTC(2026, 0, 15, 12, 0))),
  'from the original tool (no record)': savedWith(undefined),
  'rebuilt record (consent time unknown)': savedWith(recordOf(undefined)),
  'missing scopes, another app': savedWith(
    recordOf(Date.UTC(2026, 6, 1), { scopes: ['user-read-private'], clientId: 'another-app-0000abcd' }),
  ),
  'corrupt record': savedWith(undefined, {
    recordProblem: 'the record /home/ada/.pytify.json could not be read (not valid JSON)',
  }),
  'changed by another tool': savedWith(recordOf(Date.UTC(2026, 6, 1)), { token: 'AQ-another-refresh-token' }),
  'nothing saved': savedWith(undefined, { token: undefined, tokenMtimeMs: undefined }),
} as const;
