import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { PortInUseError, PytifyError } from '../core/errors.js';
import { silentLog, type DebugLog } from '../core/debug-log.js';
import { renderCallbackPage, type CallbackPage } from './callback-page.js';

export interface CallbackServerOptions {
  /** Loopback literal to bind, without brackets: '127.0.0.1' or '::1'. Never all interfaces. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The redirect URI's path, e.g. '/callback'. */
  path: string;
  /** Decides the page for a GET on the path; answered only once the outcome is known. */
  onCallback: (query: URLSearchParams) => Promise<CallbackPage>;
  log?: DebugLog;
}

export interface CallbackServer {
  readonly host: string;
  readonly port: number;
  /** Runs one request through the server in memory (see rehearse); the login calls it with the warm-up. */
  warmUp?(): void;
  close(): Promise<void>;
}

/** Headers on every answer: the code in the URL must not leak through caches or referrers. */
const SAFE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  connection: 'close',
} as const;

/**
 * Browsers open at most a handful of connections per host, so a page that floods us is capped well
 * below this; the limit only stops a runaway local client from exhausting file descriptors.
 */
const MAX_CONNECTIONS = 256;

function send(
  response: ServerResponse,
  page: CallbackPage,
  extra: Record<string, string> = {},
  log: DebugLog = silentLog,
): void {
  const { status, html } = renderCallbackPage(page);
  log('callback answer', { method: response.req.method, path: response.req.url ?? '', status, page: page.kind });
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { ...SAFE_HEADERS, ...extra, 'content-length': Buffer.byteLength(html) });
  response.end(html);
}

/** The Host header a browser sends for this listener; anything else may be DNS rebinding. */
function expectedHosts(host: string, port: number): Set<string> {
  const literal = host.includes(':') ? `[${host}]` : host;
  return new Set([`${literal}:${port}`, ...(port === 80 ? [literal] : [])]);
}

/**
 * One request through the server in memory (an HTTP server takes any Duplex as a connection, as
 * Node documents for its 'connection' event), answered "not found" into nothing. Node's HTTP
 * server code and our page then run warm for the real callback: measured from the browser's side,
 * the first callback of a fresh process was about 1 ms faster. Nothing is sent anywhere. Not at
 * start: the 2-3 ms it costs there would delay the first frame.
 */
function rehearse(server: Server, target: string, hostHeader: string, rehearsals: WeakSet<object>): void {
  const socket = new Duplex({
    read() {},
    write(_chunk, _encoding, done) {
      done();
    },
  });
  rehearsals.add(socket);
  server.emit('connection', socket);
  socket.push(`GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);
  socket.push(null);
}

export function startCallbackServer(options: CallbackServerOptions): Promise<CallbackServer> {
  let allowedHosts = new Set<string>();
  const debugLog = options.log ?? silentLog;
  const rehearsals = new WeakSet<object>();
  const sockets = new Set<Socket>();

  async function handle(request: IncomingMessage, response: ServerResponse, log: DebugLog): Promise<void> {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) return send(response, { kind: 'bad-host' }, {}, log);
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://placeholder');
    } catch {
      return send(response, { kind: 'not-found' }, {}, log);
    }
    // An absolute or scheme-relative target ("//evil.example/callback") is not our path.
    if (url.host !== 'placeholder' || url.pathname !== options.path)
      return send(response, { kind: 'not-found' }, {}, log);
    // Only GET: a HEAD from a link preview or prefetcher must never consume the single-use code.
    if (request.method !== 'GET') return send(response, { kind: 'method-not-allowed' }, { allow: 'GET' }, log);
    send(response, await options.onCallback(url.searchParams), {}, log);
  }

  // Slow senders (slowloris) are dropped after a few seconds; Node checks these deadlines every
  // connectionsCheckingInterval, 30 s by default, which would let them linger far too long.
  const limits = {
    maxHeaderSize: 8 * 1024,
    requestTimeout: 10_000,
    headersTimeout: 5_000,
    connectionsCheckingInterval: 1_000,
  };
  const server = createServer(limits, (request, response) => {
    const log = rehearsals.has(request.socket) ? silentLog : debugLog;
    handle(request, response, log).catch(() =>
      send(response, { kind: 'error', message: 'Something went wrong in pytify-auth.' }, {}, log),
    );
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.keepAliveTimeout = 1_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A reset peer gets no raw bytes written into it.
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(options.host, options.port));
      else
        reject(
          new PytifyError(
            'LISTEN_FAILED',
            `Could not listen on ${options.host}:${options.port} (${error.code ?? error.message})`,
          ),
        );
    });
    server.listen({ host: options.host, port: options.port, exclusive: true }, () => {
      const port = (server.address() as AddressInfo).port;
      allowedHosts = expectedHosts(options.host, port);
      resolve({
        host: options.host,
        port,
        // Never the callback's own path: the rehearsal must not reach onCallback.
        warmUp: () => rehearse(server, `${options.path}/warm-up`, [...allowedHosts][0]!, rehearsals),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            // A page still being sent gets a moment to reach the browser; then nothing holds us.
            setTimeout(() => {
              for (const socket of sockets) socket.destroy();
            }, 300).unref();
          }),
      });
    });
  });
}
