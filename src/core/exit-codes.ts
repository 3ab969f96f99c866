/** Exit codes scripts can rely on; documented in the README. */
export const EXIT = {
  OK: 0,
  /** The authorization did not complete: quit, declined, failed or timed out. */
  NOT_AUTHORIZED: 1,
  /** Wrong flags or a configuration the user must fix. */
  USAGE: 2,
  /** The redirect URI's port is taken by another program. */
  PORT_IN_USE: 3,
  /** A bug in pytify-auth (EX_SOFTWARE). */
  INTERNAL: 70,
} as const;
