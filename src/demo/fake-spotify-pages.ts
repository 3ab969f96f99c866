import { html, htmlPage, type PageTone, type SafeHtml } from '../core/html-page.js';
import type { FakeClient, FakeUser } from './fake-spotify-types.js';

export interface HtmlAnswer {
  status: number;
  html: string;
}

const BRAND = 'Demo Spotify';
const BADGE = 'Local demo, not Spotify';

function page(
  status: number,
  title: string,
  heading: string,
  body: SafeHtml,
  tone: PageTone = 'neutral',
  icon = true,
): HtmlAnswer {
  return {
    status,
    html: htmlPage({
      title: `${title} · Demo Spotify`,
      brand: BRAND,
      badge: BADGE,
      mark: false,
      icon,
      heading,
      body,
      tone,
    }),
  };
}

/** Spotify shows authorize errors in the browser, not to the app; so does the demo. */
export function errorPage(message: string, status = 400): HtmlAnswer {
  return page(
    status,
    'Error',
    'Authorization request refused',
    html`<p class="detail"><code>${message}</code></p><p>The app sent a request this service cannot accept. Nothing was authorized.</p><p class="next">You can close this tab. The app's terminal may say how to fix its configuration.</p>`,
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

/** Common scopes in plain words, as a consent screen shows them; the scope itself stays visible. */
const SCOPE_TEXT: Record<string, string> = {
  'user-read-private': 'View your account details: name, country and subscription',
  'user-read-email': 'View your email address',
  'user-modify-playback-state': 'Control Spotify on your devices: play, pause, skip',
  'user-read-playback-state': 'See what is playing and on which device',
  'user-read-currently-playing': 'See what you are listening to right now',
  'playlist-read-private': 'View your private playlists',
  'playlist-modify-private': 'Create and change your private playlists',
  'playlist-modify-public': 'Create and change your public playlists',
  'user-library-read': 'View your saved tracks and albums',
  'user-library-modify': 'Save and remove tracks and albums',
  streaming: 'Play music in this app',
};

function scopeItem(scope: string): SafeHtml {
  const text = SCOPE_TEXT[scope];
  return text
    ? html`<li><span class="scope">${text}</span><span class="scope"><code>${scope}</code></span></li>`
    : html`<li><code>${scope}</code></li>`;
}

export function consentPage(details: ConsentDetails): HtmlAnswer {
  const { client, user, scopes } = details;
  // A client id is 32 hex characters: it names the app in the details, never in the heading.
  const appName = client.name ?? 'this app';
  const scopeList =
    scopes.length > 0
      ? html`<p>It will be able to:</p><ul>${scopes.map(scopeItem)}</ul>`
      : html`<p>It asks for no scopes: only your public profile.</p>`;
  const app = client.name
    ? html`<strong>${client.name}</strong><br><code class="muted">${client.clientId}</code>`
    : html`<code>${client.clientId}</code>`;
  return page(
    200,
    'Authorize app',
    `Allow ${appName} to use your account?`,
    html`<p class="muted">A local stand-in for Spotify's consent screen: no real Spotify account is involved.</p>
<dl>
<dt>App</dt><dd>${app}</dd>
<dt>Account</dt><dd><strong>${user.displayName}</strong><br><code class="muted">${user.id}</code></dd>
</dl>
${scopeList}
<form method="post" action="/authorize/decision">
<input type="hidden" name="request" value="${details.requestId}">
<div class="actions">
<button class="primary" type="submit" name="decision" value="approve">Agree</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</div>
</form>
<p class="muted">After your choice the browser returns to<br><code>${details.redirectUri}</code></p>`,
    'neutral',
    false,
  );
}
