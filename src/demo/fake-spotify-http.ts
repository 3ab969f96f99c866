import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HtmlAnswer } from './fake-spotify-pages.js';
import type { JsonAnswer } from './fake-spotify-token.js';
import type { FakeFault } from './fake-spotify-types.js';

/** Consent pages must not be framed (clickjacking) nor cached; CSP matches the page's own. */
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
} as const;

/** Oversized bodies are answered early; closing keeps the unread rest off a reused connection. */
const closeIfEarly = (status: number): Record<string, string> => (status === 413 ? { connection: 'close' } : {});

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    ...headers,
    ...closeIfEarly(status),
    'content-length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}

export function sendHtml(response: ServerResponse, answer: HtmlAnswer): void {
  send(response, answer.status, HTML_HEADERS, answer.html);
}

export function sendJson(response: ServerResponse, answer: JsonAnswer, extra: Record<string, string> = {}): void {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra };
  send(response, answer.status, headers, JSON.stringify(answer.json));
}

/** Guesses the type from the body so a fault needs only `status` and `body` to look real. */
function guessType(body: string): string {
  const start = body.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'application/json; charset=utf-8';
  if (start.startsWith('<')) return 'text/html; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

export function sendFault(response: ServerResponse, fault: Extract<FakeFault, { kind: 'status' }>): void {
  const body = fault.body ?? '';
  send(response, fault.status, { 'content-type': fault.contentType ?? guessType(body), ...fault.headers }, body);
}

/** Bodies are a few hundred bytes; anything far bigger is refused before it is buffered. */
const MAX_BODY_BYTES = 64 * 1024;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/** Resolves with the body, or undefined once it passes the cap (the rest is drained unread). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve(undefined);
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A form body, or the reason there is none. */
export async function readForm(request: IncomingMessage): Promise<URLSearchParams | 'too-large' | 'wrong-type'> {
  const body = await readBody(request);
  if (body === undefined) return 'too-large';
  if (!FORM_TYPE.test(request.headers['content-type'] ?? '')) return 'wrong-type';
  return new URLSearchParams(body);
}
