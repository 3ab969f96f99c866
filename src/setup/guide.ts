import { ENV } from '../config/keys.js';
import { CREDENTIAL_LENGTH } from './credentials.js';

export const DASHBOARD_URL = 'https://developer.spotify.com/dashboard';

/**
 * The steps on Spotify's side, in the order the dashboard asks for them. One list, so that the
 * setup screen and the text printed without a terminal say the same thing.
 */
export interface GuideStep {
  readonly text: string;
  /** Shown alone on the next line, indented, so a mouse selection copies exactly this. */
  readonly copy?: string;
}

export function guideSteps(redirectUri: string): GuideStep[] {
  return [
    { text: 'Open the Spotify developer dashboard and log in:', copy: DASHBOARD_URL },
    { text: 'Create an app. Under "Which API/SDKs are you planning to use?" tick "Web API".' },
    { text: 'Add this Redirect URI exactly as shown (Spotify compares it character by character):', copy: redirectUri },
    {
      text:
        'Development Mode: the app owner needs Spotify Premium, and every account that will log in ' +
        'must be added under User Management (up to 5).',
    },
    { text: "Copy the Client ID from the app's Basic Information page." },
  ];
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

/** The plan's facts the plain-text guide needs (see prepare.ts). */
export interface GuideFacts {
  readonly redirectUri: string;
  readonly fileLabel: string;
  /** The exact file content, with the client id still to fill in. */
  readonly configText: string;
}

export const CLIENT_ID_PLACEHOLDER = `<the ${CREDENTIAL_LENGTH}-character Client ID>`;
export const SECRET_PLACEHOLDER = '<your client secret, or remove this line to use PKCE>';

/**
 * Without a terminal nothing can be asked: the guide goes to stderr and the exact file content to
 * stdout, so `pytify-auth init </dev/null > template.json` gives just the template.
 */
export function plainGuide(
  facts: GuideFacts,
  headline = 'pytify-auth: no Spotify client id is configured, and there is no terminal to ask.',
): { stderr: string; stdout: string } {
  const steps = guideSteps(facts.redirectUri).flatMap((step, index) => [
    ...wrap(`  ${index + 1}. `, step.text, '     '),
    ...(step.copy ? [`       ${step.copy}`] : []),
  ]);
  const lines = [
    headline,
    '',
    'Set up your Spotify app:',
    ...steps,
    '',
    `Then save the text below as ${facts.fileLabel}, with your Client ID (${CREDENTIAL_LENGTH} characters,`,
    '0-9 and a-f) in place of the placeholder, readable by you only (chmod 600).',
    'No client secret: pytify-auth then uses PKCE (recommended), storing no secret.',
    `Or set ${ENV.clientId}, or run "pytify-auth init" in a terminal.`,
    '',
  ];
  return { stderr: lines.join('\n'), stdout: facts.configText };
}
