import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { bodyBackground, contrastProblems, documentLang } from './helpers/chromium-checks.js';
import { HANDOFF_BROWSER, startHandoff, urlOpenedBy, type Handoff } from './helpers/chromium-login.js';
import {
  externalRequests,
  launchChromium,
  recordPage,
  screenshots,
  type Chromium,
  type PageRecord,
} from './helpers/chromium.js';
import { startCli, startSpotify, tempDir, writeConfig, type RunningCli } from './helpers/e2e.js';

// The whole login as a user sees it: the built CLI opens `$BROWSER`, a real headless chromium
// shows the approve page, the test clicks like a person, and the last page is checked as rendered.
let browser: Chromium;
let handoff: Handoff;
const running: RunningCli[] = [];
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium(); // first: without chromium nothing else is started
  handoff = await startHandoff();
});
afterAll(async () => {
  await handoff?.close();
  await browser?.close();
});
afterEach(async () => {
  for (const cli of running.splice(0)) cli.kill();
  for (const page of pages.splice(0)) await page.close();
});

interface Login {
  cli: RunningCli;
  page: Page;
  record: PageRecord;
  tokenFile: string;
}

/** Starts the CLI without a terminal and opens the URL it hands `$BROWSER` in a recorded page. */
async function startLogin(args: string[], options: { dir?: string } = {}): Promise<Login> {
  const dir = options.dir ?? (await tempDir('pytify-browser-'));
  const tokenFile = join(dir, '.pytify');
  const cli = startCli([...args, '--token-file', tokenFile], {
    cwd: dir,
    env: { BROWSER: HANDOFF_BROWSER, BROWSER_HANDOFF_URL: handoff.endpoint },
  });
  running.push(cli);
  const page = await browser.context.newPage();
  pages.push(page);
  const record = recordPage(page);
  const url = await urlOpenedBy(cli, handoff);
  await page.goto(url);
  return { cli, page, record, tokenFile };
}

/** The approve page of the local Spotify, then a click on one of its two buttons. */
async function decide(page: Page, button: 'Agree' | 'Cancel'): Promise<void> {
  await expect(page.title()).resolves.toBe('Authorize app · Demo Spotify');
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
  await page.waitForLoadState('load');
}

async function expectCleanPage(page: Page, record: PageRecord): Promise<void> {
  expect(record.consoleErrors).toEqual([]);
  expect(externalRequests(record)).toEqual([]);
  expect(await documentLang(page)).toBe('en');
  expect(await page.ariaSnapshot()).toMatch(/- heading "[^"]+" \[level=1\]/);
  expect(await contrastProblems(page)).toEqual([]);
}

describe('pytify-auth --demo in a real browser', () => {
  it('approve: the demo page, a click on Agree, the success page with the account, and the saved token', async () => {
    const { cli, page, record, tokenFile } = await startLogin(['--demo']);

    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
      /^Allow pytify-auth \(demo\) to use your account\?$/,
    );
    await expectCleanPage(page, record);
    await screenshots(page, 'approve');

    await decide(page, 'Agree');
    expect(await page.title()).toBe('Authorized · pytify-auth');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Spotify account connected');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Demo Listener');
    expect(text).toMatch(/close this tab/i);
    await expectCleanPage(page, record);
    const light = await bodyBackground(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bodyBackground(page)).not.toBe(light);
    expect(await contrastProblems(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshots(page, 'success');

    const finished = await cli.exited;
    expect(finished.code).toBe(0);
    expect(finished.stdout.trim()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/authorize\?/);
    expect(finished.stderr).toContain('Authorized as Demo Listener (demo-listener)');
    const token = await readFile(tokenFile, 'utf8');
    expect(token).toMatch(/^\S{20,}$/);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    expect(await page.content()).not.toContain(token);
  });

  it('deny: a click on Cancel shows the declined page, and nothing is saved', async () => {
    const { cli, page, record, tokenFile } = await startLogin(['--demo']);
    await decide(page, 'Cancel');

    expect(await page.title()).toBe('Authorization declined · pytify-auth');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Authorization declined');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Nothing was saved');
    expect(text).toMatch(/close this tab/i);
    await expectCleanPage(page, record);
    await screenshots(page, 'declined');

    const finished = await cli.exited;
    expect(finished.code).toBe(1);
    expect(finished.stderr).toContain('Access was declined');
    expect(existsSync(tokenFile)).toBe(false);
  });
});

describe('pytify-auth against a local Spotify whose token endpoint fails', () => {
  let spotify: FakeSpotify;
  beforeAll(async () => {
    spotify = await startSpotify();
  });
  afterAll(() => spotify?.close());

  it("shows the error page with Spotify's reason, and saves nothing", async () => {
    const dir = await tempDir('pytify-browser-');
    await writeConfig(dir, spotify);
    spotify.failNextTokenRequests({
      kind: 'status',
      status: 400,
      body: '{"error":"invalid_client","error_description":"Invalid client"}',
    });
    const { cli, page, record, tokenFile } = await startLogin([], { dir });
    await decide(page, 'Agree');

    expect(await page.title()).toBe('Authorization failed · pytify-auth');
    expect(record.documents.at(-1)?.status).toBe(500);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Authorization failed');
    const text = await page.locator('main').innerText();
    expect(text).toContain("Spotify rejected the app's credentials: Invalid client (invalid_client)");
    expect(text).toMatch(/terminal/);
    await expectCleanPage(page, record);
    await screenshots(page, 'error');

    const finished = await cli.exited;
    expect(finished.code).toBe(1);
    expect(finished.stderr).toContain('invalid_client');
    expect(existsSync(tokenFile)).toBe(false);
  });
});
