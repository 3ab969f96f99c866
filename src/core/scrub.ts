import { escapeHtml } from './html-page.js';

/**
 * The one scrubber for text a server sends back (an error's description, a plain-text body, a
 * log line): a server may quote what it was sent, so every secret in play is replaced, in each
 * form a server might echo it in (URL-encoded, JSON-escaped, HTML-escaped, base64 of `id:secret`),
 * and so is a long enough piece of one: text is scrubbed before it is cut, but a server may cut it
 * first (`status` once showed 64 of a refresh token's 67 characters).
 */

export const REDACTED = '[redacted]';

/** Shorter values are not secrets worth hiding (and would blank ordinary words). */
const MIN_SECRET_LENGTH = 4;
/** A piece of a secret this long is as good as a leak: 12 characters of a random token. */
const PIECE = 12;

const lowerHex = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
const numericEntities = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`).replace(/&#38;/g, '&amp;');

/** Each way a secret may come back quoted. */
export function secretForms(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const json = JSON.stringify(secret).slice(1, -1);
  // As PHP (`\/`) and Python's json.dumps (`\u00fc`, ensure_ascii) write JSON strings.
  const jsonSlashes = json.replace(/\//g, '\\/');
  const jsonAscii = json.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const base64 = Buffer.from(secret).toString('base64');
  return [
    ...[secret, uri, lowerHex(uri), form, lowerHex(form), json, jsonSlashes, jsonAscii],
    ...[escapeHtml(secret), numericEntities(secret), base64],
  ];
}

/** HTTP Basic credentials as sent (`Basic base64(id:secret)`): the header value and its decoding. */
export function basicCredentialSecrets(clientId: string, clientSecret: string): string[] {
  const pair = `${clientId}:${clientSecret}`;
  return [clientSecret, Buffer.from(pair).toString('base64'), Buffer.from(pair).toString('base64url')];
}

/** Every PIECE-long run of each secret, to the secret it came from: one pass finds them all. */
function piecesOf(secrets: readonly string[]): Map<string, string> {
  const pieces = new Map<string, string>();
  for (const secret of secrets) {
    if (secret.length < PIECE + 4) continue;
    for (let i = 0; i + PIECE <= secret.length; i++) pieces.set(secret.slice(i, i + PIECE), secret);
  }
  return pieces;
}

/** Replaces runs of PIECE or more characters that also occur, in that order, inside a secret. */
function scrubPieces(text: string, pieces: Map<string, string>): string {
  if (pieces.size === 0 || text.length < PIECE) return text;
  let out = '';
  let kept = 0;
  let i = 0;
  while (i + PIECE <= text.length) {
    const secret = pieces.get(text.slice(i, i + PIECE));
    if (secret === undefined) {
      i++;
      continue;
    }
    let end = i + PIECE;
    while (end < text.length && secret.includes(text.slice(i, end + 1))) end++;
    out += `${text.slice(kept, i)}${REDACTED}`;
    kept = end;
    i = end;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** A scrubber for the secrets known at this point; an empty list leaves text as it is. */
export function createScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const known = [...new Set(secrets.filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH))];
  // Longest first, so a secret that contains another is replaced whole.
  const forms = [...new Set(known.flatMap(secretForms))]
    .filter((form) => form.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  const pieces = piecesOf(known);
  return (text) => {
    if (known.length === 0) return text;
    const whole = forms.reduce((acc, form) => (acc.includes(form) ? acc.split(form).join(REDACTED) : acc), text);
    return scrubPieces(whole, pieces);
  };
}

export const scrub = (text: string, secrets: readonly (string | undefined)[]): string => createScrubber(secrets)(text);
