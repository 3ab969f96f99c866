import { styleText } from 'node:util';
import { hang } from './wrap.js';

/** How a plain report is shown: wrapped to a terminal's width, coloured on a terminal. */
export interface Presentation {
  /** Columns to wrap to; undefined when not a terminal (lines stay whole for pasting). */
  readonly width?: number;
  readonly colour?: boolean;
}

type Style = Parameters<typeof styleText>[0];

// The colours of the login screen: ✔ green, ⚠ yellow, ✖ red and bold.
const SIGNS: Record<string, Style> = { '✔': 'green', '⚠': 'yellow', '✖': ['red', 'bold'] };

/**
 * One line of a plain report (already sanitised) as shown: its lead (indent and sign, or a
 * label padded into a column like "  clientId       ") stays, and the rest wraps under itself.
 * A heading (no indent) is bold in colour.
 */
export function presentLine(line: string, { width, colour = false }: Presentation): string {
  // A label may be words ("Token file"); two spaces end it, as in a table's first column.
  const match = /^( *)(?:([✔✖⚠]) |(\S+(?: \S+)* {2,}))?/.exec(line)!;
  const [lead, indent = '', sign, label] = match;
  const rest = line.slice(lead.length);
  const paint = (style: Style | undefined, text: string) =>
    // validateStream off: whether to colour was decided above, for the stream this goes to.
    colour && style && text ? styleText(style, text, { validateStream: false }) : text;
  if (sign !== undefined) {
    const style = SIGNS[sign];
    const text = sign === '✔' ? rest : paint(style, rest);
    return hang(`${indent}${paint(style, sign)} `, text, width);
  }
  if (label === undefined && indent === '' && rest !== '') return hang('', paint('bold', rest), width);
  return hang(lead, rest, width);
}

export const present = (lines: readonly string[], how: Presentation): string =>
  lines.map((line) => presentLine(line, how)).join('\n');
