import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { GuideStep } from '../config/guidance.js';

export interface GuideStepsProps {
  readonly steps: readonly GuideStep[];
  /** Shown under the first step (the dashboard): whether the browser opened it. */
  readonly underFirst?: ReactNode;
}

/**
 * The numbered steps on Spotify's side, for the setup screen and the config error alike. A URL to
 * copy sits alone on its own line, unwrapped, so that selecting the line copies exactly the URL.
 */
export function GuideSteps({ steps, underFirst }: GuideStepsProps) {
  return (
    <Box flexDirection="column">
      {steps.map((step, index) => (
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
          {index === 0 && underFirst !== undefined && <Box marginLeft={7}>{underFirst}</Box>}
        </Box>
      ))}
    </Box>
  );
}
