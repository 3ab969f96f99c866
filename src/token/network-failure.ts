import { TokenError } from '../core/errors.js';

/** Failures to connect to a proxy at all: every connection goes to the proxy, so these are its. */
const PROXY_UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** Node's codes for a certificate chain that ends nowhere this process trusts. */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

const TRUST_HINT =
  'set NODE_EXTRA_CA_CERTS to a PEM file with the certificate of the authority that signed it ' +
  "(behind a proxy that inspects TLS, your organisation's root certificate)";

/**
 * A request that got no answer, in words that say where it failed: the proxy (named as
 * scheme://host:port only), the certificate, or the host. Certificates are never skipped: an
 * untrusted one is reported with what to trust instead.
 */
export function describeNetworkFailure(target: URL, error: unknown, proxy?: string): TokenError {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  const message = error instanceof Error ? error.message : '';
  // got's error holds the request's options, the proxy's URL (and any password in it) among them.
  const cause = proxy ? Object.assign(new Error(message), { code }) : error;
  const fail = (text: string) => new TokenError('NETWORK_ERROR', text, { cause });
  const via = proxy ? ` through the proxy ${proxy}` : '';
  if (proxy) {
    // hpagent's words for a CONNECT answered with anything but 200.
    const status = /^Bad response: (\d{3})$/.exec(message)?.[1];
    if (status) {
      const hint = status === '407' ? '; put the credentials in the proxy URL (http://user:password@host:port)' : '';
      const where = `${target.hostname}:${target.port || '443'}`;
      return fail(`The proxy ${proxy} refused the connection to ${where} (${status})${hint}`);
    }
    if (code && PROXY_UNREACHABLE[code]) return fail(`Could not reach the proxy ${proxy} (${PROXY_UNREACHABLE[code]})`);
  }
  if (code && UNTRUSTED.has(code))
    return fail(`Could not connect securely to ${target.host}${via}: certificate not trusted (${code}); ${TRUST_HINT}`);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return fail(`Could not connect securely to ${target.host}${via}: its certificate is for another host`);
  if (code === 'CERT_HAS_EXPIRED')
    return fail(`Could not connect securely to ${target.host}${via}: its certificate has expired`);
  return fail(`Could not reach ${target.host}${via} (${code ?? 'request failed'})`);
}
