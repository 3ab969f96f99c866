import { Box, useApp, useInput, useStdin, useStdout, type Key } from 'ink';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LoginFlow } from '../login/flow.js';
import { canAuthorize, type LoginState } from '../login/state.js';
import { LoginView } from './LoginView.js';
import type { PasteState } from './PasteInput.js';
import { splitKeys } from './split-keys.js';
import { useUrlKeys } from './use-url-keys.js';
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

type Pasted = PasteState & { attempt: string };
const attemptOf = (state: LoginState): string => (state.kind === 'waiting' ? state.url : state.kind);

const SPINNING: ReadonlySet<LoginState['kind']> = new Set(['starting', 'waiting', 'exchanging', 'verifying']);

/** The one stateful component: follows the flow, ticks the clock, maps keys to flow actions. */
export function App({ flow, warnings, now, animate, hyperlinks, onExit }: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const subscribe = useCallback((onChange: () => void) => flow.subscribe(onChange), [flow]);
  const state = useSyncExternalStore(subscribe, () => flow.state);
  const [time, setTime] = useState(now);
  const [frame, setFrame] = useState(0);
  // Set when the user quits: that last frame says what happened, then the app exits.
  const [quitFrom, setQuitFrom] = useState<LoginState>();
  const { notice, giveUrl, dismissPrinted } = useUrlKeys();
  // The paste line belongs to one attempt: a new URL, or leaving the waiting screen, starts it
  // afresh. Key events of one paste can arrive before React re-renders: the handler reads the
  // latest text from a ref, and the attempt from the flow itself.
  const [pasted, setPasted] = useState<Pasted>({ attempt: attemptOf(state), text: '' });
  const pasteText = useRef(pasted);
  const paste: PasteState = pasted.attempt === attemptOf(state) ? pasted : { text: '' };
  const setPaste = (next: PasteState) => {
    pasteText.current = { ...next, attempt: attemptOf(flow.state) };
    setPasted(pasteText.current);
  };
  const typedSoFar = () => (pasteText.current.attempt === attemptOf(flow.state) ? pasteText.current.text : '');

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

  useEffect(() => {
    if (!quitFrom) return;
    onExit(quitFrom);
    exit();
  }, [quitFrom, exit, onExit]);

  // Authorized, or nothing left to do: leave after this frame is on the screen.
  useEffect(() => {
    if (state.kind === 'authorized' || state.kind === 'port-busy') {
      onExit(state);
      exit();
    }
  }, [state, exit, onExit]);

  const handleKey = (input: string, key: Key) => {
    const quit = key.escape || (key.ctrl && input === 'c');
    const current = flow.state;
    if (current.kind === 'waiting' && key.ctrl && (input === 'y' || input === 'p')) {
      return giveUrl(current.url, input === 'y' ? 'copy' : 'print');
    }
    dismissPrinted();
    if (flow.state.kind === 'waiting' && !quit) {
      // Typing and pasting go to the paste line; a paste may arrive as one chunk ending in Enter.
      if (key.backspace || key.delete) return setPaste({ text: typedSoFar().slice(0, -1) });
      const typed = input.replace(/[\u0000-\u001f\u007f]/g, '');
      const text = typedSoFar() + typed;
      if (key.return || /[\r\n]$/.test(input)) return text.trim() ? submit(text) : undefined;
      if (typed) setPaste({ text });
      return;
    }
    if (input === 'q' || quit) return setQuitFrom(flow.state);
    // A line feed is an Enter too: typed ahead, before raw mode, the terminal turned it into one.
    if ((key.return || input === '\n') && canAuthorize(flow.state)) {
      flow.authorize();
      setTime(now());
    }
  };
  // Each keypress of a chunk in turn: three DELs in one read erase three characters.
  useInput(
    (input, key) => {
      for (const [one, oneKey] of splitKeys(input, key)) handleKey(one, oneKey);
    },
    { isActive: isRawModeSupported === true },
  );

  return (
    <Box flexDirection="column">
      <Warnings warnings={warnings} />
      <LoginView
        state={state}
        info={flow.info}
        now={time}
        spinnerFrame={frame}
        hyperlinks={hyperlinks}
        paste={paste}
        columns={stdout.columns}
        rows={stdout.rows}
        quitFrom={quitFrom}
        notice={notice?.attempt === attemptOf(state) ? notice.text : undefined}
        urlPrinted={notice?.attempt === attemptOf(state) && notice.printed}
      />
    </Box>
  );
}
