import { loadConfig } from '../config/load-config.js';
import type { ConfigFlags } from '../config/types.js';
import type { LoginSetup } from './login-setup.js';
import { setUpDemo } from './demo-setup.js';

/** The configuration of this run: the user's (files, environment, flags), or the demo's own. */
export async function setUpLogin(flags: ConfigFlags, options: { demo: boolean }): Promise<LoginSetup> {
  if (options.demo) return setUpDemo(flags);
  const loaded = await loadConfig({ cwd: process.cwd(), env: process.env, flags });
  return { ...loaded, cleanup: async () => undefined };
}
