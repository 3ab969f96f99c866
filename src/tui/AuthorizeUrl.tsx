import { Box, Text } from 'ink';

export interface AuthorizeUrlProps {
  readonly url: string;
  /** No browser is opened (--no-browser, or none can be here): the header does not say "if". */
  readonly noBrowser: boolean;
  /** A short terminal: the URL on one line, cut in the middle; the keys below give it whole. */
  readonly compact: boolean;
}

/** What to do with the URL; on a short screen in words that fit 60 columns. */
const HEADER = {
  open: {
    long: 'Authorization URL: open it in a browser (Ctrl-Y copies it, Ctrl-P prints it whole):',
    short: 'Open this URL in a browser (Ctrl-Y copies, Ctrl-P prints):',
  },
  ifNot: {
    long: 'Authorization URL, if your browser did not open it (Ctrl-Y copies it, Ctrl-P prints it whole):',
    short: 'Authorization URL (Ctrl-Y copies it, Ctrl-P prints it):',
  },
} as const;

/**
 * The current attempt's URL, in the live frame: a new attempt replaces it, so an expired URL is
 * never left above the new one (as it was when this was written once with <Static>).
 * Ink hard-wraps it at the terminal's width, so selecting it copies it in pieces: Ctrl-Y (OSC 52)
 * and Ctrl-P (printed alone on one line) give it whole, and that is what the header points to.
 * It cannot soft-wrap here: Ink erases the previous frame by counting '\n's, and a soft-wrapped
 * line would leave a stale copy of the screen behind on every repaint.
 */
export function AuthorizeUrl({ url, noBrowser, compact }: AuthorizeUrlProps) {
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text dimColor>{HEADER[noBrowser ? 'open' : 'ifNot'][compact ? 'short' : 'long']}</Text>
      <Text color="cyan" wrap={compact ? 'truncate-middle' : 'wrap'}>
        {url}
      </Text>
    </Box>
  );
}
