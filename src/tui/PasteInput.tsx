import { Box, Text } from 'ink';

export interface PasteState {
  readonly text: string;
  /** Why the last submission was refused, in words; cleared when the user types again. */
  readonly feedback?: string;
}

/** Shown text is cut from the left: the end of a pasted URL (code, state) is what users check. */
const SHOWN = 60;

/** The paste-back line: for a browser on another machine, or a callback page that did not load. */
export function PasteInput({ paste, compact = false }: { readonly paste: PasteState; readonly compact?: boolean }) {
  // A short screen: shorter words and no blank line, so the lines above keep their place.
  const room = compact ? SHOWN - 10 : SHOWN;
  const shown = paste.text.length > room ? `…${paste.text.slice(-(room - 1))}` : paste.text;
  return (
    <Box flexDirection="column" marginTop={compact ? 0 : 1}>
      <Text dimColor>
        {compact
          ? 'Browser elsewhere? Paste the URL it ended on (or the code):'
          : 'Browser on another machine, or its page did not load? Paste the URL it ended on (or the code):'}
      </Text>
      <Text>
        <Text color="cyan">› </Text>
        {shown}
        <Text inverse> </Text>
      </Text>
      {paste.feedback && <Text color="yellow">{paste.feedback}</Text>}
    </Box>
  );
}
