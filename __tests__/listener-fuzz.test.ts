import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext, runInThisContext } from 'node:vm';
import { startCallbackServer } from '../src/listener/callback-server.js';
import { createFileTokenStore } from '../src/token/token-store.js';
import { LoginFlow } from '../src/login/flow.js';
import type { Config } from '../src/config/types.js';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { createTokenClient } from '../src/token/token-client.js';
import { decide } from './helpers/authorize-code.js';
import { FollowingBrowser } from './helpers/following-browser.js';
import { withNotes } from './helpers/failure-notes.js';
import { printable, RequestFuzzer, type FuzzCase } from './helpers/fuzz-requests.js';
import { ManualClock } from './helpers/manual-clock.js';
import { rawRequest, slowSender, type RawExchange, type SlowSender } from './helpers/raw-http.js';

// The callback listener is the one part of pytify-auth anyone on this machine can talk to. While a
// login waits, it is fed a few thousand random and malformed requests over raw sockets, with
// slowloris clients hanging on; then the real callback must still complete the login.

const SEED = Number(process.env.FUZZ_SEED) || (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
const REQUESTS = 3000;
const CONCURRENCY = 50;
const SLOW_SENDERS = 10;
const DRIP_MS = 500;
/** Heap growth that would mean the listener keeps something per request; real leaks dwarf it. */
const HEAP_BOUND = 64 * 1024 * 1024;
const RSS_BOUND = 100 * 1024 * 1024;

const USER = { displayName: 'Fuzz Listener', id: 'fuzz-listener' };
const CLIENT = { clientId: 'fuzz-pkce-app', redirectUris: ['http://127.0.0.1/callback'] };

/** The real `process`: jest gives each test file a copy whose events the runtime never emits. */
const realProcess = runInThisContext('process') as NodeJS.Process;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;
const settleHeap = async () => {
  for (let i = 0; i < 3; i += 1) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
};

let spotify: FakeSpotify;
beforeAll(async () => {
  spotify = await startFakeSpotify({ clients: [CLIENT], user: USER });
});
afterAll(() => spotify?.close());

let dir: string;
const cleanups: Array<() => unknown> = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pytify-fuzz-'));
});
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
  await rm(dir, { recursive: true, force: true });
});

/** A LoginFlow on real parts, waiting for its callback: as in flow.test.ts, without a browser. */
async function waitingFlow(): Promise<{ flow: LoginFlow; config: Config; port: number; authorizeUrl: string }> {
  const config: Config = {
    clientId: CLIENT.clientId,
    redirectUri: 'http://127.0.0.1/callback',
    scopes: ['user-read-private'],
    tokenFile: join(dir, '.pytify'),
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
    timeoutSeconds: 120,
    showDialog: false,
    openBrowser: false,
  };
  const flow = new LoginFlow({
    config,
    listen: startCallbackServer,
    browser: new FollowingBrowser(),
    tokenClient: createTokenClient({
      tokenUrl: config.tokenUrl,
      apiUrl: config.apiUrl,
      clientId: config.clientId,
      timeoutMs: 5000,
    }),
    tokenStore: createFileTokenStore(config.tokenFile),
    clock: new ManualClock(),
    random: (size) => randomBytes(size),
  });
  cleanups.push(() => flow.close());
  await flow.start();
  flow.authorize();
  const state = flow.state;
  if (state.kind !== 'waiting') throw new Error(`expected waiting, got ${state.kind}`);
  return { flow, config, port: Number(new URL(flow.info.redirectUri).port), authorizeUrl: state.url };
}

function startSlowSenders(port: number, count: number): SlowSender[] {
  const senders = Array.from({ length: count }, (_, i) =>
    slowSender(
      port,
      `GET /callback?state=slow-${i}&code=slow HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `,
      DRIP_MS,
    ),
  );
  cleanups.push(() => senders.forEach((sender) => sender.stop()));
  return senders;
}

/** Records uncaught exceptions and unhandled rejections of the real process until stopped. */
function watchProcess(): { faults: string[]; stop(): void } {
  const faults: string[] = [];
  const onException = (error: unknown) => faults.push(`uncaughtException: ${String(error)}`);
  const onRejection = (reason: unknown) => faults.push(`unhandledRejection: ${String(reason)}`);
  realProcess.on('uncaughtException', onException);
  realProcess.on('unhandledRejection', onRejection);
  const stop = () => {
    realProcess.off('uncaughtException', onException);
    realProcess.off('unhandledRejection', onRejection);
  };
  cleanups.push(stop);
  return { faults, stop };
}

/** Runs `cases` with at most `concurrency` connections open, calling `check` for each result. */
async function runCases(
  port: number,
  cases: FuzzCase[],
  concurrency: number,
  check: (fuzz: FuzzCase, exchange: RawExchange) => void,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const fuzz = cases[next++]!;
      const exchange = await rawRequest(port, {
        chunks: fuzz.chunks,
        closeAfterMs: fuzz.closeAfterMs,
        timeoutMs: fuzz.expect === 'answer' ? 5000 : 2000,
      });
      check(fuzz, exchange);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const MUST_NOT_ECHO = [/<script/i, /onerror=/i, /<img/i];

/** Which of the listener's answers a response is, so the run can show it reached each of them. */
function answerKind(status: number, body: string): string {
  if (body === '') return `${status} (no page)`;
  if (body.includes('not from the current authorization')) return 'invalid-state';
  if (body.includes('Wrong address for this listener')) return 'bad-host';
  if (body.includes('Nothing here')) return 'not-found';
  if (body.includes('Method not allowed')) return 'method-not-allowed';
  return `${status} (other page)`;
}

describe('the callback listener under fuzzing, while a login waits', () => {
  // Bounded below jest's timeout, so that a listener gone unresponsive still reports the seed.
  it(
    'answers thousands of random requests with client errors only, stays waiting, and then completes the real callback',
    withNotes(async (note) => {
      note(`listener-fuzz: seed ${SEED} (rerun with FUZZ_SEED=${SEED})`);
      const watch = watchProcess();
      const { flow, config, port, authorizeUrl } = await waitingFlow();
      const exchangesBefore = spotify.tokenRequests.length;
      const transitions: string[] = [];
      flow.subscribe((state) => transitions.push(state.kind));

      const fuzzer = new RequestFuzzer(SEED, port);
      const cases = Array.from({ length: REQUESTS }, () => fuzzer.next());
      const early = startSlowSenders(port, SLOW_SENDERS);
      await settleHeap();
      const heapBefore = process.memoryUsage().heapUsed;
      const rssBefore = process.memoryUsage().rss;

      const statuses = new Map<number, number>();
      const kinds = new Map<string, number>();
      const unsafeHeaders: string[] = [];
      const unanswered: string[] = [];
      const successes: string[] = [];
      const serverErrors: string[] = [];
      const echoes: string[] = [];
      const leftWaiting: string[] = [];
      let done = 0;
      await runCases(port, cases, CONCURRENCY, (fuzz, exchange) => {
        const label = printable(fuzz.label);
        // CONNECT goes to a 'connect' listener; without one Node closes the socket unanswered.
        const mustAnswer = fuzz.expect === 'answer' && !fuzz.hasConnect;
        const finals = exchange.responses.filter((response) => response.status >= 200);
        if (mustAnswer && finals.length === 0) {
          unanswered.push(
            `${label} -> ended by ${exchange.endedBy}${exchange.error ? ` (${exchange.error})` : ''}, got ${printable(exchange.raw.toString('latin1'))}`,
          );
        }
        for (const response of finals) {
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status < 400) successes.push(`${label} -> ${response.statusLine}`);
          if (response.status >= 500) serverErrors.push(`${label} -> ${response.statusLine}`);
          const body = response.body.toString('latin1');
          if (MUST_NOT_ECHO.some((pattern) => pattern.test(body))) echoes.push(`${label} -> ${printable(body)}`);
          const kind = answerKind(response.status, body);
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          // Every page (HEAD answers included: they declare its length) carries the safety headers.
          const page = Number(response.headers['content-length'] ?? 0) > 0;
          if (
            page &&
            (response.headers['cache-control'] !== 'no-store' ||
              response.headers['x-content-type-options'] !== 'nosniff')
          ) {
            unsafeHeaders.push(`${label} -> ${JSON.stringify(response.headers)}`);
          }
        }
        done += 1;
        if (done % 100 === 0 && flow.state.kind !== 'waiting') leftWaiting.push(`after ${done}: ${flow.state.kind}`);
      });
      await settleHeap();
      const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
      const rssGrowth = process.memoryUsage().rss - rssBefore;
      note(
        `listener-fuzz: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, answers ${JSON.stringify(Object.fromEntries(kinds))}; heap ${(heapGrowth / 2 ** 20).toFixed(1)} MB, rss ${(rssGrowth / 2 ** 20).toFixed(1)} MB${gc ? '' : ' (no gc)'}`,
      );

      const context = `(seed ${SEED})`;
      expect({ context, faults: watch.faults }).toEqual({ context, faults: [] });
      expect({ context, transitions, leftWaiting }).toEqual({ context, transitions: [], leftWaiting: [] });
      expect(flow.state.kind).toBe('waiting');
      expect(spotify.tokenRequests.length).toBe(exchangesBefore);
      expect({ context, successes }).toEqual({ context, successes: [] });
      expect({ context, unanswered: unanswered.slice(0, 10), count: unanswered.length }).toEqual({
        context,
        unanswered: [],
        count: 0,
      });
      expect({ context, echoes: echoes.slice(0, 5) }).toEqual({ context, echoes: [] });
      expect({ context, unsafeHeaders: unsafeHeaders.slice(0, 5) }).toEqual({ context, unsafeHeaders: [] });
      // The run reached every layer: the parser's own 400, the Host check, the router, the method
      // check, and the flow itself (forged states).
      for (const kind of ['400 (no page)', 'bad-host', 'not-found', 'method-not-allowed', 'invalid-state']) {
        expect({ kind, reached: (kinds.get(kind) ?? 0) > 0 }).toEqual({ kind, reached: true });
      }
      if (gc) expect(heapGrowth).toBeLessThan(HEAP_BOUND);
      else expect(rssGrowth).toBeLessThan(RSS_BOUND);

      // The real browser arrives while a fresh batch of slow senders hangs on the listener.
      const late = startSlowSenders(port, SLOW_SENDERS);
      await new Promise((resolve) => setTimeout(resolve, 2 * DRIP_MS));
      const callback = await decide(authorizeUrl, 'approve');
      const answer = await fetch(callback, { redirect: 'manual' });
      const html = await answer.text();
      expect(answer.status).toBe(200);
      expect(html).toContain('Spotify account connected');
      expect(flow.state).toEqual({ kind: 'authorized', account: USER, tokenFile: config.tokenFile });
      expect(late.every((sender) => !sender.socket.destroyed)).toBe(true);
      expect(spotify.tokenRequests.slice(exchangesBefore)).toEqual([
        { grantType: 'authorization_code', clientAuth: 'pkce', status: 200 },
      ]);
      expect(await readFile(config.tokenFile, 'utf8')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect((await stat(config.tokenFile)).mode & 0o777).toBe(0o600);
      expect(watch.faults).toEqual([]);
      for (const sender of [...early, ...late]) sender.stop();

      // Last, so it does not hide the checks above: a 5xx means the listener itself threw.
      expect({ context, serverErrors: serverErrors.slice(0, 10), count: serverErrors.length }).toEqual({
        context,
        serverErrors: [],
        count: 0,
      });
    }, 50_000),
    60_000,
  );

  it(
    'drops slowloris clients through its header timeout (5 s) within 15 s: dribbling or gone silent',
    withNotes(async (note) => {
      const { flow, port } = await waitingFlow();
      const dribbling = startSlowSenders(port, SLOW_SENDERS);
      // Half a head, then nothing: no new bytes arrive to trigger a check, only the server's timer can.
      const silent = Array.from({ length: SLOW_SENDERS }, (_, i) =>
        rawRequest(port, {
          chunks: [Buffer.from(i % 2 ? `GET /callback HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Half: ` : 'GE')],
          timeoutMs: 15_000,
        }),
      );
      const started = Date.now();
      const answers = new Set<string>();
      const limit = new Promise<'still connected'>((resolve) => {
        const timer = setTimeout(() => resolve('still connected'), 15_000);
        cleanups.push(() => clearTimeout(timer));
      });
      const [dribbled, wentSilent] = await Promise.all([
        Promise.all(
          dribbling.map((sender) =>
            Promise.race([
              sender.closed.then(
                (closed) => (answers.add(closed.answer.toString('latin1').split('\r\n')[0]!), closed.afterMs),
              ),
              limit,
            ]),
          ),
        ),
        Promise.all(
          silent.map((exchange) =>
            exchange.then((done) => (done.endedBy === 'timeout' ? 'still connected' : Date.now() - started)),
          ),
        ),
      ]);
      note(
        `listener-fuzz: slow senders closed after (ms) dribbling ${JSON.stringify(dribbled)}, silent ${JSON.stringify(wentSilent)}; answered ${JSON.stringify([...answers])}`,
      );
      expect(flow.state.kind).toBe('waiting');
      expect({ dribbling: dribbled.filter((outcome) => outcome === 'still connected').length }).toEqual({
        dribbling: 0,
      });
      expect(
        Math.min(...dribbled.filter((outcome): outcome is number => typeof outcome === 'number')),
      ).toBeGreaterThanOrEqual(4_000);
      expect({ silent: wentSilent.filter((outcome) => outcome === 'still connected').length }).toEqual({ silent: 0 });
    }),
    25_000,
  );

  it('answers request targets that are not a plain path (//[, /\\[, http://[) with 4xx, not the 500 error page', async () => {
    const { flow, port } = await waitingFlow();
    const host = `Host: 127.0.0.1:${port}`;
    const answers: Record<string, number | undefined> = {};
    for (const target of ['//[', '/\\[', 'http://[', '//x:99999/callback']) {
      const exchange = await rawRequest(port, {
        chunks: [Buffer.from(`GET ${target} HTTP/1.1\r\n${host}\r\n\r\n`, 'latin1')],
      });
      answers[target] = exchange.responses[0]?.status;
    }
    expect(flow.state.kind).toBe('waiting');
    for (const status of Object.values(answers)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  it('answers a request head over the 8 kB cap with 431 Request Header Fields Too Large', async () => {
    const { port } = await waitingFlow();
    const longPath = await rawRequest(port, {
      chunks: [Buffer.from(`GET /callback?state=${'x'.repeat(16_000)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)],
    });
    const longHeader = await rawRequest(port, {
      chunks: [
        Buffer.from(`GET /callback HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Huge: ${'v'.repeat(16_000)}\r\n\r\n`),
      ],
    });
    expect([longPath.responses[0]?.status, longHeader.responses[0]?.status]).toEqual([431, 431]);
  });
});
