import { Transform } from 'ink';
import type { ReactNode } from 'react';

// Ink wraps text with wrap-ansi's `trim: false`, which puts the space at a break at the start of
// the next line when the line before is exactly full ("…Ctrl-U" then " clears, Esc to quit").
// Ink's Transform sees each line after wrapping; in a paragraph without line breaks of its own,
// a continuation line can only start with a space because of that, so the space goes.
const WRAP_SPACE = /^((?:\u001B\[[\d;]*m)*) /;

const dropWrapSpace = (line: string, index: number): string => (index === 0 ? line : line.replace(WRAP_SPACE, '$1'));

/** One paragraph (no "\n" in it) that wraps as prose: continuation lines start at column 1. */
export function Prose({ children }: { readonly children: ReactNode }) {
  return <Transform transform={dropWrapSpace}>{children}</Transform>;
}
