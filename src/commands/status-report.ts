import { maskClientId } from '../core/mask.js';
import { accountLabel, type Account } from '../token/account.js';
import { sanitize } from '../core/sanitize.js';
import { EXIT } from '../core/exit-codes.js';
import { describeDaysLeft, formatDateTime, formatDay } from '../token/describe-saved.js';
import type { AccessTokenError } from '../token/errors.js';
import { EXPIRY_WARNING_DAYS, type SavedAuthorization } from '../token/lifetime.js';

export type StatusState = 'ok' | 'not_authorized' | 'reauthorize' | 'temporary_failure' | 'config_error';

/** Everything `status` says, gathered first so the text and the JSON cannot disagree. */
export interface StatusReport {
  state: StatusState;
  /** The files as read after the check (so a refresh that rebuilt the record shows its result). */
  saved: SavedAuthorization;
  clientId: string;
  flow: 'pkce' | 'secret';
  configuredScopes: readonly string[];
  /** As GET /me answered just now; absent when the check did not get that far. */
  account?: Account;
  error?: Pick<AccessTokenError, 'code' | 'reason' | 'message'>;
  warnings: readonly string[];
  /** The command that authorizes again with the same paths. */
  login: string;
}

export function stateFor(error: AccessTokenError | undefined): StatusState {
  if (!error) return 'ok';
  if (error.reason === 'NO_TOKEN') return 'not_authorized';
  if (error.code === 'REAUTHORIZE_REQUIRED') return 'reauthorize';
  return error.code === 'TEMPORARY_FAILURE' ? 'temporary_failure' : 'config_error';
}

export function statusExitCode(state: StatusState): number {
  if (state === 'ok') return EXIT.OK;
  return state === 'not_authorized' || state === 'reauthorize' ? EXIT.NOT_AUTHORIZED : EXIT.USAGE;
}

const row = (label: string, value: string): string => `${label.padEnd(13)}${value}`;

function authorizedText(saved: SavedAuthorization): string {
  if (saved.authorizedAt !== undefined) return formatDateTime(saved.authorizedAt);
  if (saved.authorizedBy !== undefined)
    return `on or before ${formatDay(saved.authorizedBy)} (no record of the exact date)`;
  return 'unknown';
}

function expiresText(saved: SavedAuthorization): string {
  if (saved.expiresAt === undefined) return 'unknown';
  const bound = saved.expiresAtIsUpperBound;
  const day = `${bound ? 'by ' : ''}${formatDay(saved.expiresAt)}${bound ? ' at the latest' : ''}`;
  return saved.expired ? `${day} · expired` : `${day} · in ${describeDaysLeft(saved.daysLeft ?? 0, bound)}`;
}

/** An answer without scopes (absent or "") tells nothing: unknown, never "none granted". */
function scopesText(saved: SavedAuthorization): string {
  if (saved.grantedScopes) return saved.grantedScopes.join(', ');
  return saved.clientId === undefined
    ? 'unknown until the next successful refresh'
    : "unknown (Spotify's answer did not list them)";
}

function worksText(report: StatusReport): string {
  if (report.state === 'ok')
    return `yes · refreshed, and GET /me answered as ${sanitize(report.account?.id ?? '?', 100)}`;
  const verdict = report.state === 'temporary_failure' ? 'unknown' : 'no';
  return `${verdict} · ${sanitize(report.error?.message ?? '', 1000)}`;
}

/**
 * Plain text for a terminal or a log: one fact a line, then what to do. Each line passes the one
 * sanitiser as well: paths and the login command come from config files and flags.
 */
export function formatStatusText(report: StatusReport): string {
  return statusText(report)
    .split('\n')
    .map((line) => sanitize(line, 2000))
    .join('\n');
}

function statusText(report: StatusReport): string {
  const { saved } = report;
  if (saved.tokenProblem) return [`The token file cannot be used: ${saved.tokenProblem}.`, ''].join('\n');
  if (report.state === 'not_authorized' || !saved.tokenSaved) {
    return [`Not authorized: no refresh token in ${saved.tokenFile}.`, `To authorize: ${report.login}`, ''].join('\n');
  }
  const account = report.account ?? saved.account;
  const flow = report.flow === 'pkce' ? 'PKCE (no client secret)' : 'client secret';
  const lines = [
    row('Account', account ? accountLabel(account) : 'unknown until the next successful refresh'),
    row('App', `${maskClientId(report.clientId)} · ${flow}`),
    // Scopes come from Spotify's answer too.
    row('Scopes', sanitize(scopesText(saved), 1000)),
    row('Authorized', authorizedText(saved)),
    row('Expires', expiresText(saved)),
    row('Token file', sanitize(saved.tokenFile, 1000)),
    row('Works now', worksText(report)),
  ];
  const advice: string[] = [];
  if (saved.missingScopes.length > 0) {
    advice.push(
      `Configured but not granted: ${saved.missingScopes.join(', ')}. To add them, authorize again: ${report.login}`,
    );
  }
  if (saved.otherClient && saved.clientId) {
    advice.push(
      `The saved token was authorized for another app (${maskClientId(saved.clientId)}); authorize again for this one: ${report.login}`,
    );
  }
  if (report.state === 'reauthorize') {
    advice.push(
      `To authorize again: ${report.login}`,
      'The token file is kept until you do (or run pytify-auth logout).',
    );
  } else if (saved.expired || (saved.expiringSoon && report.state === 'ok')) {
    advice.push(
      `Fewer than ${EXPIRY_WARNING_DAYS} days left: authorize again before the player stops working: ${report.login}`,
    );
  }
  if (report.state === 'temporary_failure') advice.push('Nothing was changed; try again later.');
  const notes = [...new Set([...report.warnings, ...(saved.recordProblem ? [saved.recordProblem] : [])])].map(
    (note) => `Note: ${sanitize(note, 1000)}.`,
  );
  const tail = [...advice, ...notes];
  return [...lines, ...(tail.length > 0 ? ['', ...tail] : []), ''].join('\n');
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** One object, snake_case like Spotify's; never a token. Field list documented in the README. */
export function statusJson(report: StatusReport): Record<string, unknown> {
  const { saved } = report;
  const account = report.account ?? saved.account;
  return {
    state: report.state,
    // null only when Spotify could not be asked; a configuration Spotify refuses does not work.
    works: report.state === 'ok' ? true : report.state === 'temporary_failure' ? null : false,
    account: account ? { display_name: account.displayName, id: account.id } : null,
    client_id: report.clientId,
    flow: report.flow,
    scope: saved.grantedScopes ? saved.grantedScopes.join(' ') : null,
    configured_scopes: [...report.configuredScopes],
    missing_scopes: saved.missingScopes,
    authorized_at: iso(saved.authorizedAt),
    authorized_by: iso(saved.authorizedBy),
    refresh_token_expires_at: iso(saved.expiresAt),
    expiry_is_upper_bound: saved.expiresAtIsUpperBound,
    days_left: saved.daysLeft ?? null,
    expiring_soon: saved.expiringSoon,
    expired: saved.expired,
    access_token_expires_at: iso(saved.accessTokenExpiresAt),
    token_file: saved.tokenFile,
    record_file: saved.recordFile,
    error: report.error
      ? { code: report.error.code, reason: report.error.reason, message: report.error.message }
      : null,
    notes: [...new Set([...report.warnings, ...(saved.recordProblem ? [saved.recordProblem] : [])])],
  };
}
