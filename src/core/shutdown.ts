import { constants } from 'node:os';

export type StopReason = { kind: 'signal'; signal: NodeJS.Signals } | { kind: 'crash'; error: unknown };

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Turns SIGINT/SIGTERM/SIGHUP and an uncaught error into an orderly stop: the caller unmounts the
 * TUI (restoring the cursor and raw mode) and closes the listener, instead of the process dying
 * with the port held and the terminal in raw mode.
 */
export function watchForStop(onStop: (reason: StopReason) => void): {
  dispose(): void;
  reason(): StopReason | undefined;
} {
  let stopped: StopReason | undefined;
  const stop = (reason: StopReason) => {
    if (stopped) return;
    stopped = reason;
    onStop(reason);
  };
  const onSignal = (signal: NodeJS.Signals) => stop({ kind: 'signal', signal });
  const onCrash = (error: unknown) => stop({ kind: 'crash', error });
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return {
    dispose() {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
    },
    reason: () => stopped,
  };
}

/** The shell convention: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM). */
export function exitCodeForSignal(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}
