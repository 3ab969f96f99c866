import { Box, Text } from 'ink';
import type { LoginInfo, LoginState } from '../login/state.js';

/** The demo's last words: what to run to do it for real. */
export function DemoNext({ info }: { readonly info: LoginInfo }) {
  if (!info.demo) return null;
  return (
    <Box marginTop={1}>
      <Text>
        That was the demo. Next: <Text bold>pytify-auth init</Text> sets up your own Spotify app, then{' '}
        <Text bold>pytify-auth</Text> logs in.
      </Text>
    </Box>
  );
}

const WHERE: Partial<Record<LoginState['kind'], string>> = {
  ready: 'before authorizing',
  waiting: 'while waiting for the browser',
  declined: 'after access was declined',
  'token-error': 'after a failed attempt',
  'timed-out': 'after the wait timed out',
};

/**
 * The frame left on the screen when the user quits: what happened and what was saved, with no keys,
 * since none works any more.
 */
export function QuitStatus({ from, info }: { readonly from: LoginState; readonly info: LoginInfo }) {
  const where = WHERE[from.kind];
  return (
    <Box flexDirection="column">
      <Text color="yellow">Quit{where ? ` ${where}` : ''}: nothing was authorized.</Text>
      <Box paddingLeft={2}>
        <Text>
          {info.tokenSaved
            ? `Nothing was saved: the token already in ${info.tokenFile} is unchanged.`
            : 'Nothing was saved.'}
        </Text>
      </Box>
      <DemoNext info={info} />
    </Box>
  );
}
