import type { LoginFlow } from '../auth/flow.js';
import type { LoginState } from '../auth/state.js';
import type { ConfigWarning } from '../config/types.js';
import { describeWarning } from './messages.js';

/** Each state as plain lines: no cursor codes, no spinner; the URL alone on its line for grep/sed. */
function linesFor(state: LoginState, flow: LoginFlow): { out?: string[]; err?: string[] } {
  switch (state.kind) {
    case 'ready':
      return { err: [`Listening for the callback on ${flow.info.redirectUri}`] };
    case 'port-busy':
      return {
        err: [
          `Port ${state.port} on ${state.host} is already in use.`,
          'Stop the program that holds it, or run with --port <n> (and register that redirect URI),',
          'or register a redirect URI without a port (http://127.0.0.1/callback) and use --port 0.',
        ],
      };
    case 'waiting':
      if (state.browser === 'opening') return { err: ['Open this URL in a browser to authorize:'], out: [state.url] };
      if (state.browser === 'failed') return { err: ['Could not open a browser: open the URL above yourself.'] };
      if (state.browser === 'opened') return { err: ['Opened your browser. Waiting for the approval…'] };
      return { err: ['Waiting for the approval…'] };
    case 'exchanging':
      return { err: ['Exchanging the authorization code for tokens…'] };
    case 'verifying':
      return { err: ['Checking the token with Spotify…'] };
    case 'authorized':
      return {
        err: [`Authorized as ${state.account.displayName} (${state.account.id})`, `Refresh token saved to ${state.tokenFile}`],
      };
    case 'declined':
      return { err: ['Access was declined in the browser.'] };
    case 'token-error':
      return { err: [`Authorization failed: ${state.error.message}`] };
    case 'timed-out':
      return { err: ['Timed out waiting for the browser. Run pytify-auth again to start over.'] };
    case 'starting':
      return {};
  }
}

const FINAL: ReadonlySet<LoginState['kind']> = new Set(['authorized', 'declined', 'token-error', 'timed-out', 'port-busy']);

/**
 * The flow without a terminal (piped, CI, </dev/null): start at once, print as it goes,
 * and end with the first final state.
 */
export function runPlain(flow: LoginFlow, warnings: readonly ConfigWarning[]): Promise<LoginState> {
  for (const warning of warnings) process.stderr.write(`${describeWarning(warning)}\n`);
  return new Promise((resolve, reject) => {
    const show = (state: LoginState) => {
      const { out = [], err = [] } = linesFor(state, flow);
      for (const line of err) process.stderr.write(`${line}\n`);
      for (const line of out) process.stdout.write(`${line}\n`);
    };
    flow.subscribe((state) => {
      show(state);
      if (state.kind === 'ready') flow.authorize();
      if (FINAL.has(state.kind)) resolve(state);
    });
    flow.start().catch(reject);
  });
}
