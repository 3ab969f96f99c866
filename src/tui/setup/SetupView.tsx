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
  /** Terminal height: a short one gets the screen without its blank lines, so the title stays. */
  readonly rows?: number;
}

/** Below this many rows the setup with its guide, blank lines and field would scroll its title away. */
export const SHORT_SETUP_ROWS = 26;

function Step({ plan, state, cwd, compact }: SetupViewProps & { readonly compact: boolean }) {
  const { fileLabel } = plan;
  const hasSecret = state.clientSecret !== '';
  switch (state.step) {
    case 'client-id':
      // Short screen: the dashboard line under step 1 takes the row of the field's hint.
      return (
        <ClientIdStep
          value={state.clientId}
          rejected={state.rejected}
          hint={!compact || state.dashboard === 'idle'}
          compact={compact}
        />
      );
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
          compact={compact}
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
export function SetupView({ plan, state, cwd, rows }: SetupViewProps) {
  const editing = plan.current.clientId !== undefined;
  const compact = rows !== undefined && rows < SHORT_SETUP_ROWS;
  // On a short screen the secret step goes without the guide: the id is in, and the guide would
  // push the title off the top.
  const typing = state.step === 'client-id' || (state.step === 'secret' && !compact);
  const gap = compact ? 0 : 1;
  const warnings = [
    ...plan.warnings,
    ...plan.envOverrides.map((name) => `${name} is set in the environment and overrides what is saved here.`),
  ];
  // Saved: a blank line after, so the launch screen that follows in the same run stands apart.
  return (
    <Box flexDirection="column" marginBottom={state.step === 'saved' ? 1 : 0}>
      <Text bold>pytify-auth - {editing ? `edit ${plan.fileLabel}` : 'set up your Spotify app'}</Text>
      {typing && (
        <Box marginTop={gap} flexDirection="column">
          {!compact && (
            <Text>
              {editing
                ? `Editing ${plan.fileLabel}: the fields start with its current values. The steps, for reference:`
                : 'No Spotify client id is configured yet. To get one:'}
            </Text>
          )}
          <SetupGuide redirectUri={plan.redirectUri} dashboard={state.dashboard} />
        </Box>
      )}
      {typing && warnings.length > 0 && (
        <Box marginTop={gap}>
          <Warnings warnings={warnings} />
        </Box>
      )}
      <Box marginTop={1}>
        <Step plan={plan} state={state} cwd={cwd} compact={compact} />
      </Box>
    </Box>
  );
}
