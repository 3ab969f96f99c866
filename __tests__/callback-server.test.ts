import { afterEach, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { startCallbackServer, type CallbackServer } from '../src/listener/callback-server.js';
import type { CallbackPage } from '../src/listener/callback-page.js';
import { PortInUseError } from '../src/core/errors.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so the test controls the method and the Host header exactly. */
function send(
  port: number,
  path: string,
  init: { method?: string; host?: string; hostname?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: init.hostname ?? '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: { host: init.host ?? `127.0.0.1:${port}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let server: CallbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function listen(onCallback: (query: URLSearchParams) => Promise<CallbackPage>, host = '127.0.0.1') {
  return startCallbackServer({ host, port: 0, path: '/callback', onCallback }).then((started) => (server = started));
}

describe('callback listener on a real socket', () => {
  it('warms up with one request in memory: never the flow, never the debug log, nothing on the socket', async () => {
    const seen: string[] = [];
    const logged: string[] = [];
    const started = await startCallbackServer({
      host: '127.0.0.1',
      port: 0,
      path: '/callback',
      onCallback: async (query) => (seen.push(query.toString()), { kind: 'expired' }),
      log: (event, details) => logged.push(`${event} ${JSON.stringify(details)}`),
    });
    server = started;
    started.warmUp!();
    started.warmUp!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect({ seen, logged }).toEqual({ seen: [], logged: [] });
    const answer = await send(started.port, '/callback?code=c&state=s');
    expect(answer.status).toBe(410);
    expect(seen).toEqual(['code=c&state=s']);
    expect(logged).toHaveLength(1);
  });

  it('hands GET /callback queries to the flow and sends the page it decides', async () => {
    const seen: string[] = [];
    const { port } = await listen(async (query) => {
      seen.push(query.toString());
      return { kind: 'success', account: { displayName: 'Ada', id: 'ada' } };
    });
    const answer = await send(port, '/callback?code=c&state=s');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Ada');
    expect(seen).toEqual(['code=c&state=s']);
  });

  it.each([
    ['another path', 'GET', '/', 404],
    ['a favicon', 'GET', '/favicon.ico', 404],
    ['a longer path', 'GET', '/callback/x?code=c', 404],
    ['POST on the path', 'POST', '/callback?code=c&state=s', 405],
    ['HEAD on the path', 'HEAD', '/callback?code=c&state=s', 405],
  ])('answers %s with %d and never calls the flow', async (_name, method, path, status) => {
    let calls = 0;
    const { port } = await listen(async () => {
      calls += 1;
      return { kind: 'not-found' };
    });
    const answer = await send(port, path, { method });
    expect(answer.status).toBe(status);
    expect(calls).toBe(0);
  });

  it('rejects a Host header that is not the redirect URI host (DNS rebinding)', async () => {
    let calls = 0;
    const { port } = await listen(async () => {
      calls += 1;
      return { kind: 'not-found' };
    });
    const answer = await send(port, '/callback?code=c&state=s', { host: `evil.example:${port}` });
    expect(answer.status).toBe(400);
    expect(calls).toBe(0);
  });

  it('sends headers that keep the code out of caches and referrers', async () => {
    const { port } = await listen(async () => ({ kind: 'declined' }));
    const { headers } = await send(port, '/callback?error=access_denied&state=s');
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('binds the loopback address only', async () => {
    const started = await listen(async () => ({ kind: 'not-found' }));
    expect(started.host).toBe('127.0.0.1');
    // The same port on another loopback address is not ours: nothing answers there.
    await expect(send(started.port, '/callback', { hostname: '127.0.0.2' })).rejects.toThrow();
  });

  it('works on the IPv6 loopback', async () => {
    const { port } = await listen(async () => ({ kind: 'declined' }), '::1');
    const answer = await send(port, '/callback?x=1', { hostname: '::1', host: `[::1]:${port}` });
    expect(answer.status).toBe(200);
  });

  it('reports a busy port as PortInUseError with the port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const attempt = startCallbackServer({
        host: '127.0.0.1',
        port,
        path: '/callback',
        onCallback: async () => ({ kind: 'not-found' }),
      });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toMatchObject({ code: 'PORT_IN_USE', port });
    } finally {
      blocker.close();
    }
  });

  it('frees the port on close', async () => {
    const { port } = await listen(async () => ({ kind: 'not-found' }));
    await server!.close();
    server = await startCallbackServer({
      host: '127.0.0.1',
      port,
      path: '/callback',
      onCallback: async () => ({ kind: 'not-found' }),
    });
    expect(server.port).toBe(port);
  });
});
