import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { CredentialCheck } from '../../setup/credentials.js';
import { Signed } from '../Signed.js';

export const LABEL_WIDTH = 16;

/** What the field says under the value: progress while typing, the problem once Enter was refused. */
export function CheckLine({
  check,
  rejected,
  valid,
}: {
  readonly check: CredentialCheck;
  readonly rejected: boolean;
  readonly valid: string;
}) {
  if (check.ok) {
    return (
      <Signed sign="✔" color="green">
        {valid}
      </Signed>
    );
  }
  if (check.incomplete && !rejected) return <Text dimColor>{check.problem}</Text>;
  return (
    <Signed sign="✖" color="red">
      {check.problem}
      {check.incomplete ? ': not complete yet' : ''}
    </Signed>
  );
}

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  /** For the secret: one dot per character, so the length shows but nothing else does. */
  readonly masked?: boolean;
  /** Shown dim in place of an empty value. */
  readonly placeholder?: string;
  /** Lines under the value, aligned with it. */
  readonly children?: ReactNode;
}

/** One input line; the cursor is always at the end (typing appends, Backspace removes the last). */
export function TextField({ label, value, masked = false, placeholder, children }: TextFieldProps) {
  const shown = masked ? '•'.repeat([...value].length) : value;
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={LABEL_WIDTH} flexShrink={0}>
          <Text bold>{label}</Text>
        </Box>
        <Text>
          <Text color="cyan">› </Text>
          {shown}
          <Text inverse> </Text>
          {value === '' && placeholder !== undefined && <Text dimColor> {placeholder}</Text>}
        </Text>
      </Box>
      <Box marginLeft={LABEL_WIDTH + 2} flexDirection="column">
        {children}
      </Box>
    </Box>
  );
}
