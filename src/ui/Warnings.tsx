import { Box, Text } from 'ink';

/** Config warnings: things that work now but deserve a look (unknown keys, localhost redirect). */
export function Warnings({ warnings }: { readonly warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Box flexDirection="column">
      {warnings.map((warning, index) => (
        <Text key={index} color="yellow">
          ⚠ {warning}
        </Text>
      ))}
    </Box>
  );
}
