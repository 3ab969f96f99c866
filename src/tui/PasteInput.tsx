import { Box, Text } from 'ink';

export interface PasteState {
  readonly text: string;
  /** Why the last submission was refused, in words; cleared when the user types again. */
  readonly feedback?: string;
}

/** Shown text is cut from the left: the end of a pasted URL (code, state) is what users check. */
const SHOWN = 60;

/** The paste-back line: for a browser on another machine, or a callback page that did not load. */
export function PasteInput({ paste }: { readonly paste: PasteState }) {
  const shown = paste.text.length > SHOWN ? `…${paste.text.slice(-(SHOWN - 1))}` : paste.text;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text dimColor>
        Browser on another machine, or its page did not load? Paste the URL it ended on (or the code):
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
