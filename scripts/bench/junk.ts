// The junk load: a waiting login, drawn by the real TUI into a fake terminal, while another process
// sends junk requests to its listener; then the real callback. And the same load on a bare server.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { render } from 'ink';
import { createElement } from 'react';
import { createTokenClient } from '../../src/token/token-client.js';
import { App } from '../../src/tui/App.js';
import { approve, CLIENT_ID, get, startSpotify, waitingLogin } from './login-kit.js';

/**
 * A 100x30 terminal that counts the frames Ink draws (a frame is one burst of writes) and the
 * longest pause between two frames.
 */
class FakeTerminal extends EventEmitter {
  readonly columns = 100;
  readonly rows = 30;
  readonly isTTY = true;
  frames = 0;
  maxGapMs = 0;
  private measuring = false;
  private lastFrame = 0;
  private lastWrite = 0;
  write(_chunk: string): boolean {
    const now = performance.now();
    if (this.measuring && now - this.lastWrite > 2) {
      this.frames += 1;
      this.maxGapMs = Math.max(this.maxGapMs, now - this.lastFrame);
      this.lastFrame = now;
    }
    this.lastWrite = now;
    return true;
  }
  startMeasuring(): void {
    this.frames = 0;
    this.maxGapMs = 0;
    this.lastFrame = performance.now();
    this.measuring = true;
  }
  /** The pause since the last frame counts too: a screen that froze at the end has not updated. */
  stopMeasuring(): void {
    this.maxGapMs = Math.max(this.maxGapMs, performance.now() - this.lastFrame);
    this.measuring = false;
  }
}

class FakeKeyboard extends EventEmitter {
  readonly isTTY = false;
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read(): null {
    return null;
  }
}

function runJunkClient(clientPath: string, port: number, count: number, concurrency: number, seed: number) {
  return new Promise<{
    latencies: number[];
    answered: number;
    unanswered: number;
    statuses: Record<string, number>;
    errors: Record<string, number>;
    wallMs: number;
  }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [clientPath, String(port), String(count), String(concurrency), String(seed)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`junk client exited ${code}`)),
    );
  });
}

export async function junkBench(count: number, concurrency: number, seed: number, clientPath: string) {
  const spotify = await startSpotify();
  const dir = await mkdtemp(join(tmpdir(), 'pytify-bench-'));
  const terminal = new FakeTerminal();
  const client = createTokenClient({ tokenUrl: spotify.tokenUrl, apiUrl: spotify.apiUrl, clientId: CLIENT_ID });
  const { flow, authorizeUrl } = await waitingLogin(spotify, join(dir, '.pytify'), client);
  const app = process.env.BENCH_NO_TUI
    ? { unmount: () => undefined }
    : render(
        createElement(App, {
          flow,
          warnings: [],
          now: Date.now,
          animate: true,
          hyperlinks: false,
          onExit: () => undefined,
        }),
        {
          stdout: terminal as unknown as NodeJS.WriteStream,
          stdin: new FakeKeyboard() as unknown as NodeJS.ReadStream,
          patchConsole: false,
          exitOnCtrlC: false,
        },
      );
  try {
    const port = Number(new URL(flow.info.redirectUri).port);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the first frames are drawn
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 100);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    terminal.startMeasuring();
    const started = performance.now();
    const load = await runJunkClient(clientPath, port, count, concurrency, seed);
    const loadMs = performance.now() - started;
    terminal.stopMeasuring();
    const frames = terminal.frames;
    const maxFrameGapMs = terminal.maxGapMs;
    delay.disable();
    clearInterval(ticker);
    const stateAfterLoad = flow.state.kind;
    // Then the real callback, as the browser sends it after the user approves.
    const page = await get(await approve(authorizeUrl));
    await new Promise((resolve) => setTimeout(resolve, 50));
    return {
      load,
      loadMs,
      frames,
      maxFrameGapMs,
      ticks,
      expectedTicks: Math.floor(loadMs / 100),
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      eventLoopDelayMaxMs: delay.max / 1e6,
      stateAfterLoad,
      realCallbackStatus: page.status,
      finalState: flow.state.kind,
    };
  } finally {
    app.unmount();
    await flow.close();
    await spotify.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The floor for the junk figure: the same load on a bare node:http server that answers 404 at once. */
export async function junkFloor(count: number, concurrency: number, seed: number, clientPath: string) {
  const server = createServer((_request, response) => {
    response.writeHead(404, { 'content-type': 'text/plain', connection: 'close', 'content-length': 10 });
    response.end('not found\n');
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  try {
    const port = (server.address() as { port: number }).port;
    return { load: await runJunkClient(clientPath, port, count, concurrency, seed) };
  } finally {
    server.close();
  }
}
