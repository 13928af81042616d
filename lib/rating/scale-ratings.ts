/**
 * Natural-scale strengths to rating points, as FastChat's `scale_and_offset`:
 *   rating_i = initRating + scale·(r_i − mean(r))   [+ anchor.rating − that anchor's rating, if an anchor is given]
 * With r from `fitBradleyTerry` (a unit of r = a factor of `base` in odds) this makes `scale` points a factor of
 * `base` in odds (400 points = 10× with the defaults) and, without an anchor, ratings average exactly
 * `initRating` (the fit already has Σ r = 0; centring removes the last rounding). Cost O(n).
 */
export function scaleRatings(
  strengths: ArrayLike<number>,
  scale = 400,
  initRating = 1000,
  anchor?: { index: number; rating: number },
): Float64Array {
  const n = strengths.length;
  const ratings = new Float64Array(n);
  if (n === 0) return ratings;
  let mean = 0;
  for (let m = 0; m < n; m++) mean += strengths[m]!;
  mean /= n;
  for (let m = 0; m < n; m++) ratings[m] = initRating + scale * (strengths[m]! - mean);
  if (anchor && anchor.index >= 0 && anchor.index < n) {
    const shift = anchor.rating - ratings[anchor.index]!;
    for (let m = 0; m < n; m++) ratings[m] = ratings[m]! + shift;
  }
  return ratings;
}
