/**
 * Jest runs natively in ESM (ink, got and open are ESM-only); @swc/jest strips types.
 * Two projects: `unit` runs the sources in-process; `e2e` runs the built program in dist/ (the
 * bin, the library entry, tmux, chromium), so it refuses a dist/ older than src/.
 */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  setupFiles: ['<rootDir>/__tests__/helpers/setup-env.ts'],
};

// Every file that runs dist/ (spawns dist/cli.cjs, imports dist/index.js) or drives a real
// terminal or browser around it; the chromium page checks sit here too, for the browser.
const e2eFiles = ['e2e-*.test.ts', 'browser-*.test.ts', 'init-command.test.ts', 'library.test.ts', 'logout.test.ts'];

export default {
  // Jest reads testTimeout from the root config only (a project's own is ignored). The e2e tests
  // spawn the program, tmux or chromium, and the unit fuzz runs take seconds each: on a busy
  // 2-core machine both pass 5 s.
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: on a 2-core machine one, and the unit
  // files spend much of their time waiting (header timeouts, killed writers, sockets), not on CPU.
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts?(x)', ...e2eFiles.map((name) => `!**/__tests__/${name}`)],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: e2eFiles.map((name) => `<rootDir>/__tests__/${name}`),
      globalSetup: '<rootDir>/__tests__/helpers/fresh-dist.ts',
    },
  ],
};
