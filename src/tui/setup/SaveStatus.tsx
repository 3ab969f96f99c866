import { Box, Text } from 'ink';
import { KeyLine } from '../KeyLine.js';
import { Signed } from '../Signed.js';

export type SaveStatusProps =
  | { readonly step: 'saving'; readonly fileLabel: string }
  | { readonly step: 'saved'; readonly fileLabel: string; readonly hasSecret: boolean }
  | { readonly step: 'save-failed'; readonly fileLabel: string; readonly error: string };

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
