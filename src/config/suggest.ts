/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const fold = (key: string): string => key.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The candidate closest to `key` within `maxDistance` edits, or undefined. Spelling variants that
 * differ only in case or separators (`CLIENT-ID`, `clientid`) always match.
 */
export function closest(key: string, candidates: readonly string[], maxDistance = 3): string | undefined {
  const same = candidates.find((candidate) => fold(candidate) === fold(key));
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const distance = levenshtein(key, candidate);
    // A distance as long as the key itself means nothing was in common.
    if (distance < bestDistance && distance < key.length) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
