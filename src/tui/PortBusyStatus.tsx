import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { Keys } from './Keys.js';

/**
 * The redirect URI with its port shown as `replacement` (removed when empty), for display only.
 * Done on the string, as config's `withPort` does: `URL` would rewrite what the user wrote, and
 * Spotify compares redirect URIs exactly. That one takes numbers only and throws; a view must not.
 */
export function showWithPort(redirectUri: string, replacement: string): string {
  const port = replacement === '' ? '' : `:${replacement}`;
  return redirectUri.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:\[[^\]]*\]|[^/:?#]*))(?::[^/?#]*)?/, `$1${port}`);
}

/** A list item whose wrapped lines stay indented under its text, not under the bullet. */
function Bullet({ children }: { readonly children: ReactNode }) {
  return (
    <Box>
      <Box width={2} flexShrink={0}>
        <Text>•</Text>
      </Box>
      <Text>{children}</Text>
    </Box>
  );
}

export interface PortBusyStatusProps {
  readonly host: string;
  readonly port: number;
  readonly redirectUri: string;
  readonly holder?: { readonly pid: number; readonly command: string };
}

/** Another program listens on the redirect URI's port; the callback cannot reach us there. */
export function PortBusyStatus({ host, port, redirectUri, holder }: PortBusyStatusProps) {
  return (
    <Box flexDirection="column">
      <Text color="red" bold>
        ✖ Port {port} on {host} is already in use{holder ? ` by ${holder.command} (pid ${holder.pid})` : ''}.
      </Text>
      <Box flexDirection="column" marginLeft={2}>
        <Text>The callback from the browser cannot reach pytify-auth there. Either:</Text>
        <Bullet>stop the program that holds the port, then start pytify-auth again;</Bullet>
        <Bullet>
          or run with --port {'<n>'} and register {showWithPort(redirectUri, '<n>')} in the Spotify dashboard;
        </Bullet>
        <Bullet>
          or register {showWithPort(redirectUri, '')} (no port) in the Spotify dashboard and run with --port 0 to take
          any free port.
        </Bullet>
      </Box>
      <Keys />
    </Box>
  );
}
