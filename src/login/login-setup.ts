import type { Config, ConfigWarning } from '../config/types.js';

/** What the login run needs besides the flow: how to tidy up, and what the user was warned about. */
export interface LoginSetup {
  config: Config;
  warnings: ConfigWarning[];
  cleanup(): Promise<void>;
}
