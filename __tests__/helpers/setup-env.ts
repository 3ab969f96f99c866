// Snapshots must be identical in a colour terminal and in CI: no ANSI colours anywhere.
process.env.FORCE_COLOR = '0';
process.env.NO_COLOR = '1';
// Ink paints only the final frame when CI is set (CI runs set it): tests read every frame.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// A proxy in the environment of whoever runs the tests (a CI runner's, a laptop's) would carry the
// tests' loopback requests off the machine: the tests that want a proxy name their own.
for (const name of ['http_proxy', 'https_proxy', 'all_proxy', 'no_proxy']) {
  delete process.env[name];
  delete process.env[name.toUpperCase()];
}
