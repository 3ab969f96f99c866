import { render } from 'ink';
import type { ConfigError } from '../core/errors.js';
import type { LoginFlow } from '../login/flow.js';
import type { LoginState } from '../login/state.js';
import type { ConfigWarning } from '../config/types.js';
import { animationWanted } from './ci-mode.js';
import { App } from './App.js';
import { ConfigErrorView, configErrorViewProps } from './ConfigErrorView.js';
import { supportsHyperlinks } from './terminal.js';

/** Renders the login until the user quits or it is done; resolves with the last state. */
export async function runTui(
  flow: LoginFlow,
  warnings: readonly ConfigWarning[],
  stop: AbortSignal,
  started: Promise<void> = flow.start(),
): Promise<LoginState> {
  // Already listening when the first frame is drawn (usually): it shows the prompt at once.
  await Promise.race([started, new Promise((resolve) => setTimeout(resolve, 50))]);
  let last: LoginState = flow.state;
  const animate = animationWanted(process.env);
  // Keys pressed as soon as the prompt is on the screen must reach Ink as keys. Ink switches the
  // terminal to raw mode in an effect, after the first frame is written: until then the terminal
  // would echo an Enter and turn it into a line feed.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  const app = render(
    <App
      flow={flow}
      warnings={warnings.map((w) => w.message)}
      now={Date.now}
      animate={animate}
      hyperlinks={supportsHyperlinks(process.stdout)}
      onExit={(state) => {
        last = state;
      }}
    />,
    { exitOnCtrlC: false },
  );
  // A signal or crash: unmounting restores the cursor and the terminal's mode.
  stop.addEventListener('abort', () => app.unmount(), { once: true });
  started.catch((error: unknown) => {
    app.unmount(error instanceof Error ? error : new Error(String(error)));
  });
  await app.waitUntilExit();
  return last;
}

/** A configuration problem, shown once; the program then exits with the usage code. */
export async function showConfigError(error: ConfigError): Promise<void> {
  const app = render(<ConfigErrorView {...configErrorViewProps(error, [])} />);
  app.unmount();
  await app.waitUntilExit();
}
