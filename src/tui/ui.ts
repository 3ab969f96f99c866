// The whole UI as one lazily imported module: the login's screens, the setup's and the config
// error's. One entry for esbuild means Ink, React and every screen land in one chunk file, where
// separate entries for the login and the setup split what they share into more files to read
// before a first frame. A screen that is not shown costs only its parse (Ink's is the bulk).
export { runTui, showConfigError } from './run-tui.js';
export { runFirstRunSetup, runSetup } from './setup/run-setup.js';
