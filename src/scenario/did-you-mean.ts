/** Suggests the closest known name for a misspelt one. */

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a third of the word's length, or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.ceil(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** A hint like `did you mean "failover-db"?`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const c = closest(word, candidates);
  return c === undefined ? undefined : `did you mean "${c}"?`;
}

/** Up to this many known names are listed in full; more are cut to the closest LISTED_CLOSEST and a count. */
export const LIST_ALL_UP_TO = 8;
const LISTED_CLOSEST = 5;

/**
 * A hint for an unknown name: "did you mean" when one is close, then the names it could be, e.g.
 * `did you mean "broken"? known phases: healthy, broken, recovered`. All are listed when there are at most
 * LIST_ALL_UP_TO, else the closest few and how many there are. `what` names them in the plural ("phases").
 */
export function unknownNameHint(word: string, candidates: readonly string[], what: string): string {
  if (!candidates.length) return `no ${what} are declared`;
  const guess = didYouMean(word, candidates);
  let listed: string;
  if (candidates.length <= LIST_ALL_UP_TO) listed = `known ${what}: ${candidates.join(', ')}`;
  else {
    const w = word.toLowerCase();
    // Sorted by distance, ties in the order the file declares them (sort is stable).
    const near = candidates.map((c) => ({ c, d: editDistance(w, c.toLowerCase()) })).sort((a, b) => a.d - b.d);
    listed = `closest of ${candidates.length} ${what}: ${near.slice(0, LISTED_CLOSEST).map((x) => x.c).join(', ')}`;
  }
  return guess ? `${guess} ${listed}` : listed;
}

/**
 * The same hint without edit distances, for when a file has used up its budget for them: `first` holds the first
 * names the file declares (at least LIST_ALL_UP_TO + 1 when there are more), `total` how many there are.
 */
export function knownNamesHint(first: readonly string[], total: number, what: string): string {
  if (!total) return `no ${what} are declared`;
  if (total <= LIST_ALL_UP_TO) return `known ${what}: ${first.join(', ')}`;
  return `${total} ${what}, the first: ${first.slice(0, LISTED_CLOSEST).join(', ')}`;
}
