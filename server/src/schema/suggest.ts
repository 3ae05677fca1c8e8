/**
 * "Did you mean ...?" for unknown keys and enum values: the allowed name that differs only by case, or the one
 * closest by edit distance (a swap of two neighbouring letters counts as one edit), when it is close enough to be
 * a typo and no other name is as close.
 */

/** The closest candidate to `word`, or undefined when none is a plausible typo of it. */
export function suggest(word: string, candidates: Iterable<string>, lowerCase?: ReadonlyMap<string, string>): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = lowerCase?.get(lower);
  if (sameCase !== undefined) return sameCase;
  const limit = typoLimit(word.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    if (Math.abs(candidate.length - word.length) > limit) continue;
    // Capped one above the best so far, so that an equal distance is exact and counts as a tie.
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance + 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && best !== undefined && distance <= limit) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** How many edits still read as a typo: none for very short words, up to two for longer ones. */
function typoLimit(length: number): number {
  if (length <= 2) return 0;
  if (length <= 4) return 1;
  return length <= 8 ? 2 : 3;
}

/**
 * Optimal string alignment distance between `a` and `b`; stops early and returns `cap` once every path costs at
 * least `cap` (only distances below the best so far matter).
 */
export function editDistance(a: string, b: string, cap = Number.MAX_SAFE_INTEGER): number {
  const n = a.length;
  const m = b.length;
  let previous2 = new Array<number>(m + 1).fill(0);
  let previous = new Array<number>(m + 1);
  let current = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, previous2[j - 2] + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin >= cap) return cap;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[m];
}
