import { Box, useApp, useInput, useStdin, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { LoginFlow } from '../login/flow.js';
import { canAuthorize, type LoginState } from '../login/state.js';
import { LoginView } from './LoginView.js';
import type { PasteState } from './PasteInput.js';
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
  const { stdout } = useStdout();
  const [state, setState] = useState<LoginState>(flow.state);
  const [time, setTime] = useState(now);
  const [frame, setFrame] = useState(0);
  const [paste, setPasteState] = useState<PasteState>({ text: '' });
  // Key events of one paste can arrive before React re-renders: read the latest text from a ref.
  const pasteText = useRef('');
  const setPaste = (next: PasteState) => {
    pasteText.current = next.text;
    setPasteState(next);
  };

  useEffect(() => {
    const unsubscribe = flow.subscribe(setState);
    // The flow may have moved on (started listening) between the first render and now.
    setState(flow.state);
    return unsubscribe;
  }, [flow]);
  // A new attempt, or leaving the waiting screen, starts the paste line afresh.
  useEffect(() => setPaste({ text: '' }), [state.kind === 'waiting' ? state.url : state.kind]);

  const submit = (text: string) => {
    setPaste({ text });
    flow.submitPasted(text).then((result) => {
      if (!result.accepted) setPaste({ text: '', feedback: result.reason });
    });
  };

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
      const quit = key.escape || (key.ctrl && input === 'c');
      if (flow.state.kind === 'waiting' && !quit) {
        // Typing and pasting go to the paste line; a paste may arrive as one chunk ending in Enter.
        if (key.backspace || key.delete) return setPaste({ text: pasteText.current.slice(0, -1) });
        const typed = input.replace(/[\u0000-\u001f\u007f]/g, '');
        const text = pasteText.current + typed;
        if (key.return || /[\r\n]$/.test(input)) return text.trim() ? submit(text) : undefined;
        if (typed) setPaste({ text });
        return;
      }
      if (input === 'q' || quit) {
        onExit(flow.state);
        exit();
        return;
      }
      // A line feed is an Enter too: typed ahead, before raw mode, the terminal turned it into one.
      if ((key.return || input === '\n') && canAuthorize(flow.state)) {
        flow.authorize();
        setTime(now());
      }
    },
    { isActive: isRawModeSupported === true },
  );

  return (
    <Box flexDirection="column">
      <Warnings warnings={warnings} />
      <LoginView state={state} info={flow.info} now={time} spinnerFrame={frame} hyperlinks={hyperlinks} paste={paste} columns={stdout.columns} />
    </Box>
  );
}
