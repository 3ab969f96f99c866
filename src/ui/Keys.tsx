import { Text } from 'ink';

/** The key line at the bottom of a screen: what Enter does there (if anything), then q. */
export function Keys({ enter }: { readonly enter?: string }) {
  if (!enter) return <Text dimColor>q to quit</Text>;
  return (
    <Text>
      Press <Text bold>Enter</Text> to {enter}
      <Text dimColor> · q to quit</Text>
    </Text>
  );
}
