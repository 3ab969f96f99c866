// Imported only through present.ts's loadHang(): these two libraries cost about 24 ms to load.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/**
 * `text` after `lead` (a sign, a bullet, an indent), wrapped to `width` columns, each following
 * line indented to start under the text rather than under the sign or at column 1. Words are not
 * broken, so a URL longer than the line stays whole and copyable. Colour codes do not count as
 * columns (wrap-ansi and string-width, which Ink wraps with too). No `width`: one line, as is.
 */
export function hang(lead: string, text: string, width?: number): string {
  if (width === undefined || !Number.isFinite(width)) return `${lead}${text}`;
  const indent = ' '.repeat(stringWidth(lead));
  const lines = wrapAnsi(text, Math.max(20, width - indent.length), { hard: false, trim: true }).split('\n');
  return lines.map((line, index) => `${index === 0 ? lead : indent}${line}`).join('\n');
}
