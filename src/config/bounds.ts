import { stat } from '../core/file-reads.js';
import { ConfigError } from '../core/errors.js';

/** A config file holds a few short settings; anything this big is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** js-yaml stops at 100 levels; JSON.parse does not, and JSON.stringify would then overflow the stack. */
const MAX_DEPTH = 100;

export async function checkSize(file: string, label: string): Promise<void> {
  const size = await stat(file).then(
    (stats) => stats.size,
    () => 0,
  );
  if (size <= MAX_CONFIG_BYTES) return;
  throw new ConfigError(
    'CONFIG_INVALID',
    `${label}: is ${Math.ceil(size / 1024)} kB, more than a config file can be (1 MB): is this the right file?`,
    { file },
  );
}

/**
 * Walks the parsed data without recursion: too deep is a ConfigError (not a crash later), and a
 * node met twice is a YAML alias (parsers share the node, they do not copy it). Such data is read
 * as it is, but never written back: JSON would expand every alias (a "billion laughs" file of a
 * few hundred bytes becomes gigabytes).
 */
export function checkShape(data: unknown, label: string, file: string): { aliased: boolean } {
  const seen = new Set<object>();
  const stack: Array<[unknown, number]> = [[data, 0]];
  let aliased = false;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (seen.has(value)) {
      aliased = true;
      continue;
    }
    seen.add(value);
    if (depth >= MAX_DEPTH) {
      throw new ConfigError('CONFIG_INVALID', `${label}: is nested more than ${MAX_DEPTH} levels deep`, { file });
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return { aliased };
}
