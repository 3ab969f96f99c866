import type { Clock } from '../../src/login/flow.js';

/** A clock whose time stands still and whose timers run only when the test fires them. */
export class ManualClock implements Clock {
  private current: number;
  private nextId = 1;
  private readonly timers = new Map<number, { callback: () => void; ms: number; at: number }>();

  constructor(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { callback, ms, at: this.current + ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Delays of the timers still pending. */
  get pending(): number[] {
    return [...this.timers.values()].map((timer) => timer.ms);
  }

  /** Moves time past every pending timer and runs them. */
  fireAll(): void {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const timer of due) {
      this.current = Math.max(this.current, timer.at);
      timer.callback();
    }
  }
}
