import { sanitize } from '../core/sanitize.js';

/** Who authorized: the profile that `GET /v1/me` returns, as far as this tool uses it. */
export interface Account {
  displayName: string;
  id: string;
}

/**
 * "Name (id)" for a screen, a message or a log: both come from Spotify (or our record of them), so
 * they pass the one sanitiser; a display name of 100 kB is cut, not wrapped for minutes.
 */
export const accountLabel = (account: Account): string =>
  `${sanitize(account.displayName, 100)} (${sanitize(account.id, 100)})`;
