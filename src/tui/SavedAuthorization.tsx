import { Box, Text } from 'ink';
import { Keys } from './Keys.js';
import { sanitize } from '../core/sanitize.js';

const COLOUR = { info: undefined, warning: 'yellow', error: 'red' } as const;

/** The launch screen when a login is already saved: who, since when, how long it has left. */
export function SavedAuthorization({
  lines,
}: {
  readonly lines: ReadonlyArray<{ tone: 'info' | 'warning' | 'error'; text: string }>;
}) {
  return (
    <Box flexDirection="column">
      {lines.map((line) => (
        <Text key={line.text} color={COLOUR[line.tone]}>
          {line.tone === 'info' ? '' : line.tone === 'warning' ? '⚠ ' : '✖ '}
          {sanitize(line.text, 1000)}
        </Text>
      ))}
      {/* The first line already offers Enter ("- Enter to authorize again"). */}
      <Keys />
    </Box>
  );
}
