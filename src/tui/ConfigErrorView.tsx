import { Box, Text } from 'ink';
import { afterStepsLines, clientIdPlace, dashboardSteps } from '../config/guidance.js';
import type { ConfigError } from '../core/errors.js';
import { GuideSteps } from './GuideSteps.js';
import { Signed } from './Signed.js';
import { Warnings } from './Warnings.js';
import { sanitize } from '../core/sanitize.js';

export interface ConfigErrorViewProps {
  readonly code: 'CONFIG_INVALID' | 'CONFIG_MISSING_CLIENT_ID';
  readonly message: string;
  readonly file?: string;
  /** The offending key. Not named `key`: React takes that prop for itself and never passes it on. */
  readonly configKey?: string;
  /** A missing client id: the redirect URI to register, as the config in use has it. */
  readonly registerUri?: string;
  readonly warnings: readonly string[];
}

/** Props from a thrown ConfigError, so the container cannot forget the file, the key or the URI. */
export function configErrorViewProps(error: ConfigError, warnings: readonly string[]): ConfigErrorViewProps {
  // ConfigError's `code` is typed as any ErrorCode; its constructor only takes these two.
  const code = error.code === 'CONFIG_MISSING_CLIENT_ID' ? 'CONFIG_MISSING_CLIENT_ID' : 'CONFIG_INVALID';
  return {
    code,
    // The message and the key may quote a config file's own text.
    // Line by line: the sanitiser would show a line break as \x0a.
    message: error.message
      .split('\n')
      .map((line) => sanitize(line, 1000))
      .join('\n'),
    file: error.file,
    configKey: error.key === undefined ? undefined : sanitize(error.key, 100),
    registerUri: error.registerUri,
    warnings,
  };
}

/** First run: no app yet. The dashboard steps of the setup, then where the Client ID goes. */
function MissingClientIdGuide({ registerUri, file }: { readonly registerUri: string; readonly file?: string }) {
  const [where, ...next] = afterStepsLines(clientIdPlace(file));
  return (
    <Box flexDirection="column">
      <Text>To get a client id:</Text>
      <GuideSteps steps={dashboardSteps(registerUri)} />
      <Box marginTop={1} flexDirection="column">
        <Text>{where}</Text>
        {next.map((line) => (
          <Text key={line} dimColor>
            {line}
          </Text>
        ))}
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
export function ConfigErrorView({ code, message, file, configKey, registerUri, warnings }: ConfigErrorViewProps) {
  return (
    <Box flexDirection="column">
      <Text bold>pytify-auth - Spotify authorization</Text>
      <Box marginTop={1} flexDirection="column">
        {/* One ✖ per problem: a file with several wrong values lists each on its own line. */}
        {(code === 'CONFIG_INVALID' ? message.split('\n') : [message]).map((line, index) => (
          <Signed key={index} sign="✖" color="red" bold>
            {line}
          </Signed>
        ))}
      </Box>
      <Box marginTop={1} marginLeft={2}>
        {/* Without the URI (an error built elsewhere) no guide: a wrong URI would be worse. */}
        {code === 'CONFIG_MISSING_CLIENT_ID' ? (
          registerUri !== undefined && <MissingClientIdGuide registerUri={registerUri} file={file} />
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
