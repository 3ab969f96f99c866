import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenError } from '../src/core/errors.js';
import { DEFAULT_RETRY } from '../src/token/retry.js';
import { MAX_ANSWER_BYTES } from '../src/token/send.js';
import { createTokenClient, lifetimeSeconds } from '../src/token/token-client.js';
import { closeServer } from './helpers/free-port.js';
import { recordWaits } from './helpers/retry-waits.js';

/** A hostile accounts service and Web API: each test sets how the next requests are answered. */
type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let handlers: Handler[] = [];
let requests = 0;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests += 1;
    request.resume();
    const handler = handlers.shift() ?? ((_, res) => res.writeHead(500).end());
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => closeServer(server));

const client = (extra = {}) =>
  createTokenClient({ tokenUrl: `${base}/api/token`, apiUrl: `${base}/v1`, clientId: 'hostile-app', ...extra });

const grant = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ access_token: 'access-hostile-1', token_type: 'Bearer', expires_in: 3600, ...extra });

async function rejection(promise: Promise<unknown>): Promise<TokenError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

/** Chunks of a valid-looking JSON string, for as long as the client keeps reading. */
function endless(response: ServerResponse, sent: { bytes: number }): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"access_token":"');
  const chunk = 'a'.repeat(64 * 1024);
  const pump = () => {
    while (!response.destroyed && sent.bytes < 200 * MAX_ANSWER_BYTES) {
      sent.bytes += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
  };
  response.on('close', () => undefined);
  pump();
}

describe('answers are capped while they stream', () => {
  it('refuses a 50 MB token answer announced by Content-Length, once, without reading it', async () => {
    const before = requests;
    let written = 0;
    handlers = Array.from({ length: 4 }, () => (_: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!res.destroyed && written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      pump();
    });
    const error = await rejection(client().refresh('refresh-1'));
    expect(error.code).toBe('TOKEN_ENDPOINT_ERROR');
    expect(error.message).toBe('The token endpoint sent an answer larger than 1 MB; it was not read');
    expect(requests - before).toBe(1);
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses an endless chunked token answer after about 1 MB, and does not retry', async () => {
    const before = requests;
    const sent = { bytes: 0 };
    handlers = Array.from({ length: 4 }, () => (_: IncomingMessage, res: ServerResponse) => endless(res, sent));
    const started = performance.now();
    const error = await rejection(client().refresh('refresh-2'));
    expect(error.code).toBe('TOKEN_ENDPOINT_ERROR');
    expect(error.message).toContain('answer larger than 1 MB');
    expect(requests - before).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
    // Socket buffers hold some more, but nowhere near the 200 MB the server would send.
    expect(sent.bytes).toBeLessThan(40 * MAX_ANSWER_BYTES);
  });

  it('refuses an endless profile answer from the Web API as PROFILE_ERROR', async () => {
    const before = requests;
    const sent = { bytes: 0 };
    handlers = Array.from({ length: 4 }, () => (_: IncomingMessage, res: ServerResponse) => endless(res, sent));
    const error = await rejection(client().fetchProfile('access-1'));
    expect(error.code).toBe('PROFILE_ERROR');
    expect(error.message).toBe('The Web API (/me) sent an answer larger than 1 MB; it was not read');
    expect(requests - before).toBe(1);
  });

  it('still reads an answer just under the cap', async () => {
    const padding = 'p'.repeat(MAX_ANSWER_BYTES - 200);
    handlers = [(_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(grant({ padding }))];
    const answer = await client().refresh('refresh-3');
    expect(answer.accessToken).toBe('access-hostile-1');
  });
});

describe('expires_in out of range is clamped (a refused grant could lose a rotated refresh token)', () => {
  it.each([
    [1e308, 365 * 24 * 3600],
    [-5, 1],
    [0, 1],
    [0.5, 1],
    [3600, 3600],
    [365 * 24 * 3600 + 1, 365 * 24 * 3600],
  ])('expires_in %p becomes %p seconds', async (value, expected) => {
    handlers = [
      (_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(grant({ expires_in: value })),
    ];
    expect((await client().refresh('refresh-4')).expiresInSeconds).toBe(expected);
  });

  it('expires_in 1e999 (Infinity once parsed), a string or null counts as absent: 3600', () => {
    expect(lifetimeSeconds(JSON.parse('1e999'))).toBe(3600);
    expect(lifetimeSeconds('60')).toBe(3600);
    expect(lifetimeSeconds(null)).toBe(3600);
    expect(lifetimeSeconds(Number.NaN)).toBe(3600);
  });
});

describe('Retry-After as an HTTP date', () => {
  it('waits until the date, then retries', async () => {
    const waits: number[] = [];
    // HTTP dates have whole seconds: 3 s ahead is between 2 and 3 s from now.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 3000).toUTCString();
    handlers = [
      (_, res) => res.writeHead(429, { 'retry-after': at }).end('{"error":"rate"}'),
      (_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(grant()),
    ];
    const before = requests;
    const started = performance.now();
    await client({ log: recordWaits(waits) }).refresh('refresh-5');
    const elapsed = performance.now() - started;
    expect(requests - before).toBe(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(1_000);
    expect(waits[0]).toBeLessThanOrEqual(3_000);
    expect(elapsed).toBeGreaterThanOrEqual(waits[0]! - 5);
  });

  it('does not wait for a date beyond the bound: RATE_LIMITED at once', async () => {
    const at = new Date(Date.now() + 3_600_000).toUTCString();
    handlers = [(_, res) => res.writeHead(429, { 'retry-after': at }).end('{"error":"rate"}')];
    const before = requests;
    const started = performance.now();
    const error = await rejection(client().refresh('refresh-6'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(requests - before).toBe(1);
    expect(performance.now() - started).toBeLessThan(DEFAULT_RETRY.maxRetryAfterMs);
  });

  it('a date in the past is retried at once', async () => {
    handlers = [
      (_, res) => res.writeHead(429, { 'retry-after': 'Thu, 01 Jan 2015 00:00:00 GMT' }).end(''),
      (_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(grant()),
    ];
    const started = performance.now();
    await client().refresh('refresh-7');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('a request never blocks longer than retry.ts says', () => {
  // attempts × timeout + the backoff waits between them, here with a 300 ms timeout and the
  // default policy's backoff scaled down tenfold (25 + 50 + 100 ms), so the test stays short.
  const timeoutMs = 300;
  const retry = {
    ...DEFAULT_RETRY,
    baseDelayMs: DEFAULT_RETRY.baseDelayMs / 10,
    maxDelayMs: DEFAULT_RETRY.maxDelayMs / 10,
  };
  const bound = DEFAULT_RETRY.attempts * timeoutMs + 25 + 50 + 100;

  it.each([
    ['a server that never answers', (_: IncomingMessage, res: ServerResponse) => void res.socket?.setTimeout(0)],
    [
      'a server that drips its body a byte every 50 ms',
      (_: IncomingMessage, res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 50);
      },
    ],
  ])('%s: NETWORK_ERROR within attempts × timeout + backoff', async (_, handler) => {
    handlers = Array.from({ length: DEFAULT_RETRY.attempts }, () => handler);
    const before = requests;
    const started = performance.now();
    const error = await rejection(client({ timeoutMs, retry }).refresh('refresh-8'));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('NETWORK_ERROR');
    expect(requests - before).toBe(DEFAULT_RETRY.attempts);
    expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_RETRY.attempts * timeoutMs - 5);
    expect(elapsed).toBeLessThan(bound + 500);
  });
});
