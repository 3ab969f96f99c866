import type { Config, ConfigWarning } from '../config/types.js';
import type { DemoInfo } from './state.js';

/** What the login run needs besides the flow: how to tidy up, and what the user was warned about. */
export interface LoginSetup {
  config: Config;
  warnings: ConfigWarning[];
  cleanup(): Promise<void>;
  /** Set by `--demo`: its own Spotify's address. */
  demo?: DemoInfo;
}
