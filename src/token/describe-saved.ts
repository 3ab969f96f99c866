import { maskClientId } from '../core/mask.js';
import type { SavedAuthorizationLine } from './token-store.js';
import { EXPIRY_WARNING_DAYS, type SavedAuthorization } from './lifetime.js';
import { sanitize } from '../core/sanitize.js';

/** Dates in UTC and ISO order: the same on every machine, unambiguous in every locale. */
export const formatDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const formatDateTime = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function describeDaysLeft(days: number, upperBound: boolean): string {
  const count = days === 0 ? 'less than a day' : days === 1 ? '1 day' : `${days} days`;
  return upperBound ? `at most ${count}` : count;
}

/** "expires in N days" / "expired on <date>", with "at the latest" when the consent time is unknown. */
function expiry(info: SavedAuthorization): string {
  if (info.expiresAt === undefined) return '';
  const bound = info.expiresAtIsUpperBound;
  if (info.expired) return `, expired ${bound ? 'by' : 'on'} ${formatDay(info.expiresAt)}`;
  return `, expires in ${describeDaysLeft(info.daysLeft ?? 0, bound)}`;
}

/**
 * What the launch screen says about an existing authorization, e.g.
 * "Authorized as Ada on 2026-01-15, expires in 181 days - Enter to authorize again".
 * Empty when nothing is saved: the screen then only offers to authorize.
 */
export function describeSavedAuthorization(info: SavedAuthorization): SavedAuthorizationLine[] {
  if (info.tokenProblem) return [{ tone: 'error', text: `${info.tokenProblem} - Enter to authorize again` }];
  if (!info.tokenSaved) return [];
  const who = info.account ? `Authorized as ${sanitize(info.account.displayName, 100)}` : 'A refresh token is saved';
  const when =
    info.authorizedAt !== undefined ? ` on ${formatDay(info.authorizedAt)}` : info.account ? ' (date unknown)' : '';
  const tone = info.expired ? 'error' : info.expiringSoon ? 'warning' : 'info';
  const lines: SavedAuthorizationLine[] = [{ tone, text: `${who}${when}${expiry(info)} - Enter to authorize again` }];
  if (info.expired) {
    lines.push({
      tone: 'error',
      text: 'Refresh tokens last 6 months from authorization: authorize again so the player keeps working.',
    });
  } else if (info.expiringSoon && info.expiresAt !== undefined) {
    lines.push({
      tone: 'warning',
      text: `Fewer than ${EXPIRY_WARNING_DAYS} days left: authorize again now, or the player stops working ${info.expiresAtIsUpperBound ? 'by' : 'on'} ${formatDay(info.expiresAt)}.`,
    });
  }
  if (info.otherClient && info.clientId) {
    lines.push({
      tone: 'warning',
      text: `The saved token belongs to another app (${maskClientId(info.clientId)}): authorize again for this one.`,
    });
  }
  if (info.missingScopes.length > 0) {
    lines.push({
      tone: 'warning',
      text: `Not granted yet: ${info.missingScopes.join(', ')}. Authorize again to add them.`,
    });
  }
  if (info.recordProblem) lines.push({ tone: 'info', text: `Note: ${info.recordProblem}.` });
  return lines;
}
