import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { LoginInfo } from '../auth/state.js';

const LABEL_WIDTH = 14;

function Row({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <Box>
      <Box width={LABEL_WIDTH} flexShrink={0}>
        <Text dimColor>{label}</Text>
      </Box>
      <Box flexDirection="column" flexShrink={1}>
        {children}
      </Box>
    </Box>
  );
}

/** The fixed facts of this login, shown on every screen so a mismatch is easy to spot. */
export function Details({ info }: { readonly info: LoginInfo }) {
  return (
    <Box flexDirection="column">
      <Row label="App">
        <Text>{info.clientIdMasked}</Text>
      </Row>
      <Row label="Redirect URI">
        <Text>{info.redirectUri}</Text>
        {info.registerUri === info.redirectUri ? (
          <Text dimColor>register exactly this in the Spotify dashboard</Text>
        ) : (
          <Text dimColor>register {info.registerUri} (no port) in the Spotify dashboard</Text>
        )}
      </Row>
      <Row label="Scopes">
        <Text>{info.scopes.length > 0 ? info.scopes.join(', ') : '(none)'}</Text>
      </Row>
      <Row label="Flow">
        <Text>{info.flow === 'pkce' ? 'PKCE (no client secret)' : 'client secret'}</Text>
      </Row>
      <Row label="Token file">
        <Text>
          {info.tokenFile}{' '}
          {info.tokenSaved ? <Text color="green">· saved</Text> : <Text dimColor>· not saved yet</Text>}
        </Text>
      </Row>
    </Box>
  );
}
