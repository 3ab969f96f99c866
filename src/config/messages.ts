import { sanitize } from '../core/sanitize.js';
import type { ConfigError } from '../core/errors.js';
import { afterStepsLines, clientIdPlace, dashboardSteps, plainSteps } from './guidance.js';
import type { ConfigWarning } from './types.js';

/** The plain-text form of a configuration problem, for stderr when there is no TUI. */
export function describeConfigError(error: ConfigError): string {
  // Messages quote config values, which may hold anything: through the one sanitiser.
  const lines = [`pytify-auth: ${sanitize(error.message, 1000)}`];
  // Set by the config loader; without it (an error built elsewhere) no URI is better than a wrong one.
  if (error.code === 'CONFIG_MISSING_CLIENT_ID' && error.registerUri !== undefined) {
    lines.push(
      '',
      'To get a client id:',
      ...plainSteps(dashboardSteps(error.registerUri)),
      '',
      ...afterStepsLines(clientIdPlace(error.file)),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function describeWarning(warning: ConfigWarning): string {
  return `warning: ${sanitize(warning.message, 1000)}`;
}
