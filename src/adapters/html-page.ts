/**
 * The one HTML shell for every page a browser sees from this project: the callback listener's
 * pages and the demo Spotify's pages. Self-contained on purpose: no scripts, no external
 * resources, so the pages work offline, under a strict CSP, and never leak the code in the URL
 * through a referrer.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Markup that is already safe; only `html` makes one, so unescaped text cannot slip through. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[];

/** Template tag: interpolated strings are escaped, SafeHtml (and arrays of it) are kept as is. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    if (value instanceof SafeHtml) out += value.value;
    else if (Array.isArray(value)) out += value.map((part: SafeHtml) => part.value).join('');
    else out += escapeHtml(String(value));
    out += strings[index + 1] ?? '';
  });
  return new SafeHtml(out);
}

export type PageTone = 'neutral' | 'success' | 'warning' | 'error';

export interface PageOptions {
  /** The tab title; plain text. */
  title: string;
  /** Small line above the heading naming who answers, e.g. "pytify-auth"; plain text. */
  brand: string;
  /** The page's single h1; plain text. */
  heading: string;
  body: SafeHtml;
  tone?: PageTone;
}

// System fonts and colours only; tones set the accent. Contrast meets WCAG AA in both schemes.
const STYLE = `
:root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--text:#1b1d21;--muted:#555b66;--border:#d8dce2;--accent:#2f5fbf;--on-accent:#fff}
.tone-success{--accent:#1d7a44}.tone-warning{--accent:#9a5b00}.tone-error{--accent:#b3261e}
@media (prefers-color-scheme:dark){
:root{--bg:#121316;--card:#1c1e22;--text:#e8eaed;--muted:#a7adb8;--border:#33373e;--accent:#8ab4f8;--on-accent:#111}
.tone-success{--accent:#5dd08a}.tone-warning{--accent:#f2b155}.tone-error{--accent:#f28b82}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;padding:1rem;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:break-word}
main{max-width:34rem;margin:1.5rem auto;background:var(--card);border:1px solid var(--border);border-top:4px solid var(--accent);border-radius:8px;padding:1.25rem}
.brand{margin:0;font-size:.85rem;color:var(--muted);letter-spacing:.02em}
h1{margin:.25rem 0 .75rem;font-size:1.35rem;line-height:1.3}
p,ul{margin:.6rem 0}
ul{padding-left:1.25rem}
.muted{color:var(--muted);font-size:.9rem}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.next{border-left:3px solid var(--accent);padding-left:.75rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.25rem}
button{font:inherit;min-height:44px;padding:.5rem 1.25rem;border-radius:999px;border:1px solid var(--border);background:transparent;color:var(--text);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--on-accent);font-weight:600}
button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
`;

/** A complete HTML document. The CSP meta tag repeats the listener's header for saved copies. */
export function htmlPage(options: PageOptions): string {
  const tone = options.tone ?? 'neutral';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body class="tone-${tone}">
<main>
<p class="brand">${options.brand}</p>
<h1>${options.heading}</h1>
${options.body}
</main>
</body>
</html>
`.value;
}
