import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { PORT_BUSY_LEAD, portBusyChoices } from '../config/guidance.js';

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
  /** The demo registers no redirect URI anywhere: its only ways out are another port or none. */
  readonly demo?: boolean;
}

const DEMO_CHOICES = [
  'stop the program that holds the port, then start the demo again',
  'or run the demo without --port: it takes any free port',
];

/** Another program listens on the redirect URI's port; the callback cannot reach us there. */
export function PortBusyStatus({ host, port, redirectUri, holder, demo = false }: PortBusyStatusProps) {
  const choices = demo ? DEMO_CHOICES : portBusyChoices(redirectUri);
  return (
    <Box flexDirection="column">
      <Text color="red" bold>
        ✖ Port {port} on {host} is already in use{holder ? ` by ${holder.command} (pid ${holder.pid})` : ''}.
      </Text>
      <Box flexDirection="column" marginLeft={2}>
        <Text>{PORT_BUSY_LEAD}</Text>
        {choices.map((choice, index) => (
          <Bullet key={choice}>
            {choice}
            {index < choices.length - 1 ? ';' : '.'}
          </Bullet>
        ))}
      </Box>
      {/* The program has ended with this frame: no key works any more, so none is offered. */}
      <Text dimColor>Nothing was authorized and nothing was saved; pytify-auth has stopped.</Text>
    </Box>
  );
}
