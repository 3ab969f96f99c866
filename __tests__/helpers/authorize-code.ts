import { buildAuthorizeUrl } from '../../src/oauth/authorize-url.js';

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
  return buildAuthorizeUrl({
    authUrl: request.authUrl,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    scopes: request.scopes ?? ['user-read-private'],
    state: request.state ?? 'test-state',
    codeChallenge: request.codeChallenge,
  });
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
  if (answer.status !== 302 || !location)
    throw new Error(`the decision was answered ${answer.status} without a redirect`);
  return new URL(location);
}

/** A fresh, real, single-use authorization code for `request`. */
export async function authorizeCode(request: CodeRequest): Promise<string> {
  const location = await decide(authorizeUrlFor(request), 'approve');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code in the redirect: ${location.search}`);
  return code;
}
