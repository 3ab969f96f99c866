import type { LoginFlow } from './flow.js';
import type { LoginState } from './state.js';
import type { ConfigWarning } from '../config/types.js';
import { remoteHint } from './remote-hint.js';
import { waitingHint } from './waiting-hint.js';
import { describeWarning } from '../config/messages.js';
import { PORT_BUSY_LEAD, portBusyChoices } from '../config/guidance.js';
import { accountLabel } from '../token/account.js';
import { sanitize } from '../core/sanitize.js';

/** Each state as plain lines: no cursor codes, no spinner; the URL alone on its line for grep/sed. */
function linesFor(state: LoginState, flow: LoginFlow): { out?: string[]; err?: string[] } {
  switch (state.kind) {
    case 'ready':
      return { err: [`Listening for the callback on ${flow.info.redirectUri}`] };
    case 'port-busy':
      return {
        err: [
          `Port ${state.port} on ${state.host} is already in use${state.holder ? ` by ${state.holder.command} (pid ${state.holder.pid})` : ''}.`,
          PORT_BUSY_LEAD,
          ...portBusyChoices(flow.info.redirectUri).map((choice) => `  - ${choice}`),
        ],
      };
    case 'waiting':
      if (state.browser === 'opening') {
        return {
          err: [
            'Open this URL in a browser to authorize (or paste the URL the browser ends on here):',
            // The demo's own Spotify knows every URI it is sent: nothing to register there.
            ...(flow.info.demo ? [] : [waitingHint(flow.info)]),
          ],
          out: [state.url],
        };
      }
      if (state.browser === 'failed') return { err: ['Could not open a browser: open the URL above yourself.'] };
      if (state.browser === 'opened') return { err: ['Opened your browser. Waiting for the approval…'] };
      return { err: [...remoteHint(flow.info).map((line) => line.text), 'Waiting for the approval…'] };
    case 'exchanging':
      return { err: ['Exchanging the authorization code for tokens…'] };
    case 'verifying':
      return { err: ['Checking the token with Spotify…'] };
    case 'authorized':
      return {
        err: [`Authorized as ${accountLabel(state.account)}`, `Refresh token saved to ${state.tokenFile}`],
      };
    case 'declined':
      return { err: ['Access was declined in the browser.'] };
    case 'token-error':
      return { err: [`Authorization failed: ${sanitize(state.error.message, 1000)}`] };
    case 'timed-out':
      return { err: ['Timed out waiting for the browser. Run pytify-auth again to start over.'] };
    case 'starting':
      return {};
  }
}

const FINAL: ReadonlySet<LoginState['kind']> = new Set([
  'authorized',
  'declined',
  'token-error',
  'timed-out',
  'port-busy',
]);

/**
 * Paste-back without a terminal: each line on stdin (a pipe, or a terminal when only stdout is
 * redirected) is taken as the URL the browser ended on, or its code.
 */
function readPastedLines(flow: LoginFlow): () => void {
  const stdin = process.stdin;
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line === '' || flow.state.kind !== 'waiting') continue;
      flow.submitPasted(line).then((result) => {
        if (!result.accepted) process.stderr.write(`${result.reason}\n`);
      });
    }
  };
  stdin.on('data', onData);
  stdin.on('error', () => undefined);
  // Stop reading at the end, or an open pipe would keep the process alive.
  return () => {
    stdin.off('data', onData);
    stdin.pause();
    stdin.destroy();
  };
}

/**
 * The flow without a terminal (piped, CI, </dev/null): start at once, print as it goes,
 * and end with the first final state.
 */
export function runPlain(flow: LoginFlow, warnings: readonly ConfigWarning[], stop: AbortSignal): Promise<LoginState> {
  for (const warning of warnings) process.stderr.write(`${describeWarning(warning)}\n`);
  const stopReading = readPastedLines(flow);
  return new Promise<LoginState>((resolve, reject) => {
    const show = (state: LoginState) => {
      const { out = [], err = [] } = linesFor(state, flow);
      // Paths and the redirect URI come from config files and flags: each line is sanitised too.
      for (const line of err) process.stderr.write(`${sanitize(line, 2000)}\n`);
      for (const line of out) process.stdout.write(`${line}\n`);
    };
    flow.subscribe((state) => {
      show(state);
      if (state.kind === 'ready') flow.authorize();
      if (FINAL.has(state.kind)) resolve(state);
    });
    stop.addEventListener('abort', () => resolve(flow.state), { once: true });
    flow.start().catch(reject);
  }).finally(stopReading);
}
