import type { Key } from 'ink';

/** A key as the handlers read it: Ink's, or one made from a piece of a chunk. */
export type KeyPress = readonly [input: string, key: Key];

const ERASE = /[\u0008\u007f]/;

/**
 * Ink 6.8 parses a chunk of input as one key unless it holds an ESC: three DELs that arrive in one
 * read (key repeat, a fast typist, tmux's `send-keys BSpace BSpace BSpace`) come as one input of
 * "\x7f\x7f\x7f" with no key flag set, which every handler drops. Split such a chunk into its
 * keypresses: each DEL (what Ink calls delete) or BS (backspace) alone, the text between them as
 * typed text, in order. A chunk without one is passed on untouched (a paste with its Enter stays
 * one piece, as the handlers expect).
 */
export function splitKeys(input: string, key: Key): KeyPress[] {
  if (input.length < 2 || !ERASE.test(input)) return [[input, key]];
  const plain: Key = { ...key, return: false, backspace: false, delete: false, ctrl: false, meta: false };
  const presses: KeyPress[] = [];
  for (const piece of input.split(/([\u0008\u007f])/)) {
    if (piece === '') continue;
    if (piece === '\u007f') presses.push(['', { ...plain, delete: true }]);
    else if (piece === '\u0008') presses.push(['', { ...plain, backspace: true }]);
    else if (piece === '\r') presses.push(['', { ...plain, return: true }]);
    else presses.push([piece, plain]);
  }
  return presses;
}
