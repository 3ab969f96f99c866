import { Box, Text } from 'ink';
import { remoteHint } from '../login/remote-hint.js';
import type { LoginInfo } from '../login/state.js';

/** Why no browser opened here, and the one thing that gets the callback back to this machine. */
export function RemoteHint({ info }: { readonly info: LoginInfo }) {
  const lines = remoteHint(info);
  if (lines.length === 0) return null;
  return (
    <Box flexDirection="column">
      {lines.map((line) => (
        <Text key={line.text} color={line.role === 'command' ? 'cyan' : undefined} dimColor={line.role === 'aside'}>
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
