import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * A real, headless Debian chromium for tests: started by the test itself with the flags that work
 * on CI machines (see TOOLCHAIN.md), driven over CDP with playwright-core. Never downloads a
 * browser: a missing chromium is a failure that says how to install it, never a skipped test.
 */
export const CHROMIUM_PATH = process.env.PYTIFY_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox', // root in CI containers: chromium's sandbox refuses to start as root
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

export const VIEWPORTS = {
  desktop: { width: 1024, height: 768 },
  phone: { width: 360, height: 740 },
  narrowest: { width: 320, height: 640 },
} as const;

export interface Chromium {
  readonly browser: Browser;
  readonly context: BrowserContext;
  close(): Promise<void>;
}

function devtoolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let stderr = '';
    const onData = (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (match) {
        child.stderr?.off('data', onData);
        child.stderr?.resume(); // keep draining chromium's chatter so it never blocks
        resolvePromise(match[1]!);
      }
    };
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`chromium exited with code ${code} before DevTools was ready:\n${stderr.slice(-2000)}`)),
    );
  });
}

export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No chromium at ${CHROMIUM_PATH}: the real-browser tests need Debian's chromium. ` +
        'Install it with "apt-get install -y chromium" (.ci/run does), or set PYTIFY_CHROMIUM to its path.',
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'pytify-chromium-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const browser = await chromium.connectOverCDP(await devtoolsEndpoint(child));
    const context = browser.contexts()[0]!;
    return {
      browser,
      context,
      async close() {
        await browser.close().catch(() => undefined);
        if (child.exitCode === null) child.kill();
        await exited;
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill();
    await exited;
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** What a page did besides rendering: every request it made and every console error. */
export interface PageRecord {
  readonly requests: string[];
  readonly consoleErrors: string[];
  /** Navigations and the HTTP status the document came with. */
  readonly documents: Array<{ url: string; status: number }>;
}

/**
 * Records from now on. Chromium logs a console error for any document that arrives with an error
 * status ("Failed to load resource: … 500"); the pages' statuses are deliberate (and asserted
 * where they matter), so that note — for that document and status only — is not a page error.
 */
export function recordPage(page: Page): PageRecord {
  const record: PageRecord = { requests: [], consoleErrors: [], documents: [] };
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('response', (response) => {
    if (response.request().isNavigationRequest())
      record.documents.push({ url: response.url(), status: response.status() });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const statusNote = record.documents.some(
      ({ url, status }) =>
        status >= 400 &&
        url === message.location().url &&
        text.startsWith(`Failed to load resource: the server responded with a status of ${status} `),
    );
    if (!statusNote) record.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => record.consoleErrors.push(`pageerror: ${error.message}`));
  return record;
}

/** Requests that left this computer: anything not to a loopback literal. */
export function externalRequests(record: PageRecord): string[] {
  return record.requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return !(protocol === 'http:' && (hostname === '127.0.0.1' || hostname === '[::1]'));
  });
}

/**
 * A full-page picture in artifacts/screenshots/. Scrollbars are hidden while it is taken: phones
 * overlay theirs, and a desktop scrollbar would only cut a strip off the picture.
 */
export async function picture(
  page: Page,
  file: string,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  const path = join(SCREENSHOT_DIR, file);
  try {
    await cdp.send('Emulation.setScrollbarsHidden', { hidden: true });
    await page.screenshot({ path, fullPage: true, ...(clip ? { clip } : {}) });
  } finally {
    await cdp.send('Emulation.setScrollbarsHidden', { hidden: false });
    await cdp.detach();
  }
  return path;
}

/**
 * Pictures of the page as it is now (no reload): desktop and phone, light and (phone) dark, and the
 * card with a margin around it at desktop width, light (the README's picture). Returns the files.
 */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  const shots: Array<[string, keyof typeof VIEWPORTS, 'light' | 'dark']> = [
    [`${name}-desktop.png`, 'desktop', 'light'],
    [`${name}-phone.png`, 'phone', 'light'],
    [`${name}-phone-dark.png`, 'phone', 'dark'],
  ];
  const written: string[] = [];
  for (const [file, viewport, colorScheme] of shots) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await page.emulateMedia({ colorScheme });
    written.push(await picture(page, file));
  }
  await page.setViewportSize(VIEWPORTS.desktop);
  await page.emulateMedia({ colorScheme: 'light' });
  const card = await page.locator('main').boundingBox();
  if (!card) throw new Error(`${name}: the page has no <main> to picture`);
  const margin = 32;
  const clip = {
    x: card.x - margin,
    y: Math.max(0, card.y - margin),
    width: card.width + 2 * margin,
    height: card.height + 2 * margin,
  };
  written.push(await picture(page, `${name}-card.png`, clip));
  return written;
}
