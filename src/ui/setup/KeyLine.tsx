import { Text } from 'ink';

/** The bottom line of a setup screen: the main key, then the way back or out. */
export function KeyLine({ press, then, other }: { readonly press: string; readonly then: string; readonly other: string }) {
  return (
    <Text>
      Press <Text bold>{press}</Text> {then}
      <Text dimColor> · {other}</Text>
    </Text>
  );
}
