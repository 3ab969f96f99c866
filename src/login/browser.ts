import { PytifyError } from '../core/errors.js';

/** Opens a URL for the user. Rejects when no browser could be started. */
export interface Browser {
  /** True when the user named a browser ($BROWSER): then it is tried wherever we run. */
  readonly explicit?: boolean;
  open(url: string): Promise<void>;
}

/** A browser command that is still running after this long has opened: we stop waiting for it. */
const SETTLE_MS = 3000;

/**
 * Runs `$BROWSER <url>` (or `$BROWSER` with `%s` replaced). The command is split on spaces, as
 * most tools that read $BROWSER do; it is never run through a shell, so the URL is never parsed.
 */
export async function runBrowserCommand(command: string, url: string): Promise<void> {
  // Loaded when a browser is started: the library and the other commands share this module graph.
  const { spawn } = await import('node:child_process');
  const words = command.trim().split(/\s+/);
  const args = words.slice(1);
  const hasPlaceholder = args.some((arg) => arg.includes('%s'));
  const finalArgs = hasPlaceholder ? args.map((arg) => arg.replaceAll('%s', url)) : [...args, url];
  return new Promise((resolve, reject) => {
    const child = spawn(words[0]!, finalArgs, { stdio: 'ignore', detached: true });
    const timer = setTimeout(() => {
      child.unref();
      resolve();
    }, SETTLE_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new PytifyError('BROWSER_FAILED', `Could not run $BROWSER (${words[0]}): ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new PytifyError('BROWSER_FAILED', `$BROWSER (${words[0]}) exited with code ${code}`));
    });
  });
}

export function createBrowser(env: NodeJS.ProcessEnv): Browser {
  return {
    explicit: Boolean(env.BROWSER),
    async open(url) {
      if (env.BROWSER) return runBrowserCommand(env.BROWSER, url);
      // `open` is imported only here: the common paths never pay for loading it.
      const { default: openUrl } = await import('open');
      const child = await openUrl(url, { wait: false });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, SETTLE_MS);
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(new PytifyError('BROWSER_FAILED', `Could not open a browser: ${error.message}`));
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          if (code === 0 || code === null) resolve();
          else reject(new PytifyError('BROWSER_FAILED', `The browser opener exited with code ${code}`));
        });
      });
      child.unref();
    },
  };
}
