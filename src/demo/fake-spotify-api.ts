import type { FakeStore } from './fake-spotify-store.js';
import type { JsonAnswer } from './fake-spotify-token.js';

/** The Web API's error shape differs from the accounts service's: `{error: {status, message}}`. */
const unauthorized = (message: string): JsonAnswer => ({ status: 401, json: { error: { status: 401, message } } });

/** GET /v1/me: only the fields that are not deprecated (see SPOTIFY.md). */
export function meAnswer(store: FakeStore, authorization: string | undefined): JsonAnswer {
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const record = bearer ? store.accessTokens.get(bearer[1] ?? '') : undefined;
  if (!record) return unauthorized('Invalid access token');
  if (record.expiresAt <= Date.now()) return unauthorized('The access token expired');
  const { displayName, id } = store.user;
  return {
    status: 200,
    json: { display_name: displayName, id, uri: `spotify:user:${id}`, type: 'user', images: [], account_id: id },
  };
}
