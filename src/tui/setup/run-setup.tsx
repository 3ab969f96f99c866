import { render } from 'ink';
import { createBrowser, type Browser } from '../../login/browser.js';
import { ConfigError } from '../../core/errors.js';
import type { ConfigFlags } from '../../config/types.js';
import { prepareSetup, type SetupPlan } from '../../setup/prepare.js';
import { writeConfigFile } from '../../setup/write-config.js';
import { ConfigErrorView, configErrorViewProps } from '../ConfigErrorView.js';
import { SetupApp, type SetupOutcome } from './SetupApp.js';

export type { SetupOutcome };

export interface SetupIo {
  readonly browser?: Browser;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
}

/**
 * Shows the setup screens until the config is saved or the user quits. Resolves after Ink has
 * unmounted and given the terminal back (raw mode off), so the caller can render the launch
 * screen right after, in the same process.
 */
export async function runSetup(plan: SetupPlan, cwd: string, io: SetupIo = {}): Promise<SetupOutcome> {
  let outcome: SetupOutcome = { cancelled: true };
  const app = render(
    <SetupApp
      plan={plan}
      cwd={cwd}
      browser={io.browser ?? createBrowser(process.env)}
      save={(content, replace) => writeConfigFile(plan.file, content, { replace })}
      onExit={(result) => {
        outcome = result;
      }}
    />,
    { exitOnCtrlC: false, ...(io.stdin ? { stdin: io.stdin } : {}), ...(io.stdout ? { stdout: io.stdout } : {}) },
  );
  await app.waitUntilExit();
  return outcome;
}

/**
 * The first run of `pytify-auth` without a client id: decide where to save, ask, save. A config
 * the setup cannot save into is shown like any config problem and counts as not set up.
 */
export async function runFirstRunSetup(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: ConfigFlags;
}): Promise<SetupOutcome> {
  let plan: SetupPlan;
  try {
    plan = await prepareSetup(options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const app = render(<ConfigErrorView {...configErrorViewProps(error, [])} />);
    app.unmount();
    await app.waitUntilExit();
    return { cancelled: true };
  }
  return runSetup(plan, options.cwd);
}
