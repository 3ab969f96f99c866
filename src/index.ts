/**
 * The library a player imports: `import { getAccessToken } from 'pytify-auth'`. Only this surface
 * is public (and typed in dist/index.d.ts); everything else may change between versions.
 */
import { getAccessTokenWith } from './token/access-token.js';
import type { AccessToken, GetAccessTokenOptions } from './token/public-types.js';

export type { AccessToken, GetAccessTokenOptions } from './token/public-types.js';
export { AccessTokenError, isAccessTokenError } from './token/errors.js';
export type { AccessTokenErrorCode, AccessTokenReason } from './token/errors.js';

/**
 * A valid access token for the saved authorization, the same one `pytify-auth token` prints: the
 * cached token while it has more than `minValiditySeconds` (60) left, else a refreshed one (Spotify
 * sends no new refresh token since July 2026; should one come, it is saved first). Throws
 * AccessTokenError whose `code` says what to do: REAUTHORIZE_REQUIRED, TEMPORARY_FAILURE or
 * CONFIG_ERROR.
 */
export function getAccessToken(options: GetAccessTokenOptions = {}): Promise<AccessToken> {
  return getAccessTokenWith(options, {});
}
