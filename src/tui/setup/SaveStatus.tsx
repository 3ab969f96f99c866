import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { KeyLine } from '../KeyLine.js';

export type SaveStatusProps =
  | { readonly step: 'saving'; readonly fileLabel: string }
  | { readonly step: 'saved'; readonly fileLabel: string; readonly hasSecret: boolean }
  | { readonly step: 'save-failed'; readonly fileLabel: string; readonly error: string };

/** The sign in a column of its own, so a long line wraps under its text, not under the sign. */
function Signed({
  sign,
  color,
  children,
}: {
  readonly sign: string;
  readonly color: string;
  readonly children: ReactNode;
}) {
  return (
    <Box>
      <Text color={color}>{sign} </Text>
      <Box flexShrink={1}>
        <Text color={color}>{children}</Text>
      </Box>
    </Box>
  );
}

/** The end of the setup: what was written where, or why it could not be. */
export function SaveStatus(props: SaveStatusProps) {
  switch (props.step) {
    case 'saving':
      return <Text dimColor>Saving {props.fileLabel}…</Text>;
    case 'saved':
      return (
        <Signed sign="✔" color="green">
          Saved {props.fileLabel} (readable by you only){props.hasSecret ? '' : ': no secret, the login uses PKCE'}.
        </Signed>
      );
    case 'save-failed':
      return (
        <Box flexDirection="column">
          <Signed sign="✖" color="red">
            {props.error}
          </Signed>
          <KeyLine press="Enter" then="to try again" other="Esc to go back" />
        </Box>
      );
  }
}
