import { Text } from 'ink';

export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

/** One frame of the spinner; the container owns the timer and just counts `frame` up. */
export function Spinner({ frame }: { readonly frame: number }) {
  const count = SPINNER_FRAMES.length;
  const index = ((Math.trunc(frame) % count) + count) % count;
  return <Text color="cyan">{SPINNER_FRAMES[index]}</Text>;
}

/** A spinner followed by what is being waited for. */
export function Busy({ frame, label }: { readonly frame: number; readonly label: string }) {
  return (
    <Text>
      <Spinner frame={frame} /> {label}
    </Text>
  );
}
