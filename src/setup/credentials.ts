/**
 * What Spotify's dashboard shows as an app's Client ID and Client secret: 32 lower-case
 * hexadecimal characters each. Checked as the user types, so a mistyped or half-pasted id is
 * caught here rather than as "INVALID_CLIENT" on Spotify's page in the browser.
 */
export const CREDENTIAL_LENGTH = 32;

export type CredentialCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** A sentence without its full stop; never quotes a secret. */
      readonly problem: string;
      /** Only too short so far: the user may still be typing, so it is a hint, not an error. */
      readonly incomplete: boolean;
    };

const OK: CredentialCheck = { ok: true };

function shape(value: string, noun: string, quote: boolean): CredentialCheck {
  const chars = [...value];
  const bad = chars.findIndex((char) => !/[0-9a-f]/.test(char));
  if (bad >= 0) {
    const char = chars[bad] ?? '';
    const which = quote ? `"${char}" (character ${bad + 1})` : `Character ${bad + 1}`;
    const problem = /[A-F]/.test(char)
      ? `${which} is a capital letter: Spotify writes the ${noun} in lower case`
      : `${which} is not allowed: only 0-9 and a-f`;
    return { ok: false, incomplete: false, problem };
  }
  if (chars.length < CREDENTIAL_LENGTH) {
    return { ok: false, incomplete: true, problem: `${chars.length} of ${CREDENTIAL_LENGTH} characters` };
  }
  if (chars.length > CREDENTIAL_LENGTH) {
    const extra = chars.length - CREDENTIAL_LENGTH;
    return {
      ok: false,
      incomplete: false,
      problem: `${chars.length} characters, ${extra} too many: a ${noun} has exactly ${CREDENTIAL_LENGTH}`,
    };
  }
  return OK;
}

export function checkClientId(value: string): CredentialCheck {
  return shape(value, 'Client ID', true);
}

/** Empty is fine: no secret means the PKCE flow. The secret's characters are never echoed. */
export function checkClientSecret(value: string, clientId: string): CredentialCheck {
  if (value === '') return OK;
  if (value === clientId) {
    return {
      ok: false,
      incomplete: false,
      problem: 'This is the Client ID again: the secret is under "View client secret"',
    };
  }
  return shape(value, 'client secret', false);
}

/** Keeps what a paste or a keypress adds to a credential: whitespace and control codes never belong. */
export function credentialText(input: string): string {
  return input.replace(/[\s\u0000-\u001F\u007F]/g, '');
}
