/**
 * OSC 8 hyperlinks only where terminals are known to show them; elsewhere the escape codes would
 * be printed as junk. The plain URL is always shown too.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv, stream: { isTTY?: boolean }): boolean {
  if (!stream.isTTY || env.CI || env.PYTIFY_NO_ANIMATION || env.TERM === 'dumb') return false;
  if (env.FORCE_HYPERLINK) return env.FORCE_HYPERLINK !== '0';
  if (env.TMUX) return false;
  const program = env.TERM_PROGRAM ?? '';
  return (
    ['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper'].includes(program) ||
    Boolean(env.VTE_VERSION && Number(env.VTE_VERSION) >= 5000) ||
    Boolean(env.WT_SESSION) ||
    Boolean(env.KITTY_WINDOW_ID) ||
    (env.TERM ?? '').includes('kitty')
  );
}
