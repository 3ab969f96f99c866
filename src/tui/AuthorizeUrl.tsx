import { Box, Static, Text } from 'ink';

/**
 * Prints the authorization URL once, above the live screen, as one unbroken line.
 *
 * Why <Static> and wrap="end" (both checked in a 100-column tmux pane with a 400-character URL):
 * - Ink's default wrap="wrap" hard-wraps at the terminal width with real newlines, so a copied URL
 *   comes out in pieces. The truncate modes cut it.
 * - wrap="end" is a no-op in Ink's wrapText (neither "wrap" nor "truncate-*"), so the text stays one
 *   logical line and the terminal soft-wraps it, which copies as one line. But in the live frame
 *   Ink erases the previous frame by counting '\n's; a soft-wrapped line fills more rows than it
 *   counts, so every spinner tick leaves a stale copy of the screen behind.
 * - <Static> output is written once and never erased, so the soft wrap there is harmless.
 * wrap="end" relies on Ink 6.8's internals; the 400-character test in __tests__/ui.test.tsx fails
 * if an upgrade changes it.
 * The label is unwrapped too: a <Static> box is laid out at the width of the box it sits in, not of
 * the terminal, so Ink would wrap it at whatever width the live status below happens to have.
 * Keyed by the URL so a new attempt prints its new URL (the old one stays in the scrollback).
 * Ink keeps one <Static> per app: the container must not render another one at the same time.
 */
export function AuthorizeUrl({ url }: { readonly url: string }) {
  return (
    <Static key={url} items={[url]}>
      {(item) => (
        <Box key={item} flexDirection="column" marginBottom={1}>
          <Text dimColor wrap="end">
            Authorization URL (open it in a browser if yours did not open):
          </Text>
          <Text color="cyan" wrap="end">
            {item}
          </Text>
        </Box>
      )}
    </Static>
  );
}
