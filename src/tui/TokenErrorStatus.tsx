import { Box, Text } from 'ink';
import type { ErrorInfo, LoginInfo } from '../login/state.js';
import { adviceFor } from './error-advice.js';
import { Keys } from './Keys.js';
import { sanitize } from '../core/sanitize.js';

/** A failed attempt: what went wrong, Spotify's (secret-free) words for it, and the next step. */
export function TokenErrorStatus({ error, info }: { readonly error: ErrorInfo; readonly info: LoginInfo }) {
  const advice = adviceFor(error, info);
  // Messages often begin with the same words as the title ("…credentials: Invalid client"):
  // say them once, and keep Spotify's own reason on the detail line.
  const repeated = advice.title.replace(/\.$/, ': ');
  const detail = sanitize(
    error.message.startsWith(repeated) ? error.message.slice(repeated.length) : error.message,
    1000,
  );
  return (
    <Box flexDirection="column">
      <Text color="red" bold>
        ✖ {advice.title}
      </Text>
      <Box flexDirection="column" marginLeft={2}>
        <Text dimColor>
          {error.code}: {detail}
        </Text>
        <Text>{advice.next}</Text>
      </Box>
      <Keys enter="try again" />
    </Box>
  );
}
