import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

export interface SignedProps {
  readonly sign: string;
  readonly color?: string;
  readonly bold?: boolean;
  readonly children: ReactNode;
}

/**
 * A line led by a sign (✔ ✖ ⚠): the sign has a column of its own, so a long text wraps under
 * itself, not under the sign or at column 1.
 */
export function Signed({ sign, color, bold, children }: SignedProps) {
  return (
    <Box>
      <Text color={color} bold={bold}>
        {`${sign} `}
      </Text>
      <Box flexShrink={1}>
        <Text color={color} bold={bold}>
          {children}
        </Text>
      </Box>
    </Box>
  );
}
