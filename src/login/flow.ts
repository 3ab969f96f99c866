import type { CallbackPage } from '../listener/callback-page.js';
import type { Browser } from './browser.js';
import type { RunEnvironment } from './environment.js';
import { browserSkipReason, describeLogin, type LoginFacts } from './login-info.js';
import type { DebugLog } from '../core/debug-log.js';
import type { SavedAuthorizationLine } from '../token/token-store.js';
import type { CallbackServer, CallbackServerOptions } from '../listener/callback-server.js';
import { reserveTokenSave, type TokenStore } from '../token/token-store.js';
import { parseRedirectUri, withPort } from '../config/load-config.js';
import type { Config } from '../config/types.js';
import type { TokenClient } from '../token/token-client.js';
import { buildAuthorizeUrl } from '../oauth/authorize-url.js';
import { parseCallback } from '../oauth/callback.js';
import { PortInUseError, PytifyError, TokenError } from '../core/errors.js';
import { codeChallengeS256, createCodeVerifier, createState, type RandomBytes } from '../oauth/pkce.js';
import { sanitize } from '../core/sanitize.js';
import { reduce, canAuthorize, type DemoInfo, type LoginEvent, type LoginInfo, type LoginState } from './state.js';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Everything with a side effect comes in here, so tests pass real local servers or stubs. */
export interface FlowDependencies {
  config: Config;
  listen(options: CallbackServerOptions): Promise<CallbackServer>;
  browser: Browser;
  tokenClient: TokenClient;
  tokenStore: TokenStore;
  clock: Clock;
  random: RandomBytes;
  /** Where we run; decides whether a browser can be opened here and which hint to show. */
  environment?: RunEnvironment;
  log?: DebugLog;
  /** `--demo`: where its own Spotify listens (the browser visits it too). */
  demo?: DemoInfo;
  /** Which process holds a busy port, if that can be found cheaply. */
  findPortHolder?: (port: number) => Promise<{ pid: number; command: string } | undefined>;
}

/** What the terminal says after the user pasted something into the waiting screen. */
export type PasteResult = { accepted: true } | { accepted: false; reason: string };

/** One authorization attempt: a fresh state and verifier, valid until it completes or times out. */
interface Attempt {
  state: string;
  verifier?: string;
  timer: unknown;
  consumed: boolean;
  /** Ends the token client's warm-up (connections kept open while the user is in the browser). */
  stopWarmUp?: () => void;
}

/**
 * Runs the login: listener, authorize URL, browser, callback, exchange, verification, save.
 * It reports progress only as a LoginState; the TUI and the plain-text runner render it.
 */
export class LoginFlow {
  private current: LoginState = { kind: 'starting' };
  private readonly subscribers = new Set<(state: LoginState) => void>();
  private server?: CallbackServer;
  private attempt?: Attempt;
  private completed = false;
  private tokenSaved = false;
  /** Locks of finished attempts being let go; close() waits for them. */
  private releasing: Promise<void> = Promise.resolve();
  /** The token could not be saved where it should go (see start): nothing listens meanwhile. */
  private blockedBySave = false;
  private savedLines: SavedAuthorizationLine[] = [];
  private redirectUri: string;
  private readonly picksFreePort: boolean;

  constructor(private readonly deps: FlowDependencies) {
    this.redirectUri = deps.config.redirectUri;
    this.picksFreePort = parseRedirectUri(deps.config.redirectUri).port === 0;
  }

  get state(): LoginState {
    return this.current;
  }

  get info(): LoginInfo {
    return describeLogin(this.facts);
  }

  private get facts(): LoginFacts {
    const { config, environment = { kind: 'desktop' }, browser, demo } = this.deps;
    const { redirectUri, tokenSaved, savedLines } = this;
    return { config, redirectUri, tokenSaved, savedLines, environment, browserNamed: Boolean(browser.explicit), demo };
  }

  subscribe(subscriber: (state: LoginState) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private emit(event: LoginEvent): void {
    this.deps.log?.('flow', { event: event.type, ...('error' in event ? { error: event.error.code } : {}) });
    this.current = reduce(this.current, event);
    for (const subscriber of this.subscribers) subscriber(this.current);
  }

  /** Starts the listener at launch, so a busy port shows before the user presses anything. */
  async start(): Promise<void> {
    const { tokenStore, clock } = this.deps;
    this.tokenSaved = (await tokenStore.read().catch(() => undefined)) !== undefined;
    this.savedLines = (await tokenStore.describe?.(clock.now()).catch(() => undefined)) ?? [];
    // A token that cannot be saved must be found before the user approves and the code is spent:
    // no listener, no browser. Enter asks again (the user may have fixed the folder meanwhile);
    // a run that ends here is not authorized (exit 1).
    if (await this.saveBlocked()) return;
    await this.listen();
  }

  private async saveBlocked(): Promise<boolean> {
    const problem = await this.deps.tokenStore.saveProblem?.().catch(() => undefined);
    this.blockedBySave = problem !== undefined;
    if (problem) this.emit({ type: 'failed', error: { code: 'TOKEN_STORE_ERROR', message: problem } });
    return this.blockedBySave;
  }

  /** Enter after a folder problem: check again, and once it is fixed, listen and authorize. */
  private async retryAfterSaveProblem(): Promise<void> {
    if (await this.saveBlocked()) return;
    try {
      await this.listen();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return this.emit({ type: 'failed', error: { code: 'LISTEN_FAILED', message } });
    }
    this.authorize();
  }

  private async listen(): Promise<void> {
    const target = parseRedirectUri(this.deps.config.redirectUri);
    try {
      this.server = await this.deps.listen({
        host: target.host,
        port: target.port,
        path: target.path,
        onCallback: (query) => this.handleCallback(query),
        log: this.deps.log,
      });
    } catch (error) {
      if (error instanceof PortInUseError) {
        const holder = await this.deps.findPortHolder?.(error.port);
        return this.emit({ type: 'listen-failed', host: error.host, port: error.port, holder });
      }
      throw error;
    }
    // A redirect URI without a port (or port 0) takes the free port the system gave us.
    if (this.picksFreePort) this.redirectUri = withPort(this.deps.config.redirectUri, this.server.port);
    this.emit({ type: 'listening', redirectUri: this.redirectUri });
  }

  /** Enter: a fresh attempt with new state (and PKCE verifier), then the browser. */
  authorize(): void {
    if (this.blockedBySave && canAuthorize(this.current)) return void this.retryAfterSaveProblem();
    if (!this.server || !canAuthorize(this.current)) return;
    const { config, clock, random } = this.deps;
    this.endAttempt();
    const verifier = config.clientSecret ? undefined : createCodeVerifier(random);
    const attempt: Attempt = { state: createState(random), verifier, consumed: false, timer: undefined };
    const url = buildAuthorizeUrl({
      authUrl: config.authUrl,
      clientId: config.clientId,
      redirectUri: this.redirectUri,
      scopes: config.scopes,
      state: attempt.state,
      codeChallenge: verifier ? codeChallengeS256(verifier) : undefined,
      showDialog: config.showDialog,
    });
    const timeoutMs = config.timeoutSeconds * 1000;
    attempt.timer = clock.setTimeout(() => this.timeOut(attempt), timeoutMs);
    this.attempt = attempt;
    attempt.stopWarmUp = this.deps.tokenClient.prepare?.();
    const server = this.server;
    setImmediate(() => server.warmUp?.()); // after the URL is shown

    this.emit({ type: 'authorize-started', url, deadline: clock.now() + timeoutMs });
    if (browserSkipReason(this.facts)) return this.emit({ type: 'browser', status: 'skipped' });
    this.deps.browser.open(url).then(
      () => this.attempt === attempt && this.emit({ type: 'browser', status: 'opened' }),
      () => this.attempt === attempt && this.emit({ type: 'browser', status: 'failed' }),
    );
  }

  private timeOut(attempt: Attempt): void {
    if (this.attempt !== attempt || attempt.consumed) return;
    attempt.stopWarmUp?.();
    this.attempt = undefined;
    this.emit({ type: 'timed-out' });
  }

  private endAttempt(): void {
    if (this.attempt) this.deps.clock.clearTimeout(this.attempt.timer);
    this.attempt?.stopWarmUp?.();
    this.attempt = undefined;
  }

  /**
   * Paste-back: the URL the browser ended on (its page failed to load because the browser runs on
   * another machine), or just its code. A URL goes through the same checks as a real callback; a
   * bare code is taken as this attempt's, since only the user can type into this terminal.
   */
  async submitPasted(text: string): Promise<PasteResult> {
    const input = text.trim();
    if (input === '') return { accepted: false, reason: 'Paste the whole URL from the browser, or its code.' };
    let query: URLSearchParams;
    if (/^https?:\/\//i.test(input)) {
      try {
        query = new URL(input).searchParams;
      } catch {
        return { accepted: false, reason: 'That URL cannot be read: paste it whole, on one line.' };
      }
      if (!query.has('code') && !query.has('error')) {
        return { accepted: false, reason: 'That URL has no code: paste the address of the page the browser ended on.' };
      }
    } else if (/^[A-Za-z0-9._~-]+$/.test(input)) {
      query = new URLSearchParams({ code: input, state: this.attempt?.state ?? '' });
    } else {
      return { accepted: false, reason: 'That is neither a URL nor a code.' };
    }
    const page = await this.handleCallback(query);
    switch (page.kind) {
      case 'invalid-state':
        return {
          accepted: false,
          reason: 'That URL belongs to another attempt (its state does not match): use the newest URL.',
        };
      case 'expired':
        return { accepted: false, reason: 'No authorization is waiting: press Enter to start one.' };
      case 'already-completed':
        return { accepted: false, reason: 'This authorization has already completed.' };
      default:
        return { accepted: true };
    }
  }

  /** Decides what the browser sees; the page is sent only once the outcome is known. */
  async handleCallback(query: URLSearchParams): Promise<CallbackPage> {
    if (this.completed) return { kind: 'already-completed' };
    const attempt = this.attempt;
    if (!attempt) return { kind: 'expired' };
    if (attempt.consumed) return { kind: 'already-completed' };
    let code: string;
    try {
      code = parseCallback(query, attempt.state).code;
    } catch (error) {
      const failure = error instanceof PytifyError ? error : new PytifyError('CALLBACK_INVALID', 'Unreadable callback');
      // A wrong or missing state may be forged: answer it, and keep waiting for the real one.
      if (failure.code === 'STATE_MISMATCH') return { kind: 'invalid-state' };
      this.endAttempt();
      if (failure.code === 'ACCESS_DENIED') {
        this.emit({ type: 'declined' });
        return { kind: 'declined' };
      }
      this.emit({ type: 'failed', error: { code: failure.code, message: failure.message } });
      return { kind: 'error', message: failure.message };
    }
    attempt.consumed = true;
    this.deps.clock.clearTimeout(attempt.timer);
    return this.complete(code, attempt);
  }

  private async complete(code: string, attempt: Attempt): Promise<CallbackPage> {
    const { tokenClient, tokenStore } = this.deps;
    // The lock is taken while the requests are out; a failure to take it shows at the save.
    const reserved = reserveTokenSave(tokenStore);
    try {
      this.emit({ type: 'exchanging' });
      // Sent once by the token client (a code is single-use) and never again here: after a failure
      // the real error shows, and Enter starts a fresh attempt with a new code.
      const grant = await tokenClient.exchangeCode({
        code,
        redirectUri: this.redirectUri,
        codeVerifier: attempt.verifier,
      });
      // Written under a temporary name while /me is out; put in place only after /me succeeds.
      reserved.stage(grant.refreshToken!);
      this.emit({ type: 'verifying' });
      const account = await tokenClient.fetchProfile(grant.accessToken);
      await reserved.save(grant.refreshToken!, { grant, account, now: this.deps.clock.now() });
      this.completed = true;
      this.tokenSaved = true;
      this.attempt = undefined;
      this.emit({ type: 'authorized', account, tokenFile: sanitize(tokenStore.path, 500) });
      return { kind: 'success', account };
    } catch (error) {
      if (this.attempt === attempt) this.attempt = undefined;
      const failure =
        error instanceof PytifyError
          ? error
          : new PytifyError('TOKEN_ENDPOINT_ERROR', 'Unexpected failure while completing the login');
      const status = failure instanceof TokenError ? failure.status : undefined;
      this.emit({ type: 'failed', error: { code: failure.code, message: failure.message, status } });
      return { kind: 'error', message: failure.message };
    } finally {
      // Both requests are done (or failed): the warm connections have served their purpose.
      attempt.stopWarmUp?.();
      // Let go while the browser gets its page; close() waits for it.
      const release = reserved.release().catch(() => undefined);
      this.releasing = Promise.all([this.releasing, release]).then(() => undefined);
    }
  }

  /** Quit, success or signal: stop answering and free the port. Safe to call twice. */
  async close(): Promise<void> {
    this.endAttempt();
    const server = this.server;
    this.server = undefined;
    await server?.close();
    await this.releasing;
  }
}
