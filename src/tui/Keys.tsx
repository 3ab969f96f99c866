import { Text } from 'ink';
import { KeyLine } from './KeyLine.js';

/**
 * The key line of the login screens: what Enter does there (if anything), then q. The launch
 * screen is plain ASCII on purpose: its first frame then needs neither ICU nor string-width's
 * Unicode tables (see lazy-segmenter.ts), about 15 ms sooner, and it reads the same in any locale.
 */
export function Keys({ enter }: { readonly enter?: string }) {
  if (!enter) return <Text dimColor>q to quit</Text>;
  return <KeyLine press="Enter" then={`to ${enter}`} other="q to quit" />;
}
