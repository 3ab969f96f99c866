import { Box, useApp, useInput, useStdin } from 'ink';
import { useEffect, useState } from 'react';
import type { LoginFlow } from '../auth/flow.js';
import { canAuthorize, type LoginState } from '../auth/state.js';
import { LoginView } from './LoginView.js';
import { Warnings } from './Warnings.js';

export interface AppProps {
  flow: LoginFlow;
  warnings: readonly string[];
  now: () => number;
  /** False in CI or on request: no spinner frames, fewer repaints. */
  animate: boolean;
  hyperlinks: boolean;
  onExit: (state: LoginState) => void;
}

const SPINNING: ReadonlySet<LoginState['kind']> = new Set(['starting', 'waiting', 'exchanging', 'verifying']);

/** The one stateful component: follows the flow, ticks the clock, maps keys to flow actions. */
export function App({ flow, warnings, now, animate, hyperlinks, onExit }: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const [state, setState] = useState<LoginState>(flow.state);
  const [time, setTime] = useState(now);
  const [frame, setFrame] = useState(0);

  useEffect(() => flow.subscribe(setState), [flow]);

  useEffect(() => {
    if (state.kind !== 'waiting') return;
    const timer = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(timer);
  }, [state.kind, now]);

  useEffect(() => {
    if (!animate || !SPINNING.has(state.kind)) return;
    const timer = setInterval(() => setFrame((f) => f + 1), 100);
    return () => clearInterval(timer);
  }, [state.kind, animate]);

  // Authorized, or nothing left to do: leave after this frame is on the screen.
  useEffect(() => {
    if (state.kind === 'authorized' || state.kind === 'port-busy') {
      onExit(state);
      exit();
    }
  }, [state, exit, onExit]);

  useInput(
    (input, key) => {
      if (input === 'q' || key.escape || (key.ctrl && input === 'c')) {
        onExit(flow.state);
        exit();
        return;
      }
      if (key.return && canAuthorize(flow.state)) {
        setTime(now());
        flow.authorize();
      }
    },
    { isActive: isRawModeSupported === true },
  );

  return (
    <Box flexDirection="column">
      <Warnings warnings={warnings} />
      <LoginView state={state} info={flow.info} now={time} spinnerFrame={frame} hyperlinks={hyperlinks} />
    </Box>
  );
}
