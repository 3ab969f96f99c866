import { Box, Text } from 'ink';
import type { LoginInfo, LoginState } from '../login/state.js';
import { DemoNext } from './EndStatus.js';
import { Keys } from './Keys.js';
import type { PasteState } from './PasteInput.js';
import { PortBusyStatus } from './PortBusyStatus.js';
import { SavedAuthorization } from './SavedAuthorization.js';
import { Busy } from './Spinner.js';
import { TokenErrorStatus } from './TokenErrorStatus.js';
import { WaitingStatus } from './WaitingStatus.js';
import { accountLabel } from '../token/account.js';

export interface LoginStatusProps {
  readonly state: LoginState;
  readonly info: LoginInfo;
  readonly now: number;
  readonly spinnerFrame: number;
  readonly hyperlinks: boolean;
  readonly paste: PasteState;
  /** A short terminal: the waiting screen keeps the URL to one line. */
  readonly compact?: boolean;
  /** What the last Ctrl-Y or Ctrl-P did on the waiting screen. */
  readonly notice?: string;
  /** Ctrl-P printed the URL above the screen: the waiting screen keeps to a few lines. */
  readonly urlPrinted?: boolean;
}

/** An attempt that ended without a token: why, and Enter to start a new one. */
function AttemptOver({ what, enter }: { readonly what: string; readonly enter: string }) {
  return (
    <Box flexDirection="column">
      <Text color="yellow">{what}</Text>
      <Keys enter={enter} />
    </Box>
  );
}

/** The part of the screen that changes with the state: what is happening and what to do next. */
export function LoginStatus({
  state,
  info,
  now,
  spinnerFrame,
  hyperlinks,
  paste,
  compact,
  notice,
  urlPrinted,
}: LoginStatusProps) {
  switch (state.kind) {
    case 'starting':
      return <Text dimColor>Starting the callback listener…</Text>;
    case 'ready':
      if (info.savedLines && info.savedLines.length > 0) return <SavedAuthorization lines={info.savedLines} />;
      if (!info.tokenSaved) return <Keys enter="authorize in your browser" />;
      return (
        <Box flexDirection="column">
          <Text>A refresh token is already saved at {info.tokenFile}; authorizing again replaces it.</Text>
          <Keys enter="authorize again in your browser" />
        </Box>
      );
    case 'port-busy':
      return (
        <PortBusyStatus
          host={state.host}
          port={state.port}
          redirectUri={info.redirectUri}
          holder={state.holder}
          demo={info.demo !== undefined}
        />
      );
    case 'waiting':
      return (
        <WaitingStatus
          state={state}
          info={info}
          paste={paste}
          now={now}
          spinnerFrame={spinnerFrame}
          hyperlinks={hyperlinks}
          compact={compact}
          notice={notice}
          urlPrinted={urlPrinted}
        />
      );
    case 'exchanging':
      return <Busy frame={spinnerFrame} label="Exchanging the authorization code for tokens…" />;
    case 'verifying':
      return <Busy frame={spinnerFrame} label="Checking the token with Spotify…" />;
    case 'authorized':
      return (
        <Box flexDirection="column">
          <Text color="green" bold>
            ✔ Authorized as {accountLabel(state.account)}
          </Text>
          {/* A padded box, not leading spaces: a long path wraps under the text, not at column 1. */}
          <Box paddingLeft={2}>
            <Text>
              Refresh token saved to {state.tokenFile}
              {info.demo?.removesTokenFile ? ": the demo's own, removed as the demo ends" : ''}
            </Text>
          </Box>
          <DemoNext info={info} />
        </Box>
      );
    case 'declined':
      return <AttemptOver what="Access was declined in the browser." enter="try again" />;
    case 'token-error':
      return <TokenErrorStatus error={state.error} info={info} />;
    case 'timed-out':
      return <AttemptOver what="Timed out waiting for the browser." enter="start again" />;
  }
}
