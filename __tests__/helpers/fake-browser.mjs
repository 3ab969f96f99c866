#!/usr/bin/env node
// A stand-in for the user's browser in end-to-end tests, used as `$BROWSER <authorize URL>`.
//
// The tool may wait for `$BROWSER` to exit, and the callback it answers only arrives after the
// tool has exchanged the code: so this process starts a detached copy of itself (`--run`) that
// does the browsing, and exits at once.
//
// --run: GET the authorize URL; on the consent page POST decision=approve (or deny when
// FAKE_BROWSER_DECISION=deny) with the page's hidden `request` id; read the 302 Location without
// following it; GET that callback URL. When FAKE_BROWSER_LOG is set, append one JSON line
// {authorizeStatus, location, callbackStatus, callbackHtml[, error, authorizeHtml]} to it.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

if (process.argv[2] !== '--run') {
  const url = process.argv[2];
  if (!url) {
    console.error('usage: fake-browser.mjs <authorize URL>');
    process.exit(2);
  }
  spawn(process.execPath, [self, '--run', url], { detached: true, stdio: 'ignore' }).unref();
  process.exit(0);
}

const timeoutMs = Number(process.env.FAKE_BROWSER_TIMEOUT_MS) || 60_000;
const signal = AbortSignal.timeout(timeoutMs);

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (text) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);

/** The value of attribute `name` in the first tag matching `tagPattern`, in any attribute order. */
function attribute(html, tagPattern, name) {
  const tag = html.match(tagPattern)?.[0];
  const value = tag?.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  return value === undefined ? undefined : unescape(value);
}

async function browse(authorizeUrl, entry) {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual', signal });
  entry.authorizeStatus = authorize.status;
  let location = authorize.headers.get('location');
  if (authorize.status === 200) {
    // A consent page: answer it as a user would.
    const page = await authorize.text();
    const request = attribute(page, /<input[^>]*\sname="request"[^>]*>/, 'value');
    if (request === undefined) throw new Error('the authorize page has no hidden request id');
    const action = new URL(attribute(page, /<form[^>]*>/, 'action') ?? '/authorize/decision', authorizeUrl);
    const decision = process.env.FAKE_BROWSER_DECISION === 'deny' ? 'deny' : 'approve';
    const answer = await fetch(action, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ request, decision }),
      signal,
    });
    location = answer.headers.get('location');
    if (!location) throw new Error(`the decision was answered ${answer.status} without a redirect`);
  } else if (!location) {
    entry.authorizeHtml = await authorize.text();
    throw new Error(`the authorize URL was answered ${authorize.status}`);
  }
  entry.location = new URL(location, authorizeUrl).toString();
  const callback = await fetch(entry.location, { redirect: 'manual', signal });
  entry.callbackStatus = callback.status;
  entry.callbackHtml = await callback.text();
}

const entry = { authorizeStatus: null, location: null, callbackStatus: null, callbackHtml: null };
try {
  await browse(process.argv[3] ?? '', entry);
} catch (error) {
  entry.error =
    error instanceof Error
      ? `${error.message}${error.cause ? ` (${error.cause.message ?? error.cause})` : ''}`
      : String(error);
}
if (process.env.FAKE_BROWSER_LOG) appendFileSync(process.env.FAKE_BROWSER_LOG, `${JSON.stringify(entry)}\n`);
