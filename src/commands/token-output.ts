import { safeJson } from '../core/sanitize.js';
import type { AccessToken } from '../token/public-types.js';

/** What `pytify-auth token` prints on stdout: the bare token, or the JSON its --help documents. */
export function formatToken(token: AccessToken, json: boolean): string {
  const output = json
    ? safeJson({
        access_token: token.accessToken,
        token_type: token.tokenType,
        expires_at: new Date(token.expiresAt).toISOString(),
        scope: token.scope,
      })
    : token.accessToken;
  return `${output}\n`;
}
