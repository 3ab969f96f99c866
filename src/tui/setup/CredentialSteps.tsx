import { Box, Text } from 'ink';
import { checkClientId, checkClientSecret } from '../../setup/credentials.js';
import { looksLikePlaceholderId } from '../../login/state.js';
import { KeyLine } from '../KeyLine.js';
import { Prose } from '../Prose.js';
import { Warnings } from '../Warnings.js';
import { LABEL_WIDTH, CheckLine, TextField } from './TextField.js';

const PLACEHOLDER_WARNING =
  "This looks like an example id, not your app's: Spotify will refuse it. Copy the Client ID from your app's page in the dashboard.";

/** Enter was pressed on a value with a problem: say that it was refused and why, not nothing. */
function Refused({ what, other }: { readonly what: string; readonly other: string }) {
  return (
    <Prose>
      <Text>
        <Text color="red">Enter refused: the {what} above is not valid yet (see ✖). Fix it and press Enter again</Text>
        <Text dimColor>, {other}</Text>
      </Text>
    </Prose>
  );
}

export interface ClientIdStepProps {
  readonly value: string;
  readonly rejected: boolean;
  /** The line under the empty field ("32 characters…"); a short screen may need its row. */
  readonly hint?: boolean;
  /** A short screen: no blank line above the keys. */
  readonly compact?: boolean;
}

/** Asks for the Client ID and says what is wrong with it while it is typed or pasted. */
export function ClientIdStep({ value, rejected, hint = true, compact = false }: ClientIdStepProps) {
  const check = checkClientId(value);
  return (
    <Box flexDirection="column">
      <TextField label="Client ID" value={value} placeholder="paste it here">
        {value === '' ? (
          hint && <Text dimColor>32 characters, 0-9 and a-f</Text>
        ) : (
          <CheckLine check={check} rejected={rejected} valid="32 hexadecimal characters" />
        )}
      </TextField>
      {check.ok && looksLikePlaceholderId(value) && <Warnings warnings={[PLACEHOLDER_WARNING]} />}
      <Box marginTop={compact ? 0 : 1}>
        {value === '' ? (
          <KeyLine press="Enter" then="to open the dashboard in your browser" other="Esc to quit" />
        ) : rejected && !check.ok ? (
          <Refused what="Client ID" other="Ctrl-U clears, Esc to quit" />
        ) : (
          <KeyLine press="Enter" then="to continue" other="Ctrl-U clears, Esc to quit" />
        )}
      </Box>
    </Box>
  );
}

export interface SecretStepProps {
  readonly clientId: string;
  readonly value: string;
  readonly rejected: boolean;
  readonly fileLabel: string;
  /** Keys copied from a config the new file will take precedence over, and that file. */
  readonly carried?: { readonly from: string; readonly keys: readonly string[] };
  /** A short screen: no blank lines between the parts. */
  readonly compact?: boolean;
}

/** The optional secret, masked; empty means PKCE, which the screen recommends. */
export function SecretStep({ clientId, value, rejected, fileLabel, carried, compact = false }: SecretStepProps) {
  const gap = compact ? 0 : 1;
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={LABEL_WIDTH} flexShrink={0}>
          <Text bold>Client ID</Text>
        </Box>
        <Text>
          {clientId} <Text color="green">✔</Text>
        </Text>
      </Box>
      <TextField label="Client secret" value={value} masked placeholder="optional: leave empty for PKCE">
        {value === '' ? (
          <Text dimColor>No secret: PKCE, recommended (nothing secret is stored anywhere).</Text>
        ) : (
          <CheckLine check={checkClientSecret(value, clientId)} rejected={rejected} valid="32 hexadecimal characters" />
        )}
      </TextField>
      <Box marginTop={gap} flexDirection="column">
        <Text>
          Saves to <Text bold>{fileLabel}</Text>, readable by you only (mode 0600).
        </Text>
        {carried && carried.keys.length > 0 && (
          <Text dimColor>
            It is read before {carried.from}, so its settings are copied along: {carried.keys.join(', ')}.
          </Text>
        )}
      </Box>
      <Box marginTop={gap}>
        {value === '' ? (
          <KeyLine press="Enter" then="to save without a secret" other="Esc to go back" />
        ) : rejected && !checkClientSecret(value, clientId).ok ? (
          <Refused what="client secret" other="Ctrl-U clears (no secret), Esc to go back" />
        ) : (
          <KeyLine press="Enter" then="to save" other="Ctrl-U clears (no secret), Esc to go back" />
        )}
      </Box>
    </Box>
  );
}
