import { styleText } from 'node:util';

/** `text` after `lead`, wrapped to `width` (see wrap.ts), or the two joined when there is no width. */
export type Hang = (lead: string, text: string, width?: number) => string;

const unwrapped: Hang = (lead, text) => `${lead}${text}`;

/**
 * wrap.ts's hang() when there is a width to wrap to, else a join. wrap.ts is loaded only then:
 * string-width and wrap-ansi set up an Intl.Segmenter and a /\p{RGI_Emoji}/v expression as they
 * load, about 24 ms of a `status` or `doctor` whose output goes to a pipe and wraps nothing.
 */
export async function loadHang(width?: number): Promise<Hang> {
  if (width === undefined || !Number.isFinite(width)) return unwrapped;
  return (await import('./wrap.js')).hang;
}

/** Whether output to this stream is coloured: a terminal, and neither NO_COLOR nor --no-color. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, noColorFlag = false): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR === '0') return false;
  return stream.isTTY === true;
}

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
function presentLine(line: string, { width, colour = false }: Presentation, hang: Hang): string {
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

export async function present(lines: readonly string[], how: Presentation): Promise<string> {
  const hang = await loadHang(how.width);
  return lines.map((line) => presentLine(line, how, hang)).join('\n');
}
