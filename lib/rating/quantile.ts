/**
 * The q-quantile of ascending `sortedValues` by numpy's default ("linear", also pandas' default) rule:
 * h = (n − 1)·q, then interpolate between the values at floor(h) and floor(h) + 1 using numpy's `_lerp`
 * (from the upper end when the fraction is ≥ 0.5), so results agree with numpy to the last bit.
 * Throws a RangeError on an empty array or q outside [0, 1]. Cost O(1).
 */
export function quantile(sortedValues: ArrayLike<number>, q: number): number {
  const n = sortedValues.length;
  if (n === 0) throw new RangeError("quantile of an empty array");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const h = (n - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(below + 1, n - 1);
  const gamma = h - below;
  const a = sortedValues[below]!;
  const b = sortedValues[above]!;
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
