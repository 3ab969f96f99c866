/**
 * OSC 52: asks the terminal to put `text` on the clipboard. It travels in the output, so it works
 * over SSH and inside tmux (with `set-clipboard on`), where a local clipboard tool would reach the
 * wrong machine. Terminals may ignore it (some do by default), and nothing tells us whether it
 * landed: the screen says so, and offers the plain print instead.
 */
export function osc52(text: string): string {
  return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/**
 * The URL alone on a line of its own, above the live screen: the terminal soft-wraps it, so
 * selecting it (or `tmux capture-pane -J`) gives one line. It stays in the scrollback, so it says
 * which attempt it belongs to.
 */
export function plainUrlBlock(url: string): string {
  return `\nAuthorization URL of the attempt waiting below (it expires with it):\n${url}\n\n`;
}
