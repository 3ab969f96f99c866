/**
 * The one sanitiser for text from outside (Spotify's answers, the callback's query, config values,
 * our own files read back) before a screen, a message or a log shows it. A terminal obeys control
 * characters: an ESC in a display name can set the title, write the clipboard (OSC 52) or clear
 * the screen, and a bidirectional control can make text read backwards. Each such character is
 * replaced by a visible escape (`\x1b`, `\u202e`), so what was sent stays readable, and a long
 * value is cut with an ellipsis.
 */

/** C0 controls, DEL, C1 controls, and Unicode's bidirectional formatting characters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const DEFAULT_MAX_LENGTH = 200;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text safe to write to a terminal: no control or bidirectional characters, at most `maxLength` characters. */
export function sanitize(text: string, maxLength: number = DEFAULT_MAX_LENGTH): string {
  // Cut first (by code points, so no surrogate pair is split), then escape what is left: the
  // escapes make the text longer, but never hide where it was cut.
  const points = Array.from(text.length > maxLength * 2 + 2 ? text.slice(0, maxLength * 2 + 2) : text);
  const cut = points.length > maxLength ? `${points.slice(0, maxLength - 1).join('')}…` : points.join('');
  return cut.replace(UNSAFE, visible);
}

/**
 * JSON for stdout (`--json`): values stay whole, and the characters JSON.stringify leaves raw that
 * a terminal still obeys (DEL, C1 controls, bidirectional controls) are `\u`-escaped too.
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
