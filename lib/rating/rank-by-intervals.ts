/**
 * LMArena's rank: 1 + the number of models whose lower bound is strictly above this model's upper bound, i.e.
 * how many models are confidently better. Ties share a rank and ranks can skip. Returned in the order of `rows`.
 * Cost O(n log n).
 */
export function rankByIntervals(rows: readonly { lower: number; upper: number }[]): number[] {
  const lowers = rows.map((row) => row.lower).sort((x, y) => x - y);
  return rows.map(({ upper }) => {
    // first index whose lower bound is > upper; everything from there on is confidently better
    let lo = 0;
    let hi = lowers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lowers[mid]! > upper) hi = mid;
      else lo = mid + 1;
    }
    return 1 + lowers.length - lo;
  });
}

/**
 * The ranks each interval allows: best = 1 + the models whose lower bound is above this one's upper bound (surely
 * better: LMArena's rank), worst = 1 + the other models whose upper bound reaches this one's lower bound (possibly
 * better). Returned in the order of `rows`. Cost O(n log n).
 */
export function rankRanges(rows: readonly { lower: number; upper: number }[]): { best: number; worst: number }[] {
  const lowers = rows.map((r) => r.lower).sort((x, y) => x - y);
  const uppers = rows.map((r) => r.upper).sort((x, y) => x - y);
  /** How many of `sorted` are > value (strict) or ≥ value. */
  const above = (sorted: number[], value: number, strict: boolean): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? sorted[mid]! > value : sorted[mid]! >= value) hi = mid;
      else lo = mid + 1;
    }
    return sorted.length - lo;
  };
  return rows.map(({ lower, upper }) => ({
    best: 1 + above(lowers, upper, true),
    // itself included in the count (its upper ≥ its lower), so no +1
    worst: above(uppers, lower, false),
  }));
}
