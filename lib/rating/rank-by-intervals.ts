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
