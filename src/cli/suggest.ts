/** How many single-character edits (insert, delete, replace) turn one word into the other. */
export function editDistance(from: string, to: string): number {
  let previous = Array.from({ length: to.length + 1 }, (_, index) => index);
  for (let row = 1; row <= from.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= to.length; column += 1) {
      const replace = previous[column - 1]! + (from[row - 1] === to[column - 1] ? 0 : 1);
      current.push(Math.min(previous[column]! + 1, current[column - 1]! + 1, replace));
    }
    previous = current;
  }
  return previous[to.length]!;
}

/**
 * The candidate closest to a mistyped word, when it is close enough to be what was meant: at most
 * one edit for words of up to three letters, two for longer ones, so that "--limt" finds "--limit" and "xyz" finds nothing.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const allowed = word.length <= 3 ? 1 : 2;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** ` Did you mean "x"?` after a message about a mistyped word, or nothing when no candidate is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}
