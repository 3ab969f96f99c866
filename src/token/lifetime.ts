import type { Account } from './account.js';
import type { Saved } from './saved.js';
import { fingerprint } from './record.js';

/** Spotify, since 20 July 2026: refresh tokens live 6 months from the user's consent; refreshing does not extend them. */
export const REFRESH_TOKEN_LIFETIME_MONTHS = 6;
/** Below this many days the launch screen and `status` warn: time to authorize again. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

/** Calendar months in UTC; 31 August + 6 months is the last day of February, not 3 March. */
export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

/** What is known about the saved authorization, without asking Spotify: for the launch screen and `status`. */
export interface SavedAuthorization {
  tokenFile: string;
  recordFile: string;
  tokenSaved: boolean;
  /** The token file exists but cannot be used (unreadable, a symbolic link). */
  tokenProblem?: string;
  account?: Account;
  /** The app the record says the token belongs to. */
  clientId?: string;
  /** The record names another app than the configured one: that token will not work for this one. */
  otherClient: boolean;
  /** Undefined when unknown: no record, or Spotify's answer listed none ("" or absent). */
  grantedScopes?: string[];
  /** Configured scopes the authorization does not include (empty when the grant is unknown). */
  missingScopes: string[];
  authorizedAt?: number;
  /** When authorizedAt is unknown: the consent happened at or before this (the token file's age). */
  authorizedBy?: number;
  /** When the refresh token stops working: authorizedAt + 6 months. */
  expiresAt?: number;
  /** The consent time is unknown (no record): expiresAt is then the latest it can be. */
  expiresAtIsUpperBound: boolean;
  daysLeft?: number;
  expiringSoon: boolean;
  expired: boolean;
  accessTokenExpiresAt?: number;
  /** Why the record was not used, or why it may be out of date. */
  recordProblem?: string;
}

export interface Expectations {
  clientId: string;
  scopes: readonly string[];
  now: number;
}

/** Pure: the two files as read, judged against the configuration and the clock. */
export function summarize(saved: Saved, { clientId, scopes, now }: Expectations): SavedAuthorization {
  const tokenSaved = saved.token !== undefined;
  const record = tokenSaved ? saved.record : undefined;
  let recordProblem = saved.recordProblem && `${saved.recordProblem}; it is rebuilt on the next refresh`;
  if (record && saved.token !== undefined && record.refreshTokenSha256 !== fingerprint(saved.token)) {
    recordProblem = `the token file changed after ${saved.recordFile} was written; its details are updated on the next refresh`;
  }
  const since = record ? (record.authorizedAt ?? record.knownSince) : saved.tokenMtimeMs;
  const expiresAt = tokenSaved && since !== undefined ? addMonths(since, REFRESH_TOKEN_LIFETIME_MONTHS) : undefined;
  const left = expiresAt === undefined ? undefined : expiresAt - now;
  // Spotify has answered scope "" and no scope at all: that says nothing about the grant.
  const granted = record?.scopes.length ? record.scopes : undefined;
  return {
    tokenFile: saved.tokenFile,
    recordFile: saved.recordFile,
    tokenSaved,
    account: record?.account,
    clientId: record?.clientId,
    otherClient: record !== undefined && record.clientId !== clientId,
    grantedScopes: granted,
    missingScopes: granted ? scopes.filter((scope) => !granted.includes(scope)) : [],
    authorizedAt: record?.authorizedAt,
    authorizedBy: record?.authorizedAt === undefined ? since : undefined,
    expiresAt,
    expiresAtIsUpperBound: expiresAt !== undefined && record?.authorizedAt === undefined,
    daysLeft: left === undefined ? undefined : Math.max(0, Math.floor(left / DAY_MS)),
    expiringSoon: left !== undefined && left > 0 && left < EXPIRY_WARNING_DAYS * DAY_MS,
    expired: left !== undefined && left <= 0,
    accessTokenExpiresAt: record?.accessTokenExpiresAt,
    ...(recordProblem ? { recordProblem } : {}),
  };
}
