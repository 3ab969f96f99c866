import { createSupportsHyperlinks } from 'supports-hyperlinks';

/**
 * OSC 8 hyperlinks only where terminals are known to show them; elsewhere the escape codes would
 * be printed as junk. The plain URL is always shown too. supports-hyperlinks decides, from
 * process.env (FORCE_HYPERLINK, CI, the terminal's variables, colours turned off) and whether
 * `stream` is a terminal.
 */
export function supportsHyperlinks(stream: { isTTY?: boolean }): boolean {
  // In a terminal CI means "no animation", and ci-mode.ts has removed CI itself for Ink: no links.
  if (process.env.PYTIFY_NO_ANIMATION) return false;
  return createSupportsHyperlinks(stream);
}
