/** Round axis ticks for charts: steps of 1, 2 or 5 × 10^k, so an axis reads 800, 900, 1000 rather than 675, 825. */

export interface NiceScale {
  /** The axis domain: the first and last tick. */
  domain: [number, number];
  ticks: number[];
  step: number;
}

const MULTIPLIERS = [1, 2, 5, 10] as const;

/**
 * The smallest step of the form m × 10^k (m in 1, 2, 5) that covers [min, max] with at most `maxTicks` ticks, and
 * the ticks themselves (multiples of the step from floor(min) to ceil(max)). Cost O(ticks).
 * Non-finite inputs give an empty scale; min > max is swapped; a single value gets one step on each side.
 */
export function niceTicks(min: number, max: number, maxTicks = 6): NiceScale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 1], step: 1 };
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  const limit = Math.max(2, Math.floor(maxTicks));
  if (hi === lo) {
    const pad = lo === 0 ? 1 : niceStepAtLeast(Math.abs(lo) / 10);
    lo -= pad;
    hi += pad;
  }
  let step = niceStepAtLeast((hi - lo) / (limit - 1));
  // Flooring and ceiling to the step can add one interval at each end; widen the step until the count fits.
  while (Math.ceil(hi / step) - Math.floor(lo / step) + 1 > limit) step = niceStepAtLeast(step * 1.0001);
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks, step };
}

/** The smallest 1/2/5 × 10^k at or above `raw` (raw > 0). */
export function niceStepAtLeast(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const exponent = Math.floor(Math.log10(raw));
  const base = 10 ** exponent;
  for (const m of MULTIPLIERS) {
    const step = clean(m * base);
    if (step >= raw * (1 - 1e-12)) return step;
  }
  return clean(10 * base);
}

/** Removes floating-point dust such as 0.30000000000000004 from a tick. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}
