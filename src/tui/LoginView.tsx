import { Box, Text } from 'ink';
import type { LoginInfo, LoginState } from '../login/state.js';
import { Details } from './Details.js';
import { LoginStatus } from './LoginStatus.js';
import type { PasteState } from './PasteInput.js';

export interface LoginViewProps {
  readonly state: LoginState;
  readonly info: LoginInfo;
  /** Clock reading (epoch ms) for the countdown; the container ticks it, the view only reads it. */
  readonly now: number;
  /** Counts up while something is in progress; the spinner picks its frame from it. */
  readonly spinnerFrame: number;
  /** Whether the terminal understands OSC 8 links; the plain URL is printed either way. */
  readonly hyperlinks: boolean;
  /** What the user has typed or pasted on the waiting screen. */
  readonly paste?: PasteState;
  /** Terminal width; narrow terminals get a stacked layout. */
  readonly columns?: number;
}

const EMPTY_PASTE: PasteState = { text: '' };

/** The whole login screen as a pure function of its props. */
export function LoginView({
  state,
  info,
  now,
  spinnerFrame,
  hyperlinks,
  paste = EMPTY_PASTE,
  columns,
}: LoginViewProps) {
  return (
    <Box flexDirection="column">
      <Text bold>pytify-auth - Spotify authorization</Text>
      <Box marginTop={1}>
        <Details info={info} columns={columns} />
      </Box>
      <Box marginTop={1}>
        <LoginStatus
          state={state}
          info={info}
          now={now}
          spinnerFrame={spinnerFrame}
          hyperlinks={hyperlinks}
          paste={paste}
        />
      </Box>
    </Box>
  );
}
