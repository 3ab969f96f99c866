import { Box, Text } from 'ink';
import type { DashboardStatus } from '../../setup/setup-state.js';
import { DASHBOARD_URL, guideSteps } from '../../setup/guide.js';

function DashboardLine({ status }: { readonly status: DashboardStatus }) {
  switch (status) {
    case 'idle':
      return null;
    case 'opening':
      return <Text dimColor>Opening the dashboard in your browser…</Text>;
    case 'opened':
      return <Text color="green">✔ Opened the dashboard in your browser.</Text>;
    case 'failed':
      return <Text color="yellow">Could not open a browser: open {DASHBOARD_URL} yourself.</Text>;
  }
}

export interface SetupGuideProps {
  readonly redirectUri: string;
  readonly dashboard: DashboardStatus;
}

/**
 * The numbered steps on Spotify's side. A URL to copy sits alone on its own line, unwrapped, so
 * that selecting the line copies exactly the URL.
 */
export function SetupGuide({ redirectUri, dashboard }: SetupGuideProps) {
  return (
    <Box flexDirection="column">
      {guideSteps(redirectUri).map((step, index) => (
        <Box key={step.text} flexDirection="column">
          <Box>
            <Box width={5} flexShrink={0}>
              <Text>{`  ${index + 1}.`}</Text>
            </Box>
            <Text>{step.text}</Text>
          </Box>
          {step.copy !== undefined && (
            <Box marginLeft={7}>
              <Text color="cyan" wrap="end">
                {step.copy}
              </Text>
            </Box>
          )}
          {index === 0 && dashboard !== 'idle' && (
            <Box marginLeft={7}>
              <DashboardLine status={dashboard} />
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}
