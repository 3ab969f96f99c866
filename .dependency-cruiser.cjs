/**
 * The dependency rule (docs/development.md), checked by `npm run lint`:
 *
 *   bin.ts, main.ts, index.ts      entry points
 *   commands/                      one module per command, and their shared argument parsing
 *   login/  setup/  tui/           the flow and first-run setup, and the Ink views of both
 *   listener/ token/ config/       the parts: callback server, token service, configuration,
 *   oauth/  demo/                  the pure protocol, the local Spotify
 *   core/                          errors, exit codes, private files, debug log
 *
 * Imports run downwards only, and there are no circles. Within a tier the parts stay apart,
 * with the exceptions named in the rules below.
 */
const tier = {
  entry: '^src/(bin|main|index)\\.ts$',
  commands: '^src/commands/',
  front: '^src/(login|setup|tui)/',
  parts: '^src/(listener|token|config|oauth|demo)/',
  core: '^src/core/',
};

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'entries-are-not-imported',
      comment: 'Only bin.ts may load main.ts (lazily); nothing imports an entry point.',
      severity: 'error',
      from: { pathNot: '^src/bin\\.ts$' },
      to: { path: tier.entry },
    },
    {
      name: 'commands-are-the-top',
      comment: 'Commands are loaded by main.ts and bin.ts; nothing below imports a command.',
      severity: 'error',
      from: { pathNot: [tier.entry, tier.commands] },
      to: { path: tier.commands },
    },
    {
      name: 'views-are-not-imported-from-below',
      comment: 'The flow and the setup emit states; only the views, the commands and main.ts import tui/.',
      severity: 'error',
      from: { pathNot: [tier.entry, tier.commands, '^src/tui/'] },
      to: { path: '^src/tui/' },
    },
    {
      name: 'login-and-setup-apart',
      comment: 'The login flow and first-run setup are separate front ends of the same parts.',
      severity: 'error',
      from: { path: '^src/(login|setup)/' },
      to: { path: '^src/(login|setup)/', pathNot: '^src/$1/' },
    },
    {
      name: 'parts-do-not-import-up',
      severity: 'error',
      from: { path: tier.parts },
      to: { path: [tier.entry, tier.commands, tier.front] },
    },
    {
      name: 'parts-stay-apart',
      comment: 'A part uses only core/ and its own folder.',
      severity: 'error',
      from: { path: '^src/(listener|config|oauth|demo)/' },
      to: { path: tier.parts, pathNot: '^src/$1/' },
    },
    {
      name: 'token-reads-only-config',
      comment: 'The token service may also resolve the configuration: the library (getAccessToken) does.',
      severity: 'error',
      from: { path: '^src/token/' },
      to: { path: '^src/(listener|oauth|demo)/' },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      from: { path: tier.core },
      to: { path: '^src/', pathNot: tier.core },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
