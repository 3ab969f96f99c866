import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/**
 * A Spotify that attacks its client, for the tests only (no test-only options in the product): it
 * approves every authorization at once (no consent page), and then answers with whatever the test
 * set — a profile full of escape sequences, a token error quoting the secrets it was sent, or a
 * callback that carries an error. Everything it issued or received is kept, for the leak checks.
 */
export interface Answer {
  status: number;
  body: string;
  contentType?: string;
}

/** What a token request carried, decoded: what a server that echoes would echo. */
export interface TokenRequest {
  form: URLSearchParams;
  /** `id:secret` from the Basic header, when there was one. */
  basic?: string;
  authorization?: string;
}

export interface HostileOptions {
  profile?: { display_name?: string; id: string };
  /** Answers the token endpoint; by default a grant with fresh tokens. */
  token?: (request: TokenRequest, grant: () => Answer) => Answer;
  /** Answers GET /me instead of the profile; given the Authorization header it was sent. */
  me?: (authorization: string | undefined) => Answer;
  /** Sends the browser back with this error instead of a code. */
  callbackError?: { error: string; error_description?: string };
}

export interface HostileSpotify {
  authUrl: string;
  tokenUrl: string;
  apiUrl: string;
  options: HostileOptions;
  /** Codes and tokens issued, and verifiers, secrets and tokens received. */
  secrets(): string[];
  close(): Promise<void>;
}

const token = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
  });
}

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' });
  response.end(answer.body);
}

export async function startHostileSpotify(options: HostileOptions = {}): Promise<HostileSpotify> {
  const state = { options };
  const seen = new Set<string>();
  const keep = (value: string | null | undefined) => value && seen.add(value);
  const grant = (): Answer => {
    const [access, refresh] = [token('BQAaccess'), token('AQBrefresh')];
    keep(access);
    keep(refresh);
    const body = {
      access_token: access,
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: refresh,
      scope: 'user-read-private user-modify-playback-state',
    };
    return { status: 200, body: JSON.stringify(body) };
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      const error = state.options.callbackError;
      if (error) for (const [key, value] of Object.entries(error)) back.searchParams.set(key, value);
      else {
        const code = token('AQCcode');
        keep(code);
        back.searchParams.set('code', code);
      }
      response.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === '/api/token' && request.method === 'POST') {
      void readBody(request).then((body) => {
        const form = new URLSearchParams(body);
        for (const key of ['code', 'code_verifier', 'refresh_token']) keep(form.get(key));
        const authorization = request.headers.authorization;
        const basic = /^Basic (.+)$/.exec(authorization ?? '')?.[1];
        const pair = basic ? Buffer.from(basic, 'base64').toString('utf8') : undefined;
        keep(basic);
        keep(pair?.slice(pair.indexOf(':') + 1));
        send(response, (state.options.token ?? ((_, ok) => ok()))({ form, basic: pair, authorization }, grant));
      });
      return;
    }
    if (url.pathname === '/v1/me') {
      keep(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]);
      const profile = { status: 200, body: JSON.stringify(state.options.profile ?? { id: 'listener' }) };
      send(response, state.options.me?.(request.headers.authorization) ?? profile);
      return;
    }
    send(response, { status: 404, body: '{"error":"not found"}' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authUrl: `${base}/authorize`,
    tokenUrl: `${base}/api/token`,
    apiUrl: `${base}/v1`,
    get options() {
      return state.options;
    },
    set options(next) {
      state.options = next;
    },
    secrets: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
