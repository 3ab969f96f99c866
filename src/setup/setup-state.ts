import { checkClientId, checkClientSecret, credentialText } from './credentials.js';

/**
 * The setup screens as one state and a pure reducer, like the login's: the container maps keys
 * and results of side effects (browser, file write) to actions, the views render the state.
 */
export type SetupStep = 'client-id' | 'secret' | 'confirm' | 'saving' | 'saved' | 'save-failed' | 'cancelled';

export type DashboardStatus = 'idle' | 'opening' | 'opened' | 'failed';

export interface SetupState {
  readonly step: SetupStep;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Enter was pressed on a value with a problem: show the problem as an error, not a hint. */
  readonly rejected: boolean;
  /** Saving would replace an existing file, so the user is asked first. */
  readonly askBeforeSaving: boolean;
  readonly dashboard: DashboardStatus;
  /** Why the last save failed, in words. */
  readonly error?: string;
}

export type SetupAction =
  | { type: 'insert'; text: string }
  | { type: 'erase' }
  | { type: 'clear' }
  | { type: 'submit' }
  | { type: 'confirm' }
  | { type: 'back' }
  | { type: 'cancel' }
  | { type: 'dashboard'; status: DashboardStatus }
  | { type: 'saved' }
  | { type: 'save-failed'; message: string; fileExists: boolean }
  | { type: 'key'; input: string; key: KeyInfo };

/** The parts of Ink's key object the setup reads. */
export interface KeyInfo {
  readonly return: boolean;
  readonly escape: boolean;
  readonly backspace: boolean;
  readonly delete: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
}

/**
 * What a key means on the current step. Decided here, on the newest state, not in the input
 * handler: keys that arrive together (a paste and its Enter) would otherwise see a stale state.
 */
export function keyAction(state: SetupState, input: string, key: KeyInfo): SetupAction | undefined {
  if (key.ctrl && input === 'c') return { type: 'cancel' };
  if (key.escape) return state.step === 'client-id' ? { type: 'cancel' } : { type: 'back' };
  if (state.step === 'confirm') {
    if (input.toLowerCase() === 'y') return { type: 'confirm' };
    return input.toLowerCase() === 'n' ? { type: 'back' } : undefined;
  }
  if (key.return) return { type: 'submit' };
  if (key.backspace || key.delete) return { type: 'erase' };
  if (key.ctrl && input === 'u') return { type: 'clear' };
  if (key.ctrl || key.meta || input === '') return undefined;
  return { type: 'insert', text: input };
}

export function initialSetupState(options: {
  clientId?: string;
  clientSecret?: string;
  askBeforeSaving: boolean;
}): SetupState {
  return {
    step: 'client-id',
    clientId: options.clientId ?? '',
    clientSecret: options.clientSecret ?? '',
    rejected: false,
    askBeforeSaving: options.askBeforeSaving,
    dashboard: 'idle',
  };
}

const EDITING: ReadonlySet<SetupStep> = new Set(['client-id', 'secret']);

function edit(state: SetupState, change: (value: string) => string): SetupState {
  if (!EDITING.has(state.step)) return state;
  const field = state.step === 'client-id' ? 'clientId' : 'clientSecret';
  return { ...state, [field]: change(state[field]), rejected: false };
}

function submit(state: SetupState): SetupState {
  if (state.step === 'client-id') {
    // Nothing typed yet: Enter opens the dashboard (the container sees 'opening' and does it).
    if (state.clientId === '') return state.dashboard === 'opening' ? state : { ...state, dashboard: 'opening' };
    return checkClientId(state.clientId).ok
      ? { ...state, step: 'secret', rejected: false }
      : { ...state, rejected: true };
  }
  if (state.step === 'secret') {
    if (!checkClientSecret(state.clientSecret, state.clientId).ok) return { ...state, rejected: true };
    return { ...state, step: state.askBeforeSaving ? 'confirm' : 'saving', rejected: false };
  }
  if (state.step === 'save-failed') return { ...state, step: state.askBeforeSaving ? 'confirm' : 'saving' };
  return state;
}

const PREVIOUS: Partial<Record<SetupStep, SetupStep>> = {
  secret: 'client-id',
  confirm: 'secret',
  'save-failed': 'secret',
};

export function reduceSetup(state: SetupState, action: SetupAction): SetupState {
  if (state.step === 'saved' || state.step === 'cancelled') return state;
  switch (action.type) {
    case 'key': {
      const next = keyAction(state, action.input, action.key);
      return next ? reduceSetup(state, next) : state;
    }
    case 'cancel':
      return state.step === 'saving' ? state : { ...state, step: 'cancelled' };
    case 'insert': {
      // A paste that ends in a line break arrives as one chunk: the break is its Enter.
      const [line = '', ...after] = action.text.split(/\r\n|\r|\n/);
      const typed = edit(state, (value) => value + credentialText(line));
      return after.length > 0 ? submit(typed) : typed;
    }
    case 'erase':
      return edit(state, (value) => [...value].slice(0, -1).join(''));
    case 'clear':
      return edit(state, () => '');
    case 'submit':
      return submit(state);
    case 'confirm':
      return state.step === 'confirm' ? { ...state, step: 'saving' } : state;
    case 'back': {
      const previous = PREVIOUS[state.step];
      return previous ? { ...state, step: previous, rejected: false } : state;
    }
    case 'dashboard':
      return { ...state, dashboard: action.status };
    case 'saved':
      return state.step === 'saving' ? { ...state, step: 'saved' } : state;
    case 'save-failed':
      // The file appeared after the screens started (another terminal, an editor): ask now.
      return {
        ...state,
        step: 'save-failed',
        error: action.message,
        askBeforeSaving: state.askBeforeSaving || action.fileExists,
      };
  }
}
