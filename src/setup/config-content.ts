import { BOOK_KEYS } from '../config/endpoints.js';
import { canonicalKey } from '../config/keys.js';

export interface SetupAnswers {
  readonly clientId: string;
  /** '' = no secret: the PKCE flow, and nothing secret in the file. */
  readonly clientSecret: string;
}

/** Every spelling of a key the setup sets (`client_id` too), so the file never holds two. */
const isSetBySetup = (key: string): boolean => {
  const canonical = canonicalKey(key);
  return canonical === 'clientId' || canonical === 'clientSecret';
};

/**
 * The settings to save: the client id (and the secret, if one was given), then every other key
 * the file already had, untouched. Nothing else: defaults stay out of the file, so they can
 * change with pytify-auth instead of being frozen in every config.
 */
export function buildConfigData(
  base: Readonly<Record<string, unknown>>,
  answers: SetupAnswers,
): Record<string, unknown> {
  const kept = Object.entries(base).filter(([key]) => !isSetBySetup(key));
  // The book's pytify/config.yaml is read by the book's player too, which knows only its own names.
  const book = BOOK_KEYS.some((key) => Object.hasOwn(base, key));
  return {
    [book ? 'client_id' : 'clientId']: answers.clientId,
    ...(answers.clientSecret === '' ? {} : { [book ? 'client_secret' : 'clientSecret']: answers.clientSecret }),
    ...Object.fromEntries(kept),
  };
}

/** The keys of `base` that the save leaves as they are, for the confirmation screen. */
export function keptKeys(base: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(base).filter((key) => !isSetBySetup(key));
}

/**
 * JSON, whatever the file's name: every place pytify-auth reads (.spotifyrc, .json, .yaml, .yml)
 * parses it, and no YAML writer is needed.
 */
export function configText(data: Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
