import { Box, Text } from 'ink';
import type { ConfigError } from '../core/errors.js';
import { Warnings } from './Warnings.js';

const DASHBOARD_URL = 'https://developer.spotify.com/dashboard';
const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:3000/callback';

export interface ConfigErrorViewProps {
  readonly code: 'CONFIG_INVALID' | 'CONFIG_MISSING_CLIENT_ID';
  readonly message: string;
  readonly file?: string;
  /** The offending key. Not named `key`: React takes that prop for itself and never passes it on. */
  readonly configKey?: string;
  readonly warnings: readonly string[];
}

/** Props from a thrown ConfigError, so the container cannot forget the file or the key. */
export function configErrorViewProps(error: ConfigError, warnings: readonly string[]): ConfigErrorViewProps {
  // ConfigError's `code` is typed as any ErrorCode; its constructor only takes these two.
  const code = error.code === 'CONFIG_MISSING_CLIENT_ID' ? 'CONFIG_MISSING_CLIENT_ID' : 'CONFIG_INVALID';
  return { code, message: error.message, file: error.file, configKey: error.key, warnings };
}

/** First run: no app yet. Walk the user through creating one, in the order the dashboard asks. */
function MissingClientIdGuide() {
  return (
    <Box flexDirection="column">
      <Text>To get a client id:</Text>
      <Box flexDirection="column" marginLeft={2}>
        <Text>
          1. Open <Text color="cyan">{DASHBOARD_URL}</Text> and create an app (tick &quot;Web API&quot;).
        </Text>
        <Text>
          2. Add the redirect URI <Text color="cyan">{DEFAULT_REDIRECT_URI}</Text> exactly.
        </Text>
        <Text>3. Put the client id in .spotifyrc as {'{"clientId": "…"}'} or set SPOTIFY_CLIENT_ID.</Text>
        <Text dimColor>{'   '}Leave the client secret out to use PKCE (recommended).</Text>
      </Box>
      <Box marginTop={1}>
        <Text dimColor>Or try the whole flow first, against a local fake Spotify: pytify-auth --demo</Text>
      </Box>
    </Box>
  );
}

/** Where the bad value is, so the user can go straight to it. */
function InvalidConfigDetails({ file, configKey }: { readonly file?: string; readonly configKey?: string }) {
  return (
    <Box flexDirection="column">
      {file !== undefined && (
        <Text>
          <Text dimColor>File </Text>
          {file}
        </Text>
      )}
      {configKey !== undefined && (
        <Text>
          <Text dimColor>{'Key  '}</Text>
          {configKey}
        </Text>
      )}
      <Text dimColor>Fix the value and run pytify-auth again.</Text>
    </Box>
  );
}

/** The configuration cannot start a login; nothing else is shown until it is fixed. */
export function ConfigErrorView({ code, message, file, configKey, warnings }: ConfigErrorViewProps) {
  return (
    <Box flexDirection="column">
      <Text bold>pytify-auth - Spotify authorization</Text>
      <Box marginTop={1} flexDirection="column">
        <Text color="red" bold>
          ✖ {message}
        </Text>
      </Box>
      <Box marginTop={1} marginLeft={2}>
        {code === 'CONFIG_MISSING_CLIENT_ID' ? (
          <MissingClientIdGuide />
        ) : (
          <InvalidConfigDetails file={file} configKey={configKey} />
        )}
      </Box>
      {warnings.length > 0 && (
        <Box marginTop={1}>
          <Warnings warnings={warnings} />
        </Box>
      )}
    </Box>
  );
}
