import { html, htmlPage, type PageTone, type SafeHtml } from '../adapters/html-page.js';
import type { FakeClient, FakeUser } from './fake-spotify-types.js';

export interface HtmlAnswer {
  status: number;
  html: string;
}

const BRAND = 'Demo Spotify · a local stand-in, not Spotify';

function page(status: number, title: string, heading: string, body: SafeHtml, tone: PageTone = 'neutral'): HtmlAnswer {
  return { status, html: htmlPage({ title: `${title} · Demo Spotify`, brand: BRAND, heading, body, tone }) };
}

/** Spotify shows authorize errors in the browser, not to the app; so does the demo. */
export function errorPage(message: string, status = 400): HtmlAnswer {
  return page(
    status,
    'Error',
    'Authorization request refused',
    html`<p><code>${message}</code></p><p class="muted">The app sent a request this service cannot accept. Nothing was authorized; the app's terminal may say how to fix its configuration.</p>`,
    'error',
  );
}

export function notFoundPage(): HtmlAnswer {
  return page(404, 'Not found', 'Not found', html`<p>This demo service only answers the authorization endpoints.</p>`);
}

export interface ConsentDetails {
  client: FakeClient;
  user: FakeUser;
  scopes: string[];
  redirectUri: string;
  /** Opaque id of the pending request; the only thing the form posts back besides the decision. */
  requestId: string;
}

export function consentPage(details: ConsentDetails): HtmlAnswer {
  const { client, user, scopes } = details;
  const appName = client.name ?? client.clientId;
  const scopeList =
    scopes.length > 0
      ? html`<ul>${scopes.map((scope) => html`<li><code>${scope}</code></li>`)}</ul>`
      : html`<p>No scopes: only the public profile.</p>`;
  return page(
    200,
    'Authorize app',
    `Allow ${appName} to use your account?`,
    html`<p class="muted">This is a local demo of Spotify's consent screen. No real Spotify account is involved.</p>
<p><strong>${appName}</strong> (client ID <code>${client.clientId}</code>) asks for:</p>
${scopeList}
<p>Account: <strong>${user.displayName}</strong> (<code>${user.id}</code>)</p>
<p class="muted">After your choice the browser goes to <code>${details.redirectUri}</code>.</p>
<form method="post" action="/authorize/decision">
<input type="hidden" name="request" value="${details.requestId}">
<div class="actions">
<button class="primary" type="submit" name="decision" value="approve">Agree</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</div>
</form>`,
  );
}
