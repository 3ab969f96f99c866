export interface AuthorizeRequest {
  authUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  /** Present when the flow uses PKCE (no client secret). */
  codeChallenge?: string;
  showDialog?: boolean;
}

export function buildAuthorizeUrl(request: AuthorizeRequest): string {
  const url = new URL(request.authUrl);
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', request.redirectUri);
  if (request.scopes.length > 0) url.searchParams.set('scope', request.scopes.join(' '));
  url.searchParams.set('state', request.state);
  if (request.codeChallenge) {
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('code_challenge', request.codeChallenge);
  }
  if (request.showDialog) url.searchParams.set('show_dialog', 'true');
  return url.toString();
}
