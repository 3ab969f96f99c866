import type { ErrorCode } from '../core/errors.js';
import type { Account } from '../token/account.js';

/** What the user needs to know about an error: a stable code and words without secrets. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** The HTTP status of Spotify's answer, when there was one: advice for /me depends on it. */
  status?: number;
}

/**
 * Every screen of the login is one of these states; the view is a pure function of it.
 * `deadline` and other times are epoch milliseconds from the injected clock.
 */
export type LoginState =
  | { kind: 'starting' }
  | { kind: 'ready' }
  | { kind: 'port-busy'; host: string; port: number; holder?: { pid: number; command: string } }
  | { kind: 'waiting'; url: string; deadline: number; browser: 'opening' | 'opened' | 'failed' | 'skipped' }
  | { kind: 'exchanging' }
  | { kind: 'verifying' }
  | { kind: 'authorized'; account: Account; tokenFile: string }
  | { kind: 'declined' }
  | { kind: 'token-error'; error: ErrorInfo }
  | { kind: 'timed-out' };

/**
 * The demo's made-up id starts so; an id that does too was most likely copied from an example,
 * not from the user's own app, and Spotify will refuse it.
 */
const PLACEHOLDER_ID = /^0123456789abcdef/;
export const looksLikePlaceholderId = (clientId: string): boolean => PLACEHOLDER_ID.test(clientId);

/** The demo's own Spotify: where the browser goes besides the callback (for an SSH tunnel). */
export interface DemoInfo {
  host: string;
  port: number;
  /** The token file is in the demo's own directory, which is removed on exit (no --token-file). */
  removesTokenFile?: boolean;
}

/** Fixed facts shown on every screen. */
export interface LoginInfo {
  clientIdMasked: string;
  /** The redirect URI this run sends (with the port actually listened on). */
  redirectUri: string;
  /** What must be registered in the dashboard: without a port when any free port is used. */
  registerUri: string;
  scopes: readonly string[];
  flow: 'pkce' | 'secret';
  tokenFile: string;
  tokenSaved: boolean;
  /** About the saved authorization (who, when, days left, missing scopes), each with a tone. */
  savedLines?: ReadonlyArray<{ tone: 'info' | 'warning' | 'error'; text: string }>;
  /** Where we run, for the hint that gets the callback here (SSH, WSL, container, no display). */
  environment: 'desktop' | 'ssh' | 'wsl' | 'container' | 'no-display';
  /** Over SSH: the command to run on the user's own machine so its browser reaches our port. */
  sshCommand?: string;
  /** Why no browser is opened: the user asked (--no-browser), or none can exist here. */
  browserSkipReason?: 'flag' | 'environment';
  /** `--demo`: every screen says so, and the end points to a real setup. */
  demo?: DemoInfo;
  /** Outside the demo, a client id that looks like an example one (see looksLikePlaceholderId). */
  placeholderClientId?: boolean;
}

export type LoginEvent =
  | { type: 'listening'; redirectUri: string }
  | { type: 'listen-failed'; host: string; port: number; holder?: { pid: number; command: string } }
  | { type: 'authorize-started'; url: string; deadline: number }
  | { type: 'browser'; status: 'opened' | 'failed' | 'skipped' }
  | { type: 'exchanging' }
  | { type: 'verifying' }
  | { type: 'authorized'; account: Account; tokenFile: string }
  | { type: 'declined' }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'timed-out' };

/** Pure reducer: the flow's events move the state; nothing else does. */
export function reduce(state: LoginState, event: LoginEvent): LoginState {
  switch (event.type) {
    case 'listening':
      return { kind: 'ready' };
    case 'listen-failed':
      return { kind: 'port-busy', host: event.host, port: event.port, holder: event.holder };
    case 'authorize-started':
      return { kind: 'waiting', url: event.url, deadline: event.deadline, browser: 'opening' };
    case 'browser':
      return state.kind === 'waiting' ? { ...state, browser: event.status } : state;
    case 'exchanging':
      return { kind: 'exchanging' };
    case 'verifying':
      return { kind: 'verifying' };
    case 'authorized':
      return { kind: 'authorized', account: event.account, tokenFile: event.tokenFile };
    case 'declined':
      return { kind: 'declined' };
    case 'failed':
      return { kind: 'token-error', error: event.error };
    case 'timed-out':
      return { kind: 'timed-out' };
  }
}

/** States from which Enter starts a fresh authorization. */
export const canAuthorize = (state: LoginState): boolean =>
  state.kind === 'ready' || state.kind === 'declined' || state.kind === 'token-error' || state.kind === 'timed-out';
