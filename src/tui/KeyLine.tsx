import { Text } from 'ink';
import { Prose } from './Prose.js';

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
    <Prose>
      <Text>
        Press <Text bold>{press}</Text> {then}
        <Text dimColor>, {other}</Text>
      </Text>
    </Prose>
  );
}
