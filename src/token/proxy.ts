import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import type { Agents, RequestFunction } from 'got';
import { TokenError } from '../core/errors.js';
import { bypassesProxy } from './no-proxy.js';

/** How requests leave this process: the proxy settings and the certificates trusted. */
export interface NetworkOptions {
  /** Where HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY (either case) are read; process.env by default. */
  env?: Record<string, string | undefined>;
  /** PEM certificates trusted instead of Node's list (got's `https.certificateAuthority`). */
  certificateAuthority?: string | Buffer;
}

export interface ProxyChoice {
  url: URL;
  /** scheme://host:port and nothing else: the only form of a proxy ever printed or logged. */
  shown: string;
}

const defaultPort = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

/**
 * The proxy for `target`, read as curl and Python's requests read the environment: the lower-case
 * name first, then the upper-case one, then ALL_PROXY; none for a host NO_PROXY lists. Upper-case
 * HTTP_PROXY is ignored under CGI (REQUEST_METHOD set), where a client's `Proxy:` header lands in it.
 */
export function proxyFor(target: URL, env: Record<string, string | undefined>): ProxyChoice | undefined {
  const scheme = target.protocol === 'https:' ? 'https' : 'http';
  const upper = scheme === 'http' && env.REQUEST_METHOD ? [] : [`${scheme.toUpperCase()}_PROXY`];
  const variable = [`${scheme}_proxy`, ...upper, 'all_proxy', 'ALL_PROXY'].find((name) => env[name]?.trim());
  if (!variable || bypassesProxy(target, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined;
  const raw = env[variable]!.trim();
  let url: URL;
  try {
    // A bare host:port means an http proxy, as in curl and requests.
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    // The value itself is not repeated: it may hold a password.
    throw new TokenError('NETWORK_ERROR', `${variable} is not a proxy URL (expected http://host:port)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const kind = url.protocol.slice(0, -1);
    throw new TokenError('NETWORK_ERROR', `${variable} names a ${kind} proxy; only http:// and https:// proxies work`);
  }
  return { url, shown: `${url.protocol}//${url.hostname}:${defaultPort(url)}` };
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const pair = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(pair).toString('base64')}` };
}

/** The user, the password and the Basic pair a proxy is sent. */
function proxySecrets(proxy: URL): string[] {
  if (!proxy.username && !proxy.password) return [];
  const [user, password] = [decodeURIComponent(proxy.username), decodeURIComponent(proxy.password)];
  return [user, password, Buffer.from(`${user}:${password}`).toString('base64')];
}

/**
 * Plain http goes to the proxy as one request naming the full URL, as curl and requests send it.
 * hpagent's HttpProxyAgent would open a CONNECT tunnel instead, which proxies commonly refuse for
 * ports other than 443 (Debian's tinyproxy answers it 403).
 */
function forwardThrough(proxy: URL, send: typeof httpRequest): RequestFunction {
  return (url, options, callback) =>
    send(
      {
        ...(options as RequestOptions),
        // A connection of its own: proxies close theirs after an answer, and a kept one raced
        // that close (ECONNRESET on the next request).
        agent: false,
        hostname: proxy.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: defaultPort(proxy),
        path: url.href,
        headers: { ...options.headers, host: url.host, ...proxyAuthorization(proxy) },
      },
      callback as ((response: IncomingMessage) => void) | undefined,
    ) as ClientRequest;
}

export interface Transport {
  /** got options for one request: the agent or request function of the proxy, and the CA. */
  options: { agent?: Agents; request?: RequestFunction; https?: { certificateAuthority: string | Buffer } };
  /** The proxy in use, as shown (scheme://host:port). */
  proxy?: string;
  /** The proxy's credentials: an answer that quotes them is scrubbed of them (token-errors.ts). */
  secrets: string[];
  close(): void;
}

/** What got needs to send to `target` as the environment says: https through a CONNECT tunnel. */
export async function transportFor(target: URL, network: NetworkOptions = {}): Promise<Transport> {
  const ca = network.certificateAuthority;
  const https = ca === undefined ? {} : { https: { certificateAuthority: ca } };
  const choice = proxyFor(target, network.env ?? process.env);
  if (!choice) return { options: https, secrets: [], close: () => undefined };
  const secrets = proxySecrets(choice.url);
  if (target.protocol !== 'https:')
    return {
      // node:https only for a proxy that speaks it: it costs about 5 ms to load.
      options: {
        ...https,
        request: forwardThrough(
          choice.url,
          choice.url.protocol === 'https:' ? (await import('node:https')).request : httpRequest,
        ),
      },
      proxy: choice.shown,
      secrets,
      close: () => undefined,
    };
  const { HttpsProxyAgent } = await import('hpagent');
  // No keep-alive: a tunnel left open would keep a finished command from exiting.
  const agent = new HttpsProxyAgent({ proxy: choice.url, keepAlive: false });
  return { options: { ...https, agent: { https: agent } }, proxy: choice.shown, secrets, close: () => agent.destroy() };
}
