import { Box, Text } from 'ink';
import { KeyLine } from '../KeyLine.js';
import { LABEL_WIDTH } from './TextField.js';

function Row({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <Box>
      <Box width={LABEL_WIDTH} flexShrink={0}>
        <Text dimColor>{label}</Text>
      </Box>
      <Text>{value}</Text>
    </Box>
  );
}

export interface ConfirmStepProps {
  readonly fileLabel: string;
  readonly clientId: string;
  readonly hasSecret: boolean;
  /** Keys of the file that the save leaves as they are. */
  readonly kept: readonly string[];
  readonly rewritesYaml: boolean;
}

/** The file exists: say exactly what saving changes, and save only on an explicit "y". */
export function ConfirmStep({ fileLabel, clientId, hasSecret, kept, rewritesYaml }: ConfirmStepProps) {
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{fileLabel}</Text> exists already. Save these settings into it?
      </Text>
      <Box flexDirection="column" marginLeft={2}>
        <Row label="clientId" value={clientId} />
        <Row label="clientSecret" value={hasSecret ? '•••••••• (readable by you only)' : 'none: PKCE'} />
        {/* A sentence, not a row: in the key column, "unchanged" read like a key of that name. */}
        <Text dimColor>
          {kept.length > 0 ? `Kept as they are: ${kept.join(', ')}.` : 'The file has no other settings.'}
        </Text>
      </Box>
      {rewritesYaml && (
        <Text color="yellow">
          It is YAML now: it is saved as JSON (YAML reads that too), and its comments are lost.
        </Text>
      )}
      <Box marginTop={1}>
        <KeyLine press="y" then="to save" other="n or Esc to go back" />
      </Box>
    </Box>
  );
}
