// Snapshots must be identical in a colour terminal and in CI: no ANSI colours anywhere.
process.env.FORCE_COLOR = '0';
process.env.NO_COLOR = '1';
