import { Box, Text } from 'ink';
import type { LoginInfo, LoginState } from '../login/state.js';
import { Details } from './Details.js';
import { QuitStatus } from './EndStatus.js';
import { Warnings } from './Warnings.js';
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
  /** Terminal height; a short one gets a waiting screen that fits (no details, the URL on a line). */
  readonly rows?: number;
  /** The user quit from this state: the last frame says so, and offers no keys. */
  readonly quitFrom?: LoginState;
  /** What the last Ctrl-Y or Ctrl-P did on the waiting screen. */
  readonly notice?: string;
  /** Ctrl-P printed the URL above: a short frame keeps it in view until the next key. */
  readonly urlPrinted?: boolean;
}

const PLACEHOLDER_WARNING =
  "The client id looks like an example one (0123456789abcdef…), not your app's: Spotify will refuse it. Run pytify-auth init to set your own.";

/** Below this many rows the whole waiting screen with its details and wrapped URL would not fit. */
export const SHORT_ROWS = 28;

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
  rows,
  quitFrom,
  notice,
  urlPrinted = false,
}: LoginViewProps) {
  const compact = rows !== undefined && rows < SHORT_ROWS;
  // The details would push the URL and the paste line off a short screen; they were on the one before.
  const details = !((compact || urlPrinted) && state.kind === 'waiting' && !quitFrom);
  return (
    <Box flexDirection="column">
      <Text bold>
        pytify-auth - Spotify authorization
        {info.demo && (
          <Text color="magenta">{compact ? ' (demo)' : ' (demo: a local stand-in for Spotify, no real account)'}</Text>
        )}
      </Text>
      {info.placeholderClientId && <Warnings warnings={[PLACEHOLDER_WARNING]} />}
      {details && (
        <Box marginTop={1}>
          <Details info={info} columns={columns} />
        </Box>
      )}
      <Box marginTop={1}>
        {quitFrom ? (
          <QuitStatus from={quitFrom} info={info} />
        ) : (
          <LoginStatus
            state={state}
            info={info}
            now={now}
            spinnerFrame={spinnerFrame}
            hyperlinks={hyperlinks}
            paste={paste}
            compact={compact}
            notice={notice}
            urlPrinted={urlPrinted}
          />
        )}
      </Box>
    </Box>
  );
}
