import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { registerNote } from '../config/guidance.js';
import type { LoginInfo } from '../login/state.js';
import { sanitize } from '../core/sanitize.js';

const LABEL_WIDTH = 14;

/** Below this many columns the labels go above their values, so URIs keep the whole width. */
export const NARROW_COLUMNS = 60;

function Row({
  label,
  narrow,
  children,
}: {
  readonly label: string;
  readonly narrow: boolean;
  readonly children: ReactNode;
}) {
  if (narrow) {
    return (
      <Box flexDirection="column">
        <Text dimColor>{label}</Text>
        <Box flexDirection="column" marginLeft={2}>
          {children}
        </Box>
      </Box>
    );
  }
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

/**
 * The fixed facts of this login, shown on every screen so a mismatch is easy to spot. They come from
 * config files and flags, which may hold any character: each value passes the one sanitiser.
 */
export function Details({ info, columns = 100 }: { readonly info: LoginInfo; readonly columns?: number }) {
  const narrow = columns < NARROW_COLUMNS;
  return (
    <Box flexDirection="column">
      <Row narrow={narrow} label="App">
        <Text>{info.clientIdMasked}</Text>
      </Row>
      <Row narrow={narrow} label="Redirect URI">
        <Text>{sanitize(info.redirectUri, 500)}</Text>
        {/* The demo's app is registered for any port already: nothing to do in a dashboard. */}
        {!info.demo && <Text dimColor>{registerNote(info.redirectUri, info.registerUri)}</Text>}
      </Row>
      <Row narrow={narrow} label="Scopes">
        <Text>{info.scopes.length > 0 ? sanitize(info.scopes.join(', '), 1000) : '(none)'}</Text>
      </Row>
      <Row narrow={narrow} label="Flow">
        <Text>{info.flow === 'pkce' ? 'PKCE (no client secret)' : 'client secret'}</Text>
      </Row>
      <Row narrow={narrow} label="Token file">
        <Text>
          {sanitize(info.tokenFile, 500)}{' '}
          {info.tokenSaved ? <Text color="green">(saved)</Text> : <Text dimColor>(not saved yet)</Text>}
        </Text>
      </Row>
    </Box>
  );
}
