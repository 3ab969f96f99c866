import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAuthorize, handleDecision, type AuthorizeAnswer } from './fake-spotify-authorize.js';
import { errorPage, notFoundPage } from './fake-spotify-pages.js';
import { FakeStore } from './fake-spotify-store.js';
import { meAnswer } from './fake-spotify-api.js';
import { readForm, sendFault, sendHtml, sendJson } from './fake-spotify-http.js';
import { handleToken, identifyCaller, type JsonAnswer } from './fake-spotify-token.js';
import type { FakeFault, FakeSpotify, FakeSpotifyOptions, TokenRequestRecord } from './fake-spotify-types.js';

export type * from './fake-spotify-types.js';

/** A key and certificate (PEM): the local Spotify then serves https, as Spotify does. */
export interface FakeTls {
  key: string | Buffer;
  cert: string | Buffer;
}

const formProblem = (problem: 'too-large' | 'wrong-type'): JsonAnswer =>
  problem === 'too-large'
    ? { status: 413, json: { error: 'invalid_request', error_description: 'Request body too large' } }
    : {
        status: 400,
        json: { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' },
      };

function sendAuthorize(response: ServerResponse, answer: AuthorizeAnswer): void {
  if ('location' in answer) {
    response.writeHead(302, { location: answer.location, 'cache-control': 'no-store', 'content-length': 0 });
    response.end();
  } else sendHtml(response, answer);
}

export async function startFakeSpotify(options: FakeSpotifyOptions & { tls?: FakeTls }): Promise<FakeSpotify> {
  const store = new FakeStore(options);
  const faults: FakeFault[] = [];
  const tokenRequests: TokenRequestRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = await readForm(request);
    const fields = typeof form === 'string' ? new URLSearchParams() : form;
    const caller = identifyCaller(request.headers.authorization, fields);
    const record = (status: number) =>
      tokenRequests.push({ grantType: fields.get('grant_type') ?? '', clientAuth: caller.auth, status });
    const fault = faults.shift();
    if (fault?.kind === 'destroy') {
      record(0);
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      record(fault.status);
      sendFault(response, fault);
      return;
    }
    if (fault?.kind === 'delay') await sleep(fault.ms);
    const answer =
      typeof form === 'string'
        ? formProblem(form)
        : handleToken(store, caller, form, fault?.kind === 'omit-refresh-token');
    record(answer.status);
    sendJson(response, answer, { pragma: 'no-cache' });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(`http://fake${request.url ?? '/'}`);
    const method = request.method ?? 'GET';
    const allow = (expected: string) => {
      if (method === expected) return true;
      response.setHeader('allow', expected);
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/v1/'))
        sendJson(response, {
          status: 405,
          json: { error: 'invalid_request', error_description: 'Method not allowed' },
        });
      else sendHtml(response, errorPage(`Method ${method} not allowed`, 405));
      return false;
    };
    switch (url.pathname) {
      case '/authorize':
        if (allow('GET')) sendAuthorize(response, handleAuthorize(store, url.searchParams));
        return;
      case '/authorize/decision': {
        if (!allow('POST')) return;
        const form = await readForm(request);
        if (form === 'too-large') sendHtml(response, errorPage('Request body too large', 413));
        else if (form === 'wrong-type')
          sendHtml(response, errorPage('The form must be sent as application/x-www-form-urlencoded'));
        else sendAuthorize(response, handleDecision(store, form));
        return;
      }
      case '/api/token':
        if (allow('POST')) await token(request, response);
        return;
      case '/v1/me':
        if (allow('GET')) sendJson(response, meAnswer(store, request.headers.authorization));
        return;
      default:
        if (url.pathname.startsWith('/v1/'))
          sendJson(response, { status: 404, json: { error: { status: 404, message: 'Service not found' } } });
        else sendHtml(response, notFoundPage());
    }
  }

  const listener: RequestListener = (request, response) => {
    route(request, response).catch(() =>
      sendJson(response, { status: 500, json: { error: 'server_error', error_description: 'Demo service failure' } }),
    );
  };
  const { tls } = options;
  // node:https (and node:tls) only for a TLS fake: loading them costs about 3 ms, and the demo's
  // launch screen, whose code is in the program's first module, is plain http.
  const server = tls
    ? (await import('node:https')).createServer({ key: tls.key, cert: tls.cert }, listener)
    : createServer(listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    origin,
    authUrl: `${origin}/authorize`,
    tokenUrl: `${origin}/api/token`,
    apiUrl: `${origin}/v1`,
    tokenRequests,
    failNextTokenRequests: (...next) => void faults.push(...next),
    issueRefreshToken(clientId, scopes) {
      const client = store.clients.get(clientId);
      if (!client) throw new Error(`Unknown demo client ${clientId}`);
      return store.issueRefreshToken(clientId, [...scopes], !client.clientSecret);
    },
    revokeRefreshToken: (refreshToken) => store.revokeRefreshToken(refreshToken),
    issuedSecrets: () => [...store.issued],
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
