// Turns a terminal screen, as `tmux capture-pane -p -e` prints it (text with SGR colour codes),
// into a self-contained SVG that looks like a terminal window. No dependencies: the README's
// pictures of the TUI are rendered from the real program, not drawn by hand.
//
// Every cell is one column wide (the TUI uses no wide characters); each piece of equally styled
// text is placed at its column and fitted to exactly its width (textLength), so columns line up
// whatever monospace font the viewer has.

const FONT = 14;
const CELL_W = 8.4;
const CELL_H = 19;
const PAD = 16;
const BAR = 30;

/** A calm dark palette: the 16 ANSI colours, then the default foreground and background. */
const PALETTE = [
  '#2b3038',
  '#f07178',
  '#a6d189',
  '#e5c07b',
  '#7aa2f7',
  '#c792ea',
  '#5fc9d6',
  '#d7dae0',
  '#5c6370',
  '#ff8b92',
  '#b9e39b',
  '#ffd58a',
  '#93b6ff',
  '#dba8f5',
  '#7fe0ea',
  '#ffffff',
];
const DEFAULT_FG = '#d7dae0';
const DEFAULT_BG = '#16181d';

function xterm256(n) {
  if (n < 16) return PALETTE[n];
  if (n >= 232) {
    const level = 8 + (n - 232) * 10;
    return rgb(level, level, level);
  }
  const index = n - 16;
  const steps = [0, 95, 135, 175, 215, 255];
  return rgb(steps[Math.floor(index / 36)], steps[Math.floor(index / 6) % 6], steps[index % 6]);
}

const rgb = (r, g, b) => `#${[r, g, b].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;

const plain = () => ({
  fg: undefined,
  bg: undefined,
  bold: false,
  dim: false,
  italic: false,
  underline: false,
  inverse: false,
});

/** Applies one SGR sequence's parameters to the style, in place. */
function applySgr(style, params) {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((part) => Number(part || 0));
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) Object.assign(style, plain());
    else if (code === 1) style.bold = true;
    else if (code === 2) style.dim = true;
    else if (code === 3) style.italic = true;
    else if (code === 4) style.underline = true;
    else if (code === 7) style.inverse = true;
    else if (code === 22) style.bold = style.dim = false;
    else if (code === 23) style.italic = false;
    else if (code === 24) style.underline = false;
    else if (code === 27) style.inverse = false;
    else if (code >= 30 && code <= 37) style.fg = PALETTE[code - 30];
    else if (code >= 90 && code <= 97) style.fg = PALETTE[code - 90 + 8];
    else if (code === 39) style.fg = undefined;
    else if (code >= 40 && code <= 47) style.bg = PALETTE[code - 40];
    else if (code >= 100 && code <= 107) style.bg = PALETTE[code - 100 + 8];
    else if (code === 49) style.bg = undefined;
    else if (code === 38 || code === 48) {
      const key = code === 38 ? 'fg' : 'bg';
      if (codes[i + 1] === 5) {
        style[key] = xterm256(codes[i + 2] ?? 0);
        i += 2;
      } else if (codes[i + 1] === 2) {
        style[key] = rgb(codes[i + 2] ?? 0, codes[i + 3] ?? 0, codes[i + 4] ?? 0);
        i += 4;
      }
    }
  }
}

/** A CSI sequence (final byte, parameters), an OSC string, any other escape, or plain text. */
const TOKENS = /\u001b\[([0-9;:?]*)([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b.?|([^\u001b]+)/gu;

/** Each line as runs of {column, text, style}; the style carries over from line to line. */
export function parseScreen(screen) {
  const style = plain();
  const rows = [];
  for (const line of screen.replace(/\r/g, '').split('\n')) {
    const runs = [];
    let column = 0;
    let current;
    const put = (char) => {
      if (!current || current.key !== JSON.stringify(style)) {
        current = { column, text: '', style: { ...style }, key: JSON.stringify(style) };
        runs.push(current);
      }
      current.text += char;
      column += 1;
    };
    for (const token of line.matchAll(TOKENS)) {
      if (token[2] === 'm') applySgr(style, token[1] ?? '');
      else if (token[3] !== undefined) {
        for (const char of token[3]) if (char >= ' ' && char !== '\u007f') put(char);
      }
      // Other sequences (cursor moves, OSC hyperlinks and titles) draw nothing.
    }
    rows.push(runs);
  }
  while (rows.length > 0 && rows.at(-1).every((run) => run.text.trim() === '' && !run.style.bg && !run.style.inverse))
    rows.pop();
  return rows;
}

const escapeXml = (text) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]);

/**
 * The SVG document. `columns` is the terminal's width; `title` names the window and the image
 * (for screen readers: the SVG has role="img" and a <title>).
 */
export function screenToSvg(screen, { columns, title }) {
  const rows = parseScreen(screen);
  const width = Math.round(PAD * 2 + columns * CELL_W);
  const height = Math.round(BAR + PAD + rows.length * CELL_H + PAD);
  const shapes = [];
  const texts = [];
  rows.forEach((runs, row) => {
    const top = BAR + PAD / 2 + row * CELL_H;
    const baseline = top + CELL_H * 0.75;
    for (const run of runs) {
      const { style } = run;
      const fg = style.inverse ? (style.bg ?? DEFAULT_BG) : (style.fg ?? DEFAULT_FG);
      const bg = style.inverse ? (style.fg ?? DEFAULT_FG) : style.bg;
      const x = PAD + run.column * CELL_W;
      const w = run.text.length * CELL_W;
      if (bg)
        shapes.push(`<rect x="${x.toFixed(1)}" y="${top}" width="${w.toFixed(1)}" height="${CELL_H}" fill="${bg}"/>`);
      const common = [];
      if (fg !== DEFAULT_FG) common.push(`fill="${fg}"`);
      if (style.bold) common.push('font-weight="700"');
      if (style.dim) common.push('fill-opacity="0.62"');
      if (style.italic) common.push('font-style="italic"');
      if (style.underline) common.push('text-decoration="underline"');
      // SVG viewers collapse runs of spaces (xml:space is not honoured everywhere): place each
      // piece without leading, trailing or double spaces at its own column instead.
      for (const piece of run.text.matchAll(/\S+(?: \S+)*/g)) {
        const px = PAD + (run.column + piece.index) * CELL_W;
        const pw = piece[0].length * CELL_W;
        const position = [
          `x="${px.toFixed(1)}"`,
          `y="${baseline.toFixed(1)}"`,
          `textLength="${pw.toFixed(1)}"`,
          'lengthAdjust="spacingAndGlyphs"',
        ];
        texts.push(`<text ${[...position, ...common].join(' ')}>${escapeXml(piece[0])}</text>`);
      }
    }
  });
  const dots = ['#ff5f57', '#febc2e', '#28c840'].map(
    (color, index) => `<circle cx="${PAD + 6 + index * 20}" cy="${BAR / 2 + 2}" r="6" fill="${color}"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title">
<title id="title">${escapeXml(title)}</title>
<rect width="${width}" height="${height}" rx="10" fill="${DEFAULT_BG}"/>
${dots.join('')}
<text x="${width / 2}" y="${BAR / 2 + 6}" text-anchor="middle" fill="${DEFAULT_FG}" fill-opacity="0.55" font-family="system-ui,-apple-system,'Segoe UI',sans-serif" font-size="12">${escapeXml(title)}</text>
<g font-family="ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono','Liberation Mono',monospace" font-size="${FONT}" fill="${DEFAULT_FG}">
${shapes.join('\n')}
${texts.join('\n')}
</g>
</svg>
`;
}
