import { Text } from 'ink';
import type { DashboardStatus } from '../../setup/setup-state.js';
import { DASHBOARD_URL, guideSteps } from '../../setup/guide.js';
import { GuideSteps } from '../GuideSteps.js';

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
  /** The redirect URI the login will use; the guide names what to register for it. */
  readonly redirectUri: string;
  readonly dashboard: DashboardStatus;
}

/** The numbered steps on Spotify's side, with whether the browser opened the dashboard. */
export function SetupGuide({ redirectUri, dashboard }: SetupGuideProps) {
  return (
    <GuideSteps
      steps={guideSteps(redirectUri)}
      underFirst={dashboard === 'idle' ? undefined : <DashboardLine status={dashboard} />}
    />
  );
}
