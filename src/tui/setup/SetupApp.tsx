import { useApp, useInput, useStdin, useStdout } from 'ink';
import { useEffect, useReducer } from 'react';
import type { Browser } from '../../login/browser.js';
import { buildConfigData, configText } from '../../setup/config-content.js';
import { DASHBOARD_URL } from '../../setup/guide.js';
import type { SetupPlan } from '../../setup/prepare.js';
import { initialSetupState, reduceSetup } from '../../setup/setup-state.js';
import { SetupWriteError } from '../../setup/write-config.js';
import { splitKeys } from '../split-keys.js';
import { SetupView } from './SetupView.js';

export type SetupOutcome = { written: string } | { cancelled: true };

export interface SetupAppProps {
  readonly plan: SetupPlan;
  readonly cwd: string;
  readonly browser: Browser;
  /** Writes the config; `replace` only after the user agreed to replace an existing file. */
  readonly save: (content: string, replace: boolean) => Promise<void>;
  readonly onExit: (outcome: SetupOutcome) => void;
}

/** The setup's one stateful component: keys to actions, and the two side effects (browser, save). */
export function SetupApp({ plan, cwd, browser, save, onExit }: SetupAppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const [state, dispatch] = useReducer(
    reduceSetup,
    { clientId: plan.current.clientId, clientSecret: plan.current.clientSecret, askBeforeSaving: plan.exists },
    initialSetupState,
  );

  useEffect(() => {
    if (state.step !== 'saving') return;
    const content = configText(
      buildConfigData(plan.base, { clientId: state.clientId, clientSecret: state.clientSecret }),
    );
    save(content, state.askBeforeSaving).then(
      () => dispatch({ type: 'saved' }),
      (error: unknown) =>
        dispatch({
          type: 'save-failed',
          message: error instanceof Error ? error.message : String(error),
          fileExists: error instanceof SetupWriteError && error.code === 'FILE_EXISTS',
        }),
    );
    // Once per entry into "saving" (a retry enters it again); nothing else changes meanwhile, so
    // the other values it reads are deliberately not dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.step]);

  useEffect(() => {
    if (state.dashboard !== 'opening') return;
    browser.open(DASHBOARD_URL).then(
      () => dispatch({ type: 'dashboard', status: 'opened' }),
      () => dispatch({ type: 'dashboard', status: 'failed' }),
    );
  }, [state.dashboard, browser]);

  // Saved or cancelled: leave after this frame is on the screen, so the launch screen follows below.
  useEffect(() => {
    if (state.step !== 'saved' && state.step !== 'cancelled') return;
    onExit(state.step === 'saved' ? { written: plan.file } : { cancelled: true });
    exit();
  }, [state.step, plan.file, onExit, exit]);

  // Each keypress of a chunk is its own action: three DELs in one read erase three characters.
  useInput(
    (input, key) => {
      for (const [one, oneKey] of splitKeys(input, key)) dispatch({ type: 'key', input: one, key: oneKey });
    },
    { isActive: isRawModeSupported === true },
  );

  return <SetupView plan={plan} state={state} cwd={cwd} rows={stdout.rows} />;
}
