import { Box, Text } from 'ink';
import { keptKeys } from '../../setup/config-content.js';
import type { SetupPlan } from '../../setup/prepare.js';
import type { SetupState } from '../../setup/setup-state.js';
import { displayPath } from '../../config/where.js';
import { Warnings } from '../Warnings.js';
import { ConfirmStep } from './ConfirmStep.js';
import { ClientIdStep, SecretStep } from './CredentialSteps.js';
import { SaveStatus } from './SaveStatus.js';
import { SetupGuide } from './SetupGuide.js';

export type SetupViewPlan = Pick<
  SetupPlan,
  'redirectUri' | 'fileLabel' | 'base' | 'carriedFrom' | 'rewritesYaml' | 'current' | 'envOverrides' | 'warnings'
>;

export interface SetupViewProps {
  readonly plan: SetupViewPlan;
  readonly state: SetupState;
  /** For showing `carriedFrom` relative to where the user is. */
  readonly cwd: string;
}

function Step({ plan, state, cwd }: SetupViewProps) {
  const { fileLabel } = plan;
  const hasSecret = state.clientSecret !== '';
  switch (state.step) {
    case 'client-id':
      return <ClientIdStep value={state.clientId} rejected={state.rejected} />;
    case 'secret': {
      const carried = plan.carriedFrom
        ? { from: displayPath(plan.carriedFrom, cwd), keys: keptKeys(plan.base) }
        : undefined;
      return (
        <SecretStep
          clientId={state.clientId}
          value={state.clientSecret}
          rejected={state.rejected}
          fileLabel={fileLabel}
          carried={carried}
        />
      );
    }
    case 'confirm':
      return (
        <ConfirmStep
          fileLabel={fileLabel}
          clientId={state.clientId}
          hasSecret={hasSecret}
          kept={keptKeys(plan.base)}
          rewritesYaml={plan.rewritesYaml}
        />
      );
    case 'saving':
      return <SaveStatus step="saving" fileLabel={fileLabel} />;
    case 'saved':
      return <SaveStatus step="saved" fileLabel={fileLabel} hasSecret={hasSecret} />;
    case 'save-failed':
      return (
        <SaveStatus step="save-failed" fileLabel={fileLabel} error={state.error ?? 'The file could not be saved.'} />
      );
    case 'cancelled':
      return <Text dimColor>Setup cancelled: nothing was saved.</Text>;
  }
}

/**
 * The whole setup screen as a pure function of the plan and the state. While the user types, the
 * guide stays on screen: they go back and forth between it and the dashboard.
 */
export function SetupView({ plan, state, cwd }: SetupViewProps) {
  const editing = plan.current.clientId !== undefined;
  const typing = state.step === 'client-id' || state.step === 'secret';
  const warnings = [
    ...plan.warnings,
    ...plan.envOverrides.map((name) => `${name} is set in the environment and overrides what is saved here.`),
  ];
  // Saved: a blank line after, so the launch screen that follows in the same run stands apart.
  return (
    <Box flexDirection="column" marginBottom={state.step === 'saved' ? 1 : 0}>
      <Text bold>pytify-auth - {editing ? `edit ${plan.fileLabel}` : 'set up your Spotify app'}</Text>
      {typing && (
        <Box marginTop={1} flexDirection="column">
          <Text>
            {editing
              ? `Editing ${plan.fileLabel}: the fields start with its current values. The steps, for reference:`
              : 'No Spotify client id is configured yet. To get one:'}
          </Text>
          <SetupGuide redirectUri={plan.redirectUri} dashboard={state.dashboard} />
        </Box>
      )}
      {typing && warnings.length > 0 && (
        <Box marginTop={1}>
          <Warnings warnings={warnings} />
        </Box>
      )}
      <Box marginTop={1}>
        <Step plan={plan} state={state} cwd={cwd} />
      </Box>
    </Box>
  );
}
