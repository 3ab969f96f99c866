import { Text } from 'ink';
import { KeyLine } from './KeyLine.js';

/** The key line of the login screens: what Enter does there (if anything), then q. */
export function Keys({ enter }: { readonly enter?: string }) {
  if (!enter) return <Text dimColor>q to quit</Text>;
  return <KeyLine press="Enter" then={`to ${enter}`} other="q to quit" />;
}
