// Snapshots must be identical in a colour terminal and in CI: no ANSI colours anywhere.
process.env.FORCE_COLOR = '0';
process.env.NO_COLOR = '1';
// Ink paints only the final frame when CI is set (CI runs set it): tests read every frame.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
