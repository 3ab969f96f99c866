import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT, type RunningCli } from './e2e.js';

/** `$BROWSER` for the real-browser tests: passes the URL to the test (see the script's header). */
export const HANDOFF_BROWSER = join(ROOT, '__tests__', 'helpers', 'browser-handoff.mjs');

/** The test's end of the hand-off: URLs that `$BROWSER` was asked to open, in order. */
export interface Handoff {
  /** The value for BROWSER_HANDOFF_URL. */
  readonly endpoint: string;
  next(): Promise<string>;
  close(): Promise<void>;
}

export async function startHandoff(): Promise<Handoff> {
  const received: string[] = [];
  const waiting: Array<(url: string) => void> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      response.writeHead(204).end();
      const taker = waiting.shift();
      if (taker) taker(body);
      else received.push(body);
    });
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    next: () => {
      const ready = received.shift();
      return ready !== undefined ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The URL the CLI asked `$BROWSER` to open; fails with the CLI's output if it exits first. */
export function urlOpenedBy(cli: RunningCli, handoff: Handoff): Promise<string> {
  const early = cli.exited.then((finished) => {
    throw new Error(`pytify-auth exited (${finished.code}) before opening a browser:\n${finished.stderr}`);
  });
  return Promise.race([handoff.next(), early]);
}
