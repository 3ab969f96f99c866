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
  /** Who answers, shown above the heading, e.g. "pytify-auth"; plain text. */
  brand: string;
  /** A small label next to the brand, e.g. "Local demo"; plain text. */
  badge?: string;
  /** Show pytify-auth's mark before the brand (default); pages of other parties pass false. */
  mark?: boolean;
  /** Show the tone's status icon above the heading (default); a page that asks, not tells, passes false. */
  icon?: boolean;
  /** The page's single h1; plain text. */
  heading: string;
  body: SafeHtml;
  tone?: PageTone;
}

// System fonts and colours only; tones set the accent. Every text colour meets WCAG AA (4.5:1)
// on its background in both schemes; the real-browser tests measure it.
const STYLE = `
:root{color-scheme:light dark;--bg:#eef0f3;--card:#fff;--text:#1b1d21;--muted:#535966;--border:#d5d9e0;--soft:#f4f5f7;--accent:#2f5fbf;--on-accent:#fff}
.tone-success{--accent:#1d7a44}.tone-warning{--accent:#8f5300}.tone-error{--accent:#b3261e}
@media (prefers-color-scheme:dark){
:root{--bg:#111214;--card:#1c1e22;--text:#e8eaed;--muted:#a9afba;--border:#34383f;--soft:#25282d;--accent:#8ab4f8;--on-accent:#111}
.tone-success{--accent:#5dd08a}.tone-warning{--accent:#f2b155}.tone-error{--accent:#f28b82}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;padding:1rem;background:var(--bg);color:var(--text);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:break-word}
main{max-width:34rem;margin:max(1rem,8vh) auto 2rem;background:var(--card);border:1px solid var(--border);border-top:4px solid var(--accent);border-radius:10px;padding:1.25rem 1.5rem 1.5rem}
.brand{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .6rem;margin:0 0 1.25rem;font-size:.9rem;font-weight:600;color:var(--muted)}
.brand svg{flex:none}
.badge{font-size:.75rem;font-weight:600;letter-spacing:.03em;text-transform:uppercase;border:1px solid var(--border);border-radius:999px;padding:0 .55rem}
.status{display:block;margin-bottom:.5rem;color:var(--accent)}
h1{margin:0 0 .75rem;font-size:1.4rem;line-height:1.3}
p,ul,dl{margin:.75rem 0}
ul{padding-left:1.25rem}
li{margin:.35rem 0}
.muted{color:var(--muted);font-size:.9rem}
.muted code{color:var(--muted);font-size:.85rem}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.detail{background:var(--soft);border-radius:6px;padding:.6rem .8rem}
.next{border-left:3px solid var(--accent);padding:.1rem 0 .1rem .75rem;margin-top:1.25rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}
dt{color:var(--muted)}
dd{margin:0;min-width:0}
.scope{display:block}
.scope code{color:var(--muted);font-size:.8rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
button{font:inherit;min-height:44px;min-width:7rem;padding:.5rem 1.25rem;border-radius:999px;border:1px solid var(--border);background:transparent;color:var(--text);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--on-accent);font-weight:600}
button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.nowrap{white-space:nowrap}
@media (max-width:30rem){body{padding:.5rem}main{margin-top:.5rem;padding:1rem 1.1rem 1.25rem}}
`;

// Decorative inline SVG (no request, allowed by the CSP): hidden from assistive technology, since
// the heading says the same in words.
const MARK =
  '<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><rect width="20" height="20" rx="5" fill="currentColor" opacity=".14"/><path d="M5 13v-3M8.3 15V6M11.7 13V8M15 11v-1" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';
const SHAPES: Record<PageTone, string> = {
  success: '<path d="M10 16.5l4.2 4.2L22 12.5" fill="none"/>',
  warning: '<path d="M16 9.5v8M16 22.4v.1" fill="none"/>',
  error: '<path d="M11.5 11.5l9 9M20.5 11.5l-9 9" fill="none"/>',
  neutral: '<path d="M16 14.5v8M16 9.6v.1" fill="none"/>',
};
const statusIcon = (tone: PageTone) =>
  `<svg class="status" width="40" height="40" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><circle cx="16" cy="16" r="16" fill="currentColor" opacity=".14"/><g stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round">${SHAPES[tone]}</g></svg>`;

/** A complete HTML document. The CSP meta tag repeats the listener's header for saved copies. */
export function htmlPage(options: PageOptions): string {
  const tone = options.tone ?? 'neutral';
  const badge = options.badge ? html` <span class="badge">${options.badge}</span>` : html``;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body class="tone-${tone}">
<main>
<p class="brand">${new SafeHtml(options.mark === false ? '' : MARK)}<span>${options.brand}</span>${badge}</p>
${new SafeHtml(options.icon === false ? '' : statusIcon(tone))}
<h1>${options.heading}</h1>
${options.body}
</main>
</body>
</html>
`.value;
}
