import { Agent as HttpAgent, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { DebugLog } from '../core/debug-log.js';
import { proxyFor, type NetworkOptions } from './proxy.js';

/**
 * How often a warm connection is replaced while the user is in the browser: below the idle limit
 * of the server (Node's http server closes an idle connection after 5 s; Spotify's is not
 * published), so the exchange never goes out on a socket the server is closing. A code sent on
 * such a socket is reset and cannot be sent again (it is single-use).
 */
export const WARM_INTERVAL_MS = 4000;

export interface ConnectionPool {
  /** For got's `agent`: requests take a warm connection to their host if one is open. */
  agents: { http: HttpAgent; https: HttpsAgent };
  /**
   * Opens one connection (DNS, TCP, TLS; no request, not a byte of HTTP) to each host of `urls`,
   * replaced every `intervalMs`, until the returned stop(), which also closes the unused ones.
   * A host reached through a proxy is not warmed: its requests never use these agents.
   */
  warm(urls: string[]): () => void;
}

interface Warm {
  socket: Socket;
  alive: boolean;
  forget(): void;
}

const hostOf = (host: string) => host.replace(/^\[(.*)\]$/, '$1');
const keyOf = (https: boolean, host: string, port: unknown) =>
  `${https ? 'https' : 'http'}://${hostOf(host)}:${Number(port) || (https ? 443 : 80)}`;

/** A bad proxy setting is reported by the request itself; the warm-up just stays away. */
function viaProxy(url: URL, network: NetworkOptions): boolean {
  try {
    return proxyFor(url, network.env ?? process.env) !== undefined;
  } catch {
    return true;
  }
}

export function createConnectionPool(
  network: NetworkOptions,
  options: { intervalMs?: number; log?: DebugLog } = {},
): ConnectionPool {
  const intervalMs = options.intervalMs ?? WARM_INTERVAL_MS;
  const log = options.log ?? (() => undefined);
  const warm = new Map<string, Warm>();

  /** The warm connection for `key`, handed over to the agent (which then owns and reuses it). */
  function take(key: string): Socket | undefined {
    const entry = warm.get(key);
    if (!entry) return undefined;
    warm.delete(key);
    entry.forget();
    if (!entry.alive) {
      entry.socket.destroy();
      return undefined;
    }
    log('warm-up', { host: key, event: 'used' });
    return entry.socket.ref();
  }

  function open(key: string, url: URL): void {
    const https = url.protocol === 'https:';
    const host = hostOf(url.hostname);
    const port = Number(url.port) || (https ? 443 : 80);
    const socket = https
      ? tlsConnect({
          host,
          port,
          servername: isIP(host) ? undefined : host,
          ca: network.certificateAuthority,
          ALPNProtocols: ['http/1.1'],
        })
      : netConnect({ host, port });
    // Nothing but a connection waits here: it must not keep a finished command running.
    socket.unref();
    const entry: Warm = { socket, alive: true, forget: () => undefined };
    const dead = (error?: Error) => {
      entry.alive = false;
      if (warm.get(key) === entry) warm.delete(key);
      if (error) log('warm-up', { host: key, event: 'failed', error: error.message });
      socket.destroy();
    };
    const ended = () => dead();
    socket.on('error', dead).on('end', ended).on('close', ended);
    entry.forget = () => socket.off('error', dead).off('end', ended).off('close', ended);
    warm.get(key)?.socket.destroy();
    warm.set(key, entry);
    log('warm-up', { host: key, event: 'open' });
  }

  const handOut =
    (https: boolean, fallback: (o: ClientRequestArgs, cb?: (e: Error | null, s: Duplex) => void) => unknown) =>
    (o: ClientRequestArgs, cb?: (e: Error | null, s: Duplex) => void) =>
      (take(keyOf(https, o.host ?? o.hostname ?? 'localhost', o.port)) ?? fallback(o, cb)) as Duplex;

  const http = new HttpAgent({ keepAlive: true });
  const httpsAgent = new HttpsAgent({ keepAlive: true });
  http.createConnection = handOut(false, http.createConnection.bind(http));
  httpsAgent.createConnection = handOut(true, httpsAgent.createConnection.bind(httpsAgent));

  function warmUp(urls: string[]): () => void {
    const targets = new Map<string, URL>();
    for (const raw of urls) {
      const url = new URL(raw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      if (viaProxy(url, network)) continue;
      targets.set(keyOf(url.protocol === 'https:', url.hostname, url.port), url);
    }
    const reopen = () => targets.forEach((url, key) => open(key, url));
    reopen();
    const timer = setInterval(reopen, intervalMs).unref();
    return () => {
      clearInterval(timer);
      for (const key of targets.keys()) {
        const entry = warm.get(key);
        warm.delete(key);
        entry?.socket.destroy();
      }
      // The connections the exchange and /me used: idle now, and nothing else will ask for them.
      http.destroy();
      httpsAgent.destroy();
    };
  }

  return { agents: { http, https: httpsAgent }, warm: warmUp };
}
