import { Text } from 'ink';

/** The bottom line of a screen: the main key and what it does, then the other keys, dimmed. */
export function KeyLine({
  press,
  then,
  other,
}: {
  readonly press: string;
  readonly then: string;
  readonly other: string;
}) {
  return (
    <Text>
      Press <Text bold>{press}</Text> {then}
      <Text dimColor>, {other}</Text>
    </Text>
  );
}
