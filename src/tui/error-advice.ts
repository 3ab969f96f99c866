import type { ErrorInfo, LoginInfo } from '../login/state.js';

export interface Advice {
  /** What went wrong, in the user's terms. */
  title: string;
  /** What to do about it. */
  next: string;
}

/** Picks the words for a failed attempt by its stable code, never by its message text. */
export function adviceFor(error: ErrorInfo, info: LoginInfo): Advice {
  switch (error.code) {
    case 'INVALID_CLIENT':
      return {
        title: "Spotify rejected the app's credentials.",
        next:
          info.flow === 'pkce'
            ? 'Check clientId in your config (.spotifyrc or SPOTIFY_CLIENT_ID): it must be the Client ID of your app in the Spotify dashboard.'
            : 'Check clientId and clientSecret in your config (.spotifyrc or SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET) against your app in the Spotify dashboard.',
      };
    case 'INVALID_GRANT':
      return {
        title: 'The authorization code was not accepted.',
        next:
          'Codes are single-use and expire quickly, so try again. If it keeps failing, the redirect URI ' +
          `registered in the Spotify dashboard must match ${info.registerUri} exactly.`,
      };
    case 'NETWORK_ERROR':
      return {
        title: 'Could not reach Spotify.',
        next: 'Check your internet connection (and proxy settings), then try again.',
      };
    case 'RATE_LIMITED':
      return {
        title: 'Spotify is limiting requests right now.',
        next: 'Wait a minute, then try again.',
      };
    case 'PROFILE_ERROR':
      // Decided by the status alone: Spotify's 403 words (plain text or JSON) keep changing.
      if (error.status === 404)
        return {
          title: 'The token works, but the API URL looks wrong: GET /me was not found.',
          next: 'Set apiUrl in your config to the Web API base, ending in /v1: https://api.spotify.com/v1.',
        };
      if (error.status !== 403)
        return {
          title: `The token works, but reading your Spotify profile (/me) failed${error.status ? ` with HTTP ${error.status}` : ''}.`,
          next: 'Try again; if it keeps failing, see the details above.',
        };
      return {
        title: 'The token works, but reading your Spotify profile (/me) failed.',
        next:
          'If the app is in Development Mode, your Spotify account must be allow-listed: add it under ' +
          "the app's User Management in the Spotify dashboard, then try again.",
      };
    case 'TOKEN_STORE_ERROR':
      return {
        title: 'Could not save the token file.',
        next: `Check that ${info.tokenFile} can be written (folder exists, permissions), or choose another path with --token-file.`,
      };
    case 'STATE_MISMATCH':
      return {
        title: 'The answer from the browser did not belong to this attempt.',
        next: 'Try again and use only the newest authorization URL.',
      };
    default:
      return {
        title: 'Authorization failed.',
        next: 'Try again; if it keeps failing, check the details above against your app in the Spotify dashboard.',
      };
  }
}
