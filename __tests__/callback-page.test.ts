import { describe, expect, it } from '@jest/globals';
import { escapeHtml, renderCallbackPage, type CallbackPage } from '../src/listener/callback-page.js';
import { html, htmlPage } from '../src/core/html-page.js';

const EVIL = '<script>alert("x")</script>';

const cases: Array<[CallbackPage, number, RegExp]> = [
  [{ kind: 'success', account: { displayName: 'Ada', id: 'ada-1' } }, 200, /<title>Authorized · pytify-auth<\/title>/],
  [{ kind: 'declined' }, 200, /<title>Authorization declined · pytify-auth<\/title>/],
  [
    { kind: 'error', message: 'Spotify rejected the client credentials (invalid_client).' },
    500,
    /<title>Authorization failed · pytify-auth<\/title>/,
  ],
  [{ kind: 'invalid-state' }, 400, /<title>Link not recognised · pytify-auth<\/title>/],
  [{ kind: 'already-completed' }, 200, /<title>Already completed · pytify-auth<\/title>/],
  [{ kind: 'expired' }, 410, /<title>Authorization expired · pytify-auth<\/title>/],
  [{ kind: 'not-found' }, 404, /<title>Not found · pytify-auth<\/title>/],
  [{ kind: 'bad-host' }, 400, /<title>Wrong address · pytify-auth<\/title>/],
  [{ kind: 'method-not-allowed' }, 405, /<title>Method not allowed · pytify-auth<\/title>/],
];

describe('renderCallbackPage', () => {
  it.each(cases.map(([page, status, title]) => [page.kind, page, status, title] as const))(
    '%s page: its status, its title, a complete self-contained document',
    (_kind, page, status, title) => {
      const rendered = renderCallbackPage(page);
      expect(rendered.status).toBe(status);
      expect(rendered.html).toMatch(title);
      expect(rendered.html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(rendered.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(rendered.html).toMatch(/<h1>[^<]+<\/h1>/);
      expect(rendered.html.match(/<h1>/g)).toHaveLength(1);
      expect(rendered.html).toContain('@media (prefers-color-scheme:dark)');
      expect(rendered.html).toContain('pytify-auth');
      expect(rendered.html).not.toMatch(/<script/i);
      // No external resources: nothing loads from the network, so nothing can leak the URL.
      expect(rendered.html).not.toMatch(/(src|href|action)\s*=\s*["']?\s*(https?:)?\/\//i);
      expect(rendered.html).not.toMatch(/@import|url\(/i);
    },
  );

  it('names the account on success and tells the user what to do next', () => {
    const { html: page } = renderCallbackPage({
      kind: 'success',
      account: { displayName: 'Ada Lovelace', id: 'ada-1' },
    });
    expect(page).toContain('<strong>Ada Lovelace</strong>');
    expect(page).toContain('<code>ada-1</code>');
    expect(page).toContain('You can close this tab and return to the terminal.');
  });

  it('shows only the id when the display name is empty', () => {
    const { html: page } = renderCallbackPage({ kind: 'success', account: { displayName: '', id: 'ada-1' } });
    expect(page).toContain('account <code>ada-1</code>.');
    expect(page).not.toContain('<strong></strong>');
  });

  it('escapes names and messages', () => {
    const success = renderCallbackPage({ kind: 'success', account: { displayName: EVIL, id: `"><img src=x>` } }).html;
    const error = renderCallbackPage({ kind: 'error', message: `${EVIL} & more` }).html;
    for (const page of [success, error]) {
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toContain('<img');
      expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
    expect(error).toContain('&amp; more');
    expect(success).toContain('&quot;&gt;&lt;img src=x&gt;');
  });

  it('points the user back to the terminal when the link is stale or foreign', () => {
    expect(renderCallbackPage({ kind: 'invalid-state' }).html).toContain('Go back to the terminal');
    expect(renderCallbackPage({ kind: 'expired' }).html).toContain('Go back to the terminal');
    expect(renderCallbackPage({ kind: 'already-completed' }).html).toContain('already finished');
  });
});

describe('escapeHtml and the html template', () => {
  it('escapes the five significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes interpolated strings but keeps nested templates', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${[inner, inner]}${3}</p>`.value).toBe(
      '<p><b>&lt;i&gt;</b><b>&lt;i&gt;</b><b>&lt;i&gt;</b>3</p>',
    );
  });

  it('escapes the title, brand, badge and heading of a page', () => {
    const page = htmlPage({ title: '<t>', brand: '<b>', badge: '<g>', heading: '<h>', body: html`` });
    expect(page).toContain('<title>&lt;t&gt;</title>');
    expect(page).toContain('<span>&lt;b&gt;</span>');
    expect(page).toContain('<span class="badge">&lt;g&gt;</span>');
    expect(page).toContain('<h1>&lt;h&gt;</h1>');
  });

  it("marks pytify-auth's own pages and shows a status icon, unless told not to", () => {
    const own = htmlPage({ title: 't', brand: 'b', heading: 'h', body: html``, tone: 'success' });
    const other = htmlPage({ title: 't', brand: 'b', heading: 'h', body: html``, mark: false, icon: false });
    expect(own.match(/<svg [^>]*aria-hidden="true"/g)).toHaveLength(2);
    expect(own).toContain('<body class="tone-success">');
    expect(other).not.toContain('<svg');
  });
});
