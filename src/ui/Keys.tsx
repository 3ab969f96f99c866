import { Text } from 'ink';

/**
 * The key line at the bottom of a screen: what Enter does there (if anything), then q. The launch
 * screen is plain ASCII on purpose: its first frame then needs neither ICU nor string-width's
 * Unicode tables (see lazy-segmenter.ts), about 15 ms sooner, and it reads the same in any locale.
 */
export function Keys({ enter }: { readonly enter?: string }) {
  if (!enter) return <Text dimColor>q to quit</Text>;
  return (
    <Text>
      Press <Text bold>Enter</Text> to {enter}
      <Text dimColor>, q to quit</Text>
    </Text>
  );
}
