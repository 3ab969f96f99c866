// The first callback of a fresh `pytify-auth` process, timed from the browser's side: from sending
// GET /callback to the page's end, with the browser approving after the server's keep-alive idle
// limit (Node's 5 s) has passed, over http and over TLS. Its floor: a bare node:http(s) client
// sending the same two requests (POST /api/token with a real code, GET /v1/me) to the same local
// Spotify in the same run, each on a new connection, in this (warm) process.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLIENT_ID, sleep } from './lib.mjs';

/** Past Node's http server keepAliveTimeout (5 s): a connection opened at the URL is closed by now. */
const APPROVE_AFTER_MS = 5500;
const REDIRECT = 'http://127.0.0.1/callback';

/** A self-signed certificate for 127.0.0.1 (openssl), as __tests__/helpers/tls.ts makes it. */
export async function benchCertificate(dir) {
  await mkdir(dir, { recursive: true });
  const [keyFile, certFile] = [join(dir, 'k.pem'), join(dir, 'c.pem')];
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', keyFile, '-out', certFile],
    ],
    { stdio: 'ignore' },
  );
  return { certFile, cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
}

/** One request on a new connection; resolves at the answer's end. */
function call(url, { method = 'GET', headers = {}, body, ca } = {}) {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method, headers, agent: false, ca }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, body: text, location: response.headers.location }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The browser's part of the consent: the page, then "approve"; returns the callback URL. */
async function approve(authorizeUrl, ca) {
  const page = await call(authorizeUrl, { ca });
  const request = /name="request" value="([^"]+)"/.exec(page.body)?.[1];
  if (!request) throw new Error(`first callback: no consent page (${page.status})`);
  const form = new URLSearchParams({ request, decision: 'approve' }).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const answer = await call(new URL('/authorize/decision', authorizeUrl).href, {
    method: 'POST',
    headers,
    body: form,
    ca,
  });
  if (!answer.location) throw new Error(`first callback: the decision was answered ${answer.status}`);
  return answer.location;
}

/** The floor: a code got as the login gets it, then the exchange and /me as a bare client sends them. */
async function bareClient(spotify, ca) {
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(spotify.authUrl);
  authorize.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: 'http://127.0.0.1:9/callback',
    state: 'bench',
    scope: 'user-read-private',
    code_challenge_method: 'S256',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
  }).toString();
  const code = new URL(await approve(authorize.href, ca)).searchParams.get('code');
  const started = performance.now();
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: 'http://127.0.0.1:9/callback',
    client_id: CLIENT_ID,
    code_verifier: verifier,
  }).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const grant = await call(spotify.tokenUrl, { method: 'POST', headers, body: form, ca });
  const token = JSON.parse(grant.body).access_token;
  const me = await call(`${spotify.apiUrl}/me`, { headers: { authorization: `Bearer ${token}` }, ca });
  if (grant.status !== 200 || me.status !== 200) throw new Error(`bare client: ${grant.status}, ${me.status}`);
  return performance.now() - started;
}

/** A fresh `pytify-auth --no-browser` (plain runner): its URL, a wait, the approval, the callback. */
async function oneLogin(ctx, spotify, dir, extraEnv) {
  await mkdir(dir, { recursive: true });
  const config = {
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
  };
  await writeFile(join(dir, '.spotifyrc'), JSON.stringify(config));
  const child = spawn(ctx.node, [ctx.cli, '--no-browser', '--token-file', join(dir, '.pytify')], {
    cwd: dir,
    env: ctx.env(dir, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`first callback: no URL in ${output.slice(-800)}`)), 20_000);
    const look = (chunk) => {
      output += chunk;
      const found = /(https?:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/.exec(output)?.[1];
      if (!found) return;
      clearTimeout(timer);
      resolve(found);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
  });
  await sleep(APPROVE_AFTER_MS);
  const callbackUrl = await approve(url, extraEnv.NODE_EXTRA_CA_CERTS ? spotify.ca : undefined);
  const started = performance.now();
  const page = await call(callbackUrl);
  const ms = performance.now() - started;
  const code = await exited;
  if (page.status !== 200 || code !== 0)
    throw new Error(`first callback: page ${page.status}, exit ${code}: ${output.slice(-800)}`);
  return ms;
}

/** `spotifies`: { http, tls } local Spotifys (tls with `ca`); `tlsEnv` trusts its certificate. */
export async function firstCallback(ctx, spotifies, tlsEnv) {
  const result = {};
  for (const [scheme, spotify, env] of [
    ['http', spotifies.http, {}],
    ['tls', spotifies.tls, tlsEnv],
  ]) {
    const app = [];
    const bare = [];
    for (let run = 0; run < ctx.plan.firstCallbackRuns; run += 1) {
      app.push(await oneLogin(ctx, spotify, join(ctx.work, `first-${scheme}-${run}`), env));
      bare.push(await bareClient(spotify, spotify.ca));
    }
    result[scheme] = { app, bare };
  }
  return result;
}
