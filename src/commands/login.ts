import { createBrowser } from '../login/browser.js';
import { startCallbackServer } from '../listener/callback-server.js';
import { detectEnvironment, systemProbe } from '../login/environment.js';
import { findPortHolder } from '../listener/port-holder.js';
import { ConfigError } from '../core/errors.js';
import { LoginFlow, systemClock } from '../login/flow.js';
import { cryptoRandom } from '../oauth/pkce.js';
import type { LoginState } from '../login/state.js';
import type { ConfigFlags } from '../config/types.js';
import { setUpLogin } from '../login/configure.js';
import type { LoginSetup } from '../login/login-setup.js';
import { createAuthorizationStore } from '../token/authorization-store.js';
import { createTokenClient } from '../token/token-client.js';
import type { CliArgs } from './args.js';
import { createDebugLog, debugEnabled } from '../core/debug-log.js';
import { EXIT } from '../core/exit-codes.js';
import { exitCodeForSignal, watchForStop } from '../core/shutdown.js';
import { describeConfigError } from '../config/messages.js';
import { loadUi } from '../tui/load-ui.js';
import { printSetupGuide } from '../setup/plain-setup.js';
import { runPlain } from '../login/plain-runner.js';

function flagsOf(args: CliArgs): ConfigFlags {
  return {
    config: args.config,
    tokenFile: args.tokenFile,
    timeout: args.timeout,
    showDialog: args.showDialog,
    noBrowser: args.noBrowser,
    port: args.port,
  };
}

export function exitCodeFor(state: LoginState): number {
  if (state.kind === 'authorized') return EXIT.OK;
  if (state.kind === 'port-busy') return EXIT.PORT_IN_USE;
  return EXIT.NOT_AUTHORIZED;
}

export async function runLogin(args: CliArgs, afterSetup = false): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  let setup: LoginSetup;
  try {
    setup = await setUpLogin(flagsOf(args), { demo: args.demo });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (error.code === 'CONFIG_MISSING_CLIENT_ID' && !afterSetup) {
      const options = { cwd: process.cwd(), env: process.env, flags: flagsOf(args) };
      if (!interactive) return printSetupGuide(options, process);
      // First run: the setup screens save a config, then this same run goes on to the launch screen.
      const { runFirstRunSetup } = await loadUi(() => import('../tui/ui.js'));
      const outcome = await runFirstRunSetup(options);
      return 'written' in outcome ? runLogin(args, true) : EXIT.NOT_AUTHORIZED;
    }
    if (interactive) {
      const { showConfigError } = await loadUi(() => import('../tui/ui.js'));
      await showConfigError(error);
    } else {
      process.stderr.write(describeConfigError(error));
    }
    return EXIT.USAGE;
  }
  const { config } = setup;
  const log = debugEnabled(args.debug, process.env)
    ? createDebugLog((line) => process.stderr.write(line), [config.clientSecret ?? ''])
    : undefined;
  const flow = new LoginFlow({
    config,
    listen: startCallbackServer,
    browser: createBrowser(process.env),
    // The warm-up (connections open while the user is in the browser) is on in this command only.
    tokenClient: createTokenClient({ ...config, log, warmUp: process.env.PYTIFY_NO_WARM_UP !== '1' }),
    tokenStore: createAuthorizationStore(config.tokenFile, { clientId: config.clientId, scopes: config.scopes }),
    clock: systemClock,
    random: cryptoRandom,
    environment: detectEnvironment(systemProbe(process.env)),
    findPortHolder,
    log,
    demo: setup.demo,
  });
  const interrupt = new AbortController();
  const stop = watchForStop(() => interrupt.abort());
  try {
    let final: LoginState;
    if (interactive) {
      // The listener starts while Ink loads: the first frame can then already say "ready" (or
      // that the port is busy) instead of "starting".
      const started = flow.start();
      started.catch(() => undefined); // handled in runTui; not an unhandled rejection meanwhile
      const { runTui } = await loadUi(() => import('../tui/ui.js'));
      final = await runTui(flow, setup.warnings, interrupt.signal, started);
    } else {
      final = await runPlain(flow, setup.warnings, interrupt.signal);
    }
    const reason = stop.reason();
    if (reason?.kind === 'signal') return exitCodeForSignal(reason.signal);
    if (reason?.kind === 'crash') {
      process.stderr.write(
        `pytify-auth: unexpected error: ${(reason.error as Error)?.message ?? String(reason.error)}\n`,
      );
      return EXIT.INTERNAL;
    }
    return exitCodeFor(final);
  } finally {
    // The final state is emitted just before the browser's page is written (in this same turn of
    // the event loop): closing things first would keep the browser waiting about 2 ms longer.
    await new Promise((resolve) => setImmediate(resolve));
    stop.dispose();
    await flow.close();
    await setup.cleanup();
  }
}
