import { connect, type Socket } from 'node:net';

/**
 * HTTP over a bare TCP socket, so a test controls every byte it sends (malformed request lines,
 * invalid header characters, pipelining, half-sent requests) and sees every byte that comes back.
 */

export interface RawResponse {
  status: number;
  statusLine: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawExchange {
  /** Everything the server sent, unparsed. */
  raw: Buffer;
  /** The responses found in `raw`, in order; a truncated last one is left out. */
  responses: RawResponse[];
  /** 'server': the server closed; 'timeout': we gave up waiting; 'client': we closed on purpose. */
  endedBy: 'server' | 'timeout' | 'client';
  /** A socket error (ECONNRESET and the like), if one happened. */
  error?: string;
}

export interface RawRequestOptions {
  host?: string;
  /** Written one after another, each in its own write (several requests in one = pipelining). */
  chunks: Buffer[];
  /** Destroy the socket this long after the last write instead of waiting for the server. */
  closeAfterMs?: number;
  /** Give up waiting for the server after this long (then `endedBy` is 'timeout'). */
  timeoutMs?: number;
}

/** Parses back-to-back HTTP/1.x responses; a body is read chunked, by Content-Length, or to the end. */
export function parseResponses(raw: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let offset = 0;
  while (offset < raw.length) {
    const headEnd = raw.indexOf('\r\n\r\n', offset, 'latin1');
    if (headEnd < 0) break;
    const [statusLine = '', ...lines] = raw.subarray(offset, headEnd).toString('latin1').split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!match) break;
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyStart = headEnd + 4;
    const status = Number(match[1]);
    // 1xx has no body; nor has an answer to HEAD, recognised by what follows it: nothing, or a status line.
    const bodiless =
      status < 200 ||
      bodyStart === raw.length ||
      raw.subarray(bodyStart, bodyStart + 7).toString('latin1') === 'HTTP/1.';
    if (!bodiless && /chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const chunked = readChunked(raw, bodyStart);
      if (!chunked) break;
      responses.push({ status, statusLine, headers, body: chunked.body });
      offset = chunked.end;
      continue;
    }
    const declared =
      headers['content-length'] === undefined ? raw.length - bodyStart : Number(headers['content-length']);
    const length = bodiless ? 0 : declared;
    if (bodyStart + length > raw.length) break;
    responses.push({ status, statusLine, headers, body: raw.subarray(bodyStart, bodyStart + length) });
    offset = bodyStart + length;
  }
  return responses;
}

/** A chunked body from `start`: the joined chunks and where the message ends, or undefined if cut. */
function readChunked(raw: Buffer, start: number): { body: Buffer; end: number } | undefined {
  const parts: Buffer[] = [];
  let offset = start;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset, 'latin1');
    if (lineEnd < 0) return undefined;
    const size = parseInt(raw.subarray(offset, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) {
      const trailerEnd = raw.indexOf('\r\n', lineEnd + 2, 'latin1');
      return trailerEnd < 0 ? undefined : { body: Buffer.concat(parts), end: trailerEnd + 2 };
    }
    if (lineEnd + 2 + size + 2 > raw.length) return undefined;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

/** Sends `chunks` on a fresh connection and collects the answer until the server closes. */
export function rawRequest(port: number, options: RawRequestOptions): Promise<RawExchange> {
  const { host = '127.0.0.1', chunks, closeAfterMs, timeoutMs = 5000 } = options;
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let endedBy: RawExchange['endedBy'] = 'server';
    let error: string | undefined;
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      endedBy = 'timeout';
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', (failure: NodeJS.ErrnoException) => (error = failure.code ?? failure.message));
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(received);
      resolve({ raw, responses: parseResponses(raw), endedBy, error });
    });
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (closeAfterMs !== undefined) {
        setTimeout(() => {
          if (endedBy === 'server') endedBy = 'client';
          socket.destroy();
        }, closeAfterMs);
      }
    });
  });
}

export interface SlowSender {
  readonly socket: Socket;
  /** Resolves when the connection is gone, with how long after connecting that happened. */
  readonly closed: Promise<{ afterMs: number; bytesSent: number; answer: Buffer }>;
  /** Stops dribbling and closes the connection (no-op once closed). */
  stop(): void;
}

/**
 * A slowloris client: connects and sends `head` one byte every `intervalMs`, then 'a' forever;
 * `head` should end inside a header value (e.g. "X-Slow: ") so the request never completes.
 * Only the server's own timeouts (or `stop()`) end it.
 */
export function slowSender(port: number, head: string, intervalMs: number, host = '127.0.0.1'): SlowSender {
  const socket = connect({ host, port });
  const bytes = Buffer.from(head, 'latin1');
  const answer: Buffer[] = [];
  let sent = 0;
  let started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    started = Date.now();
    const drip = () => {
      if (socket.destroyed || !socket.writable) return;
      // The head byte by byte, then a header value that never ends: the request never completes.
      socket.write(sent < bytes.length ? bytes.subarray(sent, sent + 1) : 'a');
      sent += 1;
    };
    drip();
    timer = setInterval(drip, intervalMs);
  });
  socket.on('data', (chunk) => answer.push(chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<{ afterMs: number; bytesSent: number; answer: Buffer }>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve({ afterMs: Date.now() - started, bytesSent: sent, answer: Buffer.concat(answer) });
    }),
  );
  return {
    socket,
    closed,
    stop: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
}
