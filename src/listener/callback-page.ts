import { html, htmlPage, type PageTone, type SafeHtml } from '../core/html-page.js';
import { sanitize } from '../core/sanitize.js';

export { escapeHtml } from '../core/html-page.js';

/** Every answer the loopback callback listener gives a browser. */
export type CallbackPage =
  | { kind: 'success'; account: { displayName: string; id: string } }
  | { kind: 'declined' }
  /** `message` is plain text for people (never a secret); it is escaped here. */
  | { kind: 'error'; message: string }
  | { kind: 'invalid-state' }
  | { kind: 'already-completed' }
  | { kind: 'expired' }
  | { kind: 'not-found' }
  /** A Host header other than the listener's own address: possibly DNS rebinding. */
  | { kind: 'bad-host' }
  | { kind: 'method-not-allowed' };

interface PageSpec {
  status: number;
  title: string;
  heading: string;
  tone: PageTone;
  body: SafeHtml;
}

// The name keeps its hyphen on narrow screens: "pytify-" / "auth" across two lines reads badly.
const NAME = html`<span class="nowrap">pytify-auth</span>`;
const BACK = html`<p class="next">You can close this tab and return to the terminal.</p>`;

function spec(page: CallbackPage): PageSpec {
  switch (page.kind) {
    case 'success': {
      // A display name may be empty or equal to the id; show the id only when it adds something.
      // Escaped as HTML below; sanitised too, so bidirectional controls cannot reorder the page.
      const displayName = sanitize(page.account.displayName, 100);
      const id = sanitize(page.account.id, 100);
      const who =
        displayName && displayName !== id
          ? html`<strong>${displayName}</strong> (<code>${id}</code>)`
          : html`<code>${id}</code>`;
      return {
        status: 200,
        title: 'Authorized',
        heading: 'Spotify account connected',
        tone: 'success',
        body: html`<p>${NAME} is now authorized for the Spotify account ${who}.</p><p>The refresh token is saved on this computer, ready for your player.</p>${BACK}`,
      };
    }
    case 'declined':
      return {
        status: 200,
        title: 'Authorization declined',
        heading: 'Authorization declined',
        tone: 'warning',
        body: html`<p>You chose not to give ${NAME} access to your Spotify account. Nothing was saved.</p><p class="next">You can close this tab. To try again, go back to the terminal: press Enter there, or run ${NAME} again.</p>`,
      };
    case 'error':
      // 500: the browser's request was fine, but the authorization it carried could not be finished.
      return {
        status: 500,
        title: 'Authorization failed',
        heading: 'Authorization failed',
        tone: 'error',
        body: html`<p>${NAME} could not finish the authorization. Nothing was saved.</p><p class="detail">${sanitize(page.message, 1000)}</p><p class="next">You can close this tab. The terminal shows what to do next.</p>`,
      };
    case 'invalid-state':
      return {
        status: 400,
        title: 'Link not recognised',
        heading: 'This link is not from the current authorization',
        tone: 'error',
        body: html`<p>Its <code>state</code> is missing or does not match the authorization ${NAME} started, so it was ignored. Old bookmarks, reloads of an earlier attempt or a link from someone else look like this.</p><p class="next">Go back to the terminal and follow the link it shows.</p>`,
      };
    case 'already-completed':
      return {
        status: 200,
        title: 'Already completed',
        heading: 'Authorization already completed',
        tone: 'neutral',
        body: html`<p>${NAME} already finished this authorization; this request changed nothing.</p>${BACK}`,
      };
    case 'expired':
      // 410 Gone: the attempt this link belonged to existed, but is over (timed out or restarted).
      return {
        status: 410,
        title: 'Authorization expired',
        heading: 'This authorization attempt has ended',
        tone: 'warning',
        body: html`<p>It timed out or was restarted in the terminal, so this link can no longer complete it.</p><p class="next">Go back to the terminal and start the authorization again.</p>`,
      };
    case 'not-found':
      return {
        status: 404,
        title: 'Not found',
        heading: 'Nothing here',
        tone: 'neutral',
        body: html`<p>This address belongs to ${NAME}'s temporary sign-in listener, which only answers the Spotify callback.</p>`,
      };
    case 'bad-host':
      return {
        status: 400,
        title: 'Wrong address',
        heading: 'Wrong address for this listener',
        tone: 'error',
        body: html`<p>${NAME} only answers requests addressed to its own loopback address, as written in the redirect URI.</p>`,
      };
    case 'method-not-allowed':
      return {
        status: 405,
        title: 'Method not allowed',
        heading: 'Method not allowed',
        tone: 'neutral',
        body: html`<p>${NAME}'s sign-in listener only answers GET requests from the browser.</p>`,
      };
  }
}

export function renderCallbackPage(page: CallbackPage): { status: number; html: string } {
  const { status, title, heading, tone, body } = spec(page);
  return { status, html: htmlPage({ title: `${title} · pytify-auth`, brand: 'pytify-auth', heading, tone, body }) };
}
