import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NO_RETRY } from '../src/token/retry.js';
import { createTokenClient } from '../src/token/token-client.js';

// A proxy that quotes back the credentials it was sent (in its error page, as some do): the error
// the token client reports holds neither the password nor the Basic pair, whole or encoded.
const USER = 'proxy-user-4d2a';
const PASSWORD = 'pr0xy/pa55+word=9c1b';
let proxy: Server;
let port: number;

beforeAll(async () => {
  proxy = createServer((request, response) => {
    const header = request.headers['proxy-authorization'] ?? '';
    const pair = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`upstream failed for ${header} (${pair}, ${encodeURIComponent(PASSWORD)})`);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  port = (proxy.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

describe('a proxy that echoes its credentials', () => {
  it('leaves them out of the error', async () => {
    const client = createTokenClient({
      tokenUrl: 'http://127.0.0.1:9/api/token',
      apiUrl: 'http://127.0.0.1:9/v1',
      clientId: 'proxy-app',
      retry: NO_RETRY,
      env: { http_proxy: `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}` },
    });
    const error = (await client.refresh('AQBrefresh-token-0123456789abcdef').catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('HTTP 502');
    expect(error.message).toContain('[redacted]');
    const basic = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), basic, USER])
      expect(error.message).not.toContain(secret);
  });
});
