import { ENV } from './keys.js';
import { loopbackForm } from './redirect-uri.js';

/**
 * The one source of what pytify-auth tells the user to do on Spotify's side and next: every
 * screen and message takes its words from here, fed the redirect URI actually in use, so that no
 * two of them can name different URIs (the default lives only in types.ts DEFAULTS).
 * Pure string functions that never throw: views call them too.
 */

export const DASHBOARD_URL = 'https://developer.spotify.com/dashboard';
export const DEMO_COMMAND = 'pytify-auth --demo';
export const SETUP_COMMAND = 'pytify-auth init';

/** scheme://host, then an optional :port, as written (IPv6 in brackets). */
const AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:\[[^\]]*\]|[^/:?#]*))(?::([^/?#]*))?/;

/**
 * The redirect URI with its port shown as `replacement` (removed when empty), for display only.
 * Done on the string, as config's `withPort` does: `URL` would rewrite what the user wrote, and
 * Spotify compares redirect URIs exactly. That one takes numbers only and throws; this must not.
 */
export function showWithPort(redirectUri: string, replacement: string): string {
  const port = replacement === '' ? '' : `:${replacement}`;
  return redirectUri.replace(AUTHORITY, `$1${port}`);
}

/** No port, or port 0: the run listens on any free port (as parseRedirectUri reads it). */
function takesFreePort(redirectUri: string): boolean {
  const match = AUTHORITY.exec(redirectUri);
  return match !== null && /^0*$/.test(match[2] ?? '');
}

/**
 * What to register in the dashboard for the redirect URI in use: the URI itself, or without a
 * port when the run takes any free port (Spotify accepts any port on a portless loopback URI);
 * localhost as 127.0.0.1, the only form Spotify accepts.
 */
export function registerUriFor(redirectUri: string): string {
  const uri = loopbackForm(redirectUri);
  return takesFreePort(uri) ? showWithPort(uri, '') : uri;
}

/** The note under the redirect URI on the login screens. */
export function registerNote(redirectUri: string, registerUri: string): string {
  if (registerUri === redirectUri) return 'register exactly this in the Spotify dashboard';
  const portless = showWithPort(registerUri, '') === registerUri && showWithPort(redirectUri, '') !== redirectUri;
  return `register ${registerUri}${portless ? ' (no port)' : ''} in the Spotify dashboard`;
}

/** A port that another program holds: what the user can do, one choice an item. */
export function portBusyChoices(redirectUri: string): string[] {
  const uri = loopbackForm(redirectUri);
  return [
    'stop the program that holds the port, then start pytify-auth again',
    `or run with --port <n> and register ${showWithPort(uri, '<n>')} in the Spotify dashboard`,
    `or register ${showWithPort(uri, '')} (no port) in the Spotify dashboard and run with --port 0 to take any free port`,
  ];
}

export const PORT_BUSY_LEAD = 'The callback from the browser cannot reach pytify-auth there. Either:';

/** The choices as one sentence, for a line of text (doctor). */
export function portBusySentence(redirectUri: string): string {
  return `${portBusyChoices(redirectUri).join(', ')}.`;
}

/** One step on Spotify's side. */
export interface GuideStep {
  readonly text: string;
  /** Shown alone on the next line, indented, so a mouse selection copies exactly this. */
  readonly copy?: string;
}

/** The steps in the dashboard, in the order it asks for them: the setup and every error guide. */
export function dashboardSteps(registerUri: string): GuideStep[] {
  return [
    { text: 'Open the Spotify developer dashboard and log in:', copy: DASHBOARD_URL },
    { text: 'Create an app. Under "Which API/SDKs are you planning to use?" tick "Web API".' },
    { text: 'Add this Redirect URI exactly as shown (Spotify compares it character by character):', copy: registerUri },
    {
      text:
        'Development Mode: the app owner needs Spotify Premium, and every account that will log in ' +
        'must be added under User Management (up to 5).',
    },
    { text: "Copy the Client ID from the app's Basic Information page." },
  ];
}

/** Where the Client ID goes: the config file in use (as the user sees its name), else a new .spotifyrc. */
export function clientIdPlace(file?: string): string {
  return file ? `${file} as "clientId"` : `.spotifyrc as {"clientId": "…"}`;
}

/** The short form, for the message of a missing client id (the library and JSON see only that). */
export function missingClientIdHint(registerUri: string, place: string): string[] {
  return [
    `Create an app at ${DASHBOARD_URL}, add the redirect URI ${registerUri} to it,`,
    `then put its Client ID in ${place}, or set ${ENV.clientId}.`,
  ];
}

export const PKCE_NOTE = 'No client secret: pytify-auth then uses PKCE (recommended), storing no secret.';
export const SETUP_LINE = `Or set ${ENV.clientId}, or run "${SETUP_COMMAND}" in a terminal.`;
export const DEMO_LINE = `Or try the whole flow first, against a local fake Spotify: ${DEMO_COMMAND}`;

/** After the steps of a missing client id: where it goes, then the next commands. */
export function afterStepsLines(place: string): string[] {
  return [`Then put the Client ID in ${place}.`, PKCE_NOTE, SETUP_LINE, DEMO_LINE];
}

/** Wraps at word boundaries for an 80-column terminal; `first` starts the first line, `indent` the others. */
function wrap(first: string, text: string, indent: string, width = 80): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.trim() !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line.endsWith(' ') || line === '' ? line + word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** The numbered steps as plain lines; a URL to copy sits alone on its own line. `width`: the terminal's. */
export function plainSteps(steps: readonly GuideStep[], width = 80): string[] {
  return steps.flatMap((step, index) => [
    ...wrap(`  ${index + 1}. `, step.text, '     ', width),
    ...(step.copy ? [`       ${step.copy}`] : []),
  ]);
}
