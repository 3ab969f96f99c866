import type { EventEmitter } from 'node:events';

const POLL_MS = 10;

/**
 * Polls until `check` returns a value (not undefined), or fails after `timeoutMs` with `describe()`.
 * Ink paints on a later tick, later still on a busy machine: a bound, not a guess of the delay.
 */
export async function until<T>(check: () => T | undefined, describe: () => string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The first last frame that matches `pattern`; the failure shows the frame it ended on. */
export function frameMatching(lastFrame: () => string | undefined, pattern: RegExp, timeoutMs?: number) {
  return until(
    () => {
      const frame = lastFrame();
      return frame !== undefined && pattern.test(frame) ? frame : undefined;
    },
    () => `no frame matched ${pattern}; the last one was:\n${lastFrame() ?? '(nothing rendered)'}`,
    timeoutMs,
  );
}

/**
 * Resolves once Ink listens on the test's stdin: its input effect runs after the first frame, and a
 * key written before then is lost. Ink reads a stdin through its 'readable' (older: 'data') event.
 */
export function listening(stdin: EventEmitter): Promise<true> {
  return until(
    () => (stdin.listenerCount('readable') + stdin.listenerCount('data') > 0 ? true : undefined),
    () => 'Ink never listened on stdin (is raw mode supported, is the input hook active?)',
  );
}
