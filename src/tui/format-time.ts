/**
 * Milliseconds left as m:ss. Rounded up, so the countdown shows 0:00 only once the deadline has
 * passed, and never negative (the clock may tick past the deadline before the flow times out).
 */
export function formatTimeLeft(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.ceil(ms / 1000)) : 0;
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
