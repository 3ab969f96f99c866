import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { CallbackPage } from '../src/listener/callback-page.js';
import { startCallbackServer, type CallbackServer } from '../src/listener/callback-server.js';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { bodyBackground, contrastProblems, documentLang, horizontalOverflow } from './helpers/chromium-checks.js';
import { VIEWPORTS, externalRequests, launchChromium, picture, recordPage, type Chromium } from './helpers/chromium.js';

// Every page a browser can get from pytify-auth, served with its real headers (CSP included) and
// checked as rendered: readable at 320 px, a heading in the accessibility tree, contrast in light
// and dark, nothing loaded from anywhere, no console errors (a CSP violation would be one).
const PAGES: Record<string, CallbackPage> = {
  success: {
    kind: 'success',
    account: { displayName: 'Ada Lovelace-Byron of a Very Long Name', id: 'ada-lovelace-0123456789abcdefghij' },
  },
  declined: { kind: 'declined' },
  error: { kind: 'error', message: "Spotify rejected the app's credentials: Invalid client (invalid_client)" },
  'invalid-state': { kind: 'invalid-state' },
  'already-completed': { kind: 'already-completed' },
  expired: { kind: 'expired' },
  'not-found': { kind: 'not-found' },
  'bad-host': { kind: 'bad-host' },
  'method-not-allowed': { kind: 'method-not-allowed' },
};

let browser: Chromium;
let listener: CallbackServer;
let spotify: FakeSpotify;

beforeAll(async () => {
  browser = await launchChromium(); // first: without chromium nothing else is started
  [listener, spotify] = await Promise.all([
    startCallbackServer({
      host: '127.0.0.1',
      port: 0,
      path: '/callback',
      onCallback: async (query) => PAGES[query.get('page') ?? '']!,
    }),
    startFakeSpotify({
      clients: [
        {
          clientId: 'named0123456789abcdef0123456789ab',
          name: 'Terminal Player',
          redirectUris: ['http://127.0.0.1/callback'],
        },
        { clientId: '0123456789abcdef0123456789abcdef', redirectUris: ['http://127.0.0.1/callback'] },
      ],
      user: { displayName: 'Ada Lovelace', id: 'ada-lovelace' },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([listener?.close(), spotify?.close()]);
  await browser?.close();
});

/** Loads a URL at the narrowest width, checks everything a page of ours must satisfy, saves a picture. */
async function checkPage(url: string, name: string): Promise<Page> {
  const page = await browser.context.newPage();
  const record = recordPage(page);
  await page.setViewportSize(VIEWPORTS.narrowest);
  await page.goto(url);

  expect(await documentLang(page)).toBe('en');
  expect(await page.ariaSnapshot()).toMatch(/^- main:\n(.*\n)*? {2}- heading "[^"]+" \[level=1\]/m);
  expect(await page.locator('h1').count()).toBe(1);
  expect(await horizontalOverflow(page)).toBe(0);
  expect(await contrastProblems(page)).toEqual([]);
  const light = await bodyBackground(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bodyBackground(page)).not.toBe(light);
  expect(await contrastProblems(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  expect(record.consoleErrors).toEqual([]);
  expect(externalRequests(record)).toEqual([]);
  expect(record.requests).toEqual([url]); // nothing but the document itself: no icons, fonts, images
  await picture(page, `narrowest-${name}.png`);
  return page;
}

describe("the callback listener's pages in chromium", () => {
  it.each(Object.keys(PAGES))('%s page', async (name) => {
    const page = await checkPage(`http://127.0.0.1:${listener.port}/callback?page=${name}`, name);
    await page.close();
  });
});

describe("the demo Spotify's pages in chromium", () => {
  const authorize = (clientId: string) => {
    const url = new URL(spotify.authUrl);
    url.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: `http://127.0.0.1:${listener.port}/callback`,
      scope: 'user-read-private user-modify-playback-state',
      code_challenge_method: 'S256',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      state: 'xyz',
    }).toString();
    return url.toString();
  };

  it('approve page of a named app: the app, the account and two buttons in the accessibility tree', async () => {
    const page = await checkPage(authorize('named0123456789abcdef0123456789ab'), 'demo-approve-named');
    const tree = await page.ariaSnapshot();
    expect(tree).toContain('Terminal Player');
    expect(tree).toContain('Ada Lovelace');
    expect(tree).toMatch(/- button "Agree"/);
    expect(tree).toMatch(/- button "Cancel"/);
    await page.close();
  });

  it('approve page of an app without a name', async () => {
    const page = await checkPage(authorize('0123456789abcdef0123456789abcdef'), 'demo-approve');
    expect(await page.ariaSnapshot()).toMatch(/- button "Agree"/);
    await page.close();
  });

  it('error page for a bad request', async () => {
    const page = await checkPage(authorize('unknown-client'), 'demo-error');
    expect(await page.locator('main').innerText()).toContain('INVALID_CLIENT');
    await page.close();
  });
});
