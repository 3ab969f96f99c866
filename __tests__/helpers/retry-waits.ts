import type { DebugLog } from '../../src/core/debug-log.js';

/**
 * A debug log that keeps how long got waited before each retry (its `http retry` lines): got does
 * the waiting itself, in real time, so tests read the waits instead of replacing them.
 */
export const recordWaits =
  (waits: number[]): DebugLog =>
  (event, details) => {
    if (event === 'http retry') waits.push(Number(details?.waitedMs));
  };
