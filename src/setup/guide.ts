import {
  PKCE_NOTE,
  SETUP_LINE,
  dashboardSteps,
  plainSteps,
  registerUriFor,
  type GuideStep,
} from '../config/guidance.js';
import { loadHang } from '../core/present.js';
import { CREDENTIAL_LENGTH } from './credentials.js';

// SetupApp opens the dashboard; it takes the address from the setup, as the steps do.
export { DASHBOARD_URL } from '../config/guidance.js';

/**
 * The steps on Spotify's side for the redirect URI in use (what to register, not what is sent).
 * One list, from config/guidance.ts, so the setup screen, the text printed without a terminal and
 * the config error guides say the same thing.
 */
export function guideSteps(redirectUri: string): GuideStep[] {
  return dashboardSteps(registerUriFor(redirectUri));
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
export async function plainGuide(
  facts: GuideFacts,
  headline = 'pytify-auth: no Spotify client id is configured, and there is no terminal to ask.',
  width?: number,
): Promise<{ stderr: string; stdout: string }> {
  const save = [
    `Then save the text below as ${facts.fileLabel}, with your Client ID (${CREDENTIAL_LENGTH} characters,`,
    '0-9 and a-f) in place of the placeholder, readable by you only (chmod 600).',
  ];
  // Written for 80 columns; a narrower terminal (stderr's width) gets each paragraph wrapped to it.
  const wrapTo = width !== undefined && width < 80 ? width : undefined;
  const hang = await loadHang(wrapTo);
  const fit = (text: string): string => hang('', text, wrapTo);
  const lines = [
    fit(headline),
    '',
    'Set up your Spotify app:',
    ...plainSteps(guideSteps(facts.redirectUri), wrapTo),
    '',
    ...(wrapTo === undefined ? save : [fit(save.join(' '))]),
    fit(PKCE_NOTE),
    fit(SETUP_LINE),
    '',
  ];
  return { stderr: lines.join('\n'), stdout: facts.configText };
}
