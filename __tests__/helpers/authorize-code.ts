/**
 * Drives the fake accounts service's consent screen the way a user's browser would, without
 * following the final redirect: what comes back is the callback URL with `code` (or `error`).
 */

export type Decision = 'approve' | 'deny';

export interface CodeRequest {
  authUrl: string;
  clientId: string;
  redirectUri: string;
  scopes?: readonly string[];
  state?: string;
  /** S256 challenge; required by the fake for clients without a secret. */
  codeChallenge?: string;
}

export function authorizeUrlFor(request: CodeRequest): string {
  const url = new URL(request.authUrl);
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', (request.scopes ?? ['user-read-private']).join(' '));
  url.searchParams.set('state', request.state ?? 'test-state');
  if (request.codeChallenge) {
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('code_challenge', request.codeChallenge);
  }
  return url.toString();
}

/** GET the authorize URL, answer its consent form, and return the 302 Location (not followed). */
export async function decide(authorizeUrl: string, decision: Decision = 'approve'): Promise<URL> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`the authorize URL was answered ${page.status}: ${html.slice(0, 400)}`);
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (!request) throw new Error('the consent page has no hidden request id');
  const answer = await fetch(new URL('/authorize/decision', authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ request, decision }),
  });
  await answer.text();
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`the decision was answered ${answer.status} without a redirect`);
  return new URL(location);
}

/** A fresh, real, single-use authorization code for `request`. */
export async function authorizeCode(request: CodeRequest): Promise<string> {
  const location = await decide(authorizeUrlFor(request), 'approve');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code in the redirect: ${location.search}`);
  return code;
}
