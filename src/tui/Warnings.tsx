import { Box, Text } from 'ink';
import { sanitize } from '../core/sanitize.js';

/**
 * Config warnings: things that work now but deserve a look (unknown keys, localhost redirect).
 * The sign has a column of its own, so a long warning wraps under its text, not under the sign.
 */
export function Warnings({ warnings }: { readonly warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Box flexDirection="column">
      {warnings.map((warning, index) => (
        <Box key={index}>
          <Text color="yellow">⚠ </Text>
          <Box flexShrink={1}>
            <Text color="yellow">{sanitize(warning, 1000)}</Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
}
