import type { LoginInfo } from './state.js';

/**
 * What Spotify's own page shows when the app's settings do not fit, and what to do: the terminal
 * never hears of it (the browser stays on Spotify's page), so the waiting screen says it up front.
 * The URI to register is the one guidance.ts derives from the redirect URI in use.
 */
export function waitingHint(info: Pick<LoginInfo, 'registerUri'>): string {
  return (
    `If Spotify's page says "INVALID_CLIENT: Invalid redirect URI", add ${info.registerUri} to your app's ` +
    'Redirect URIs in the dashboard; "INVALID_CLIENT: Invalid client": check clientId.'
  );
}
