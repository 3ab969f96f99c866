import { Box, Text } from 'ink';
import type { LoginInfo, LoginState } from '../login/state.js';
import { waitingHint } from '../login/waiting-hint.js';
import { AuthorizeUrl } from './AuthorizeUrl.js';
import { formatTimeLeft } from './format-time.js';
import { hyperlink } from './hyperlink.js';
import { Prose } from './Prose.js';
import { PasteInput, type PasteState } from './PasteInput.js';
import { RemoteHint } from './RemoteHint.js';
import { Busy } from './Spinner.js';

type Waiting = Extract<LoginState, { kind: 'waiting' }>;

function BrowserStatus({ browser, info }: { readonly browser: Waiting['browser']; readonly info: LoginInfo }) {
  switch (browser) {
    case 'opening':
      return <Text dimColor>Opening your browser…</Text>;
    case 'opened':
      return <Text>Opened your browser. Not there? Open the URL above yourself.</Text>;
    case 'failed':
      return <Text color="yellow">Could not open a browser: open the URL above yourself.</Text>;
    case 'skipped':
      return <RemoteHint info={info} />;
  }
}

export interface WaitingStatusProps {
  readonly state: Waiting;
  readonly info: LoginInfo;
  readonly paste: PasteState;
  readonly now: number;
  readonly spinnerFrame: number;
  readonly hyperlinks: boolean;
  /** A short terminal: the URL on one line (the keys give it whole). */
  readonly compact?: boolean;
  /** What the last Ctrl-Y or Ctrl-P did. */
  readonly notice?: string;
  /** Ctrl-P printed the URL above: only the countdown, the notice and the keys, so it stays in view. */
  readonly urlPrinted?: boolean;
}

const KEYS = 'Enter to submit what you pasted, Ctrl-Y to copy the URL, Ctrl-P to print it, Esc to quit';
/** The same keys on one line of a 60-column screen. */
const SHORT_KEYS = 'Enter: submit, Ctrl-Y: copy URL, Ctrl-P: print it, Esc: quit';

/** The user is in the browser; show where to go and how long the listener still waits. */
export function WaitingStatus({
  state,
  info,
  paste,
  now,
  spinnerFrame,
  hyperlinks,
  compact = false,
  notice,
  urlPrinted = false,
}: WaitingStatusProps) {
  const countdown = (
    <Text>
      <Busy frame={spinnerFrame} label="Waiting for you to approve in the browser…" />
      <Text dimColor> ({formatTimeLeft(state.deadline - now)} left)</Text>
    </Text>
  );
  if (urlPrinted) {
    return (
      <Box flexDirection="column">
        {countdown}
        {notice && <Text color="yellow">{notice}</Text>}
        <Prose>
          <Text dimColor>{compact ? SHORT_KEYS : KEYS}</Text>
        </Prose>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <AuthorizeUrl url={state.url} noBrowser={state.browser === 'skipped'} compact={compact} />
      {countdown}
      <Box flexDirection="column" marginLeft={2}>
        <BrowserStatus browser={state.browser} info={info} />
        {hyperlinks && (
          <Text color="cyan" underline>
            {hyperlink(state.url, 'Open the authorization page')}
          </Text>
        )}
      </Box>
      {/* The demo's app has nothing to register and no real client id to check. */}
      {!info.demo && (
        <Prose>
          <Text dimColor>{waitingHint(info)}</Text>
        </Prose>
      )}
      <PasteInput paste={paste} compact={compact} />
      {/* q may be part of a pasted code, so only Esc and Ctrl-C quit here. */}
      {notice && <Text color="yellow">{notice}</Text>}
      <Prose>
        <Text dimColor>{compact ? SHORT_KEYS : KEYS}</Text>
      </Prose>
    </Box>
  );
}
