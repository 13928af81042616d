import type { UniformStream } from "./rng";

/** Categories are drawn one battle at a time when there are at most this many battles per category. */
const SINGLES_MAX_BATTLES_PER_CATEGORY = 2;
/**
 * The Poisson stage aims this many standard deviations below N: it overshoots N (and is redrawn) with probability
 * ≈ 2.3%, and leaves ≈ 2√N battles to draw one by one (single battles cost about twice a Poisson draw; this
 * minimises the sum).
 */
const POISSON_SLACK_SDS = 2;
/** Poisson means below this always get a table (it is tiny); numpy switches from inversion to PTRS at 10. */
const SMALL_MEAN = 10;
/** A table is built when it has at most this many entries per draw that will use it; otherwise PTRS. */
const TABLE_ENTRIES_PER_DRAW = 2;
/**
 * Tables stop where the probability falls below this fraction of the mode's. The mass cut off is then < 1e-17,
 * below the resolution of the 53-bit uniforms the draws are equivalent to.
 */
const TAIL_CUTOFF = 1e-20;
const TWO_POW_32 = 4294967296;

/** Fills `out` (length = number of categories) with one draw and returns it. */
export type MultinomialSampler = (source: UniformStream, out: Float64Array) => Float64Array;

/**
 * Repeated exact draws from Multinomial(N, counts / N), N = Σ counts, for a bootstrap that resamples the same
 * categories many times. `counts` must be non-negative integers; `drawsPlanned` (how many draws will be made) only
 * decides which precomputation pays off, never the distribution.
 *
 * Method (exact in distribution; not numpy's sequence of draws):
 * - few battles (N ≤ 2 per category): N single battles, category c with probability count_c / N, each by
 *   inversion of the cumulative counts through a guide table;
 * - otherwise Poisson splitting: independent Y_c ~ Poisson(μ·count_c / N) with μ = N − 2√N. Given their sum M,
 *   (Y_c) is Multinomial(M, counts / N) — the law of independent Poissons given their total — so when M ≤ N,
 *   adding N − M single battles drawn as above gives exactly Multinomial(N, counts / N); when M > N (probability
 *   ≈ 0.023) the Poisson stage is redrawn, which conditions on M only and so leaves that law intact.
 * Poisson draws: categories with the same count share one Poisson(λ) inversion table, drawn one group after
 * another so that the table stays in cache; a mean whose table would not pay for itself over `drawsPlanned` draws
 * uses numpy's PTRS transformed rejection (Hörmann 1993) instead, also exact. Table draws are inversion (the first
 * value whose CDF exceeds U) through a guide table indexed by the top bits of a 32-bit output u, U = u/2³² ∈ [0, 1).
 * Those 32 bits decide the value unless a CDF step falls inside [u, u + 1)/2³² (≈ 1e-8 of the time); then U is
 * extended by a further 53-bit uniform, so every draw is the value inversion of an exact uniform gives (up to the
 * rounding of the tabulated CDF, ~1e-16).
 * Cost per draw: O(categories + √N), a few ns per category; setup O(categories + distinct counts · √count).
 */
export function createMultinomialSampler(counts: ArrayLike<number>, drawsPlanned: number): MultinomialSampler {
  let total = 0;
  let nActive = 0;
  for (let c = 0; c < counts.length; c++) {
    const count = counts[c]!;
    if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`multinomial counts must be whole and >= 0, got ${count}`);
    if (count > 0) {
      total += count;
      nActive++;
    }
  }
  if (total === 0) return (_source, out) => out.fill(0);
  const singles = createSingleBattleSampler(counts);

  const mean = total - POISSON_SLACK_SDS * Math.sqrt(total);
  if (total <= SINGLES_MAX_BATTLES_PER_CATEGORY * nActive || mean <= 0) {
    return (source, out) => {
      out.fill(0);
      singles(source, total, out);
      return out;
    };
  }
  const poisson = createPoissonStage(counts, mean / total, drawsPlanned);
  return (source, out) => {
    out.fill(0);
    let drawn: number;
    do drawn = poisson(source, out);
    while (drawn > total);
    singles(source, total - drawn, out);
    return out;
  };
}

/**
 * Repeated draws of independent Y_c ~ Poisson(counts[c]): the "Poisson bootstrap" weights, whose total is
 * Poisson(N) rather than N (given that total they are Multinomial(total, counts / N)). `counts` must be
 * non-negative integers; `drawsPlanned` only decides which precomputation pays off. The same exact Poisson draws
 * as `createMultinomialSampler`'s Poisson stage, without the single battles that pin the total.
 * Cost per draw: O(categories), a few ns each.
 */
export function createPoissonSampler(counts: ArrayLike<number>, drawsPlanned: number): MultinomialSampler {
  const empty: number[] = [];
  for (let c = 0; c < counts.length; c++) {
    const count = counts[c]!;
    if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`Poisson means must be whole and >= 0, got ${count}`);
    if (count === 0) empty.push(c);
  }
  const poisson = createPoissonStage(counts, 1, drawsPlanned);
  return (source, out) => {
    for (const c of empty) out[c] = 0;
    poisson(source, out);
    return out;
  };
}

/**
 * Inversion tables for discrete distributions on 0..size−1, concatenated. Per table t: its entries start at
 * start[t]; cdf[start + k] = 2³²·P(X ≤ k), except from the last entry with positive weight on, +∞ (it takes the
 * remaining mass). The guide splits the 32-bit outputs into 2^(32 − shift) buckets of width 2^shift; a bucket's
 * entry is 2k + 1 if it needs a search, k being the first value whose CDF exceeds the bucket's lowest u, and 2k
 * if the bucket lies within value k's CDF interval ("pure": every u in it, and u + 1, invert to k).
 */
interface InversionTables {
  start: Int32Array;
  guideStart: Int32Array;
  guideShift: Int32Array;
  cdf: Float64Array;
  guide: Uint16Array | Int32Array;
}

/** Tables with fewer entries than this get 16-bit guide entries (2k + 1 < 2¹⁶), which keeps them in cache. */
const SMALL_TABLE_SIZE = 32768;

/**
 * Builds inversion tables from non-negative weights, each table's normalised by their sum and with at least one
 * positive. The guide has `bucketsPerEntry` to twice that many buckets per entry: most draws land in a pure bucket
 * and read their value from the guide alone (for a Poisson table with 4–8 buckets per entry, ~95% of them: few
 * mispredicted branches); the rest search on from the guide's index, ~1 step.
 */
function buildInversionTables(tables: readonly Float64Array[], bucketsPerEntry: number): InversionTables {
  const n = tables.length;
  const start = new Int32Array(n);
  const guideStart = new Int32Array(n);
  const guideShift = new Int32Array(n);
  let entries = 0;
  let guides = 0;
  let small = true;
  for (let t = 0; t < n; t++) {
    const size = tables[t]!.length;
    let bits = 1;
    while (bits < 30 && 1 << bits < bucketsPerEntry * size) bits++;
    start[t] = entries;
    guideStart[t] = guides;
    guideShift[t] = 32 - bits;
    entries += size;
    guides += 1 << bits;
    small &&= size < SMALL_TABLE_SIZE;
  }
  const cdf = new Float64Array(entries);
  const guide = small ? new Uint16Array(guides) : new Int32Array(guides);
  for (let t = 0; t < n; t++) {
    const weights = tables[t]!;
    const size = weights.length;
    const first = start[t]!;
    let sum = 0;
    let lastPositive = 0;
    for (let k = 0; k < size; k++) {
      sum += weights[k]!;
      if (weights[k]! > 0) lastPositive = k;
    }
    let running = 0;
    for (let k = 0; k < lastPositive; k++) {
      running += weights[k]!;
      cdf[first + k] = (running / sum) * TWO_POW_32;
    }
    for (let k = lastPositive; k < size; k++) cdf[first + k] = Infinity;
    const buckets = 1 << (32 - guideShift[t]!);
    const width = TWO_POW_32 / buckets; // (a division keeps V8 from guessing g·width is a small integer)
    for (let g = 0, k = 0; g < buckets; g++) {
      while (cdf[first + k]! <= g * width) k++;
      const pure = cdf[first + k]! >= (g + 1) * width; // then cdf ≥ u + 1 for every u in the bucket
      guide[guideStart[t]! + g] = pure ? 2 * k : 2 * k + 1;
    }
  }
  return { start, guideStart, guideShift, cdf, guide };
}

/**
 * The inversion draw of table t from the 32-bit output u: the first k with cdf > U·2³², U = (u + V)/2³² for a
 * uniform V that is drawn from `source` only if the 32 bits leave the answer open.
 */
function invert(tables: InversionTables, t: number, u: number, source: UniformStream): number {
  const { cdf, guide } = tables;
  const first = tables.start[t]!;
  const entry = guide[tables.guideStart[t]! + (u >>> tables.guideShift[t]!)]!;
  let k = entry >>> 1;
  if ((entry & 1) === 0) return k;
  while (cdf[first + k]! <= u) k++;
  if (cdf[first + k]! < u + 1) {
    const refined = u + source.nextDouble();
    while (cdf[first + k]! <= refined) k++;
  }
  return k;
}

/** Adds `howMany` single battles to `out`, category c with probability counts[c] / Σ counts (a table over all of them). */
function createSingleBattleSampler(counts: ArrayLike<number>): (source: UniformStream, howMany: number, out: Float64Array) => void {
  const tables = buildInversionTables([Float64Array.from(counts)], 2);
  let uniforms = new Uint32Array(0);
  return (source, howMany, out) => {
    if (uniforms.length < howMany) uniforms = new Uint32Array(Math.max(howMany, 2 * uniforms.length));
    source.fillUint32(uniforms, howMany);
    for (let t = 0; t < howMany; t++) {
      const c = invert(tables, 0, uniforms[t]!, source);
      out[c] = out[c]! + 1;
    }
  };
}

/**
 * Draws Y_c ~ Poisson(factor · counts[c]) for every category with a count into `out` and returns Σ Y_c.
 * Categories are grouped by count (one group per distinct count, in increasing order, categories in index order
 * within a group), each group drawn from one inversion table or by PTRS.
 */
function createPoissonStage(
  counts: ArrayLike<number>,
  factor: number,
  drawsPlanned: number,
): (source: UniformStream, out: Float64Array) => number {
  // groups by distinct count (numbered in order of first appearance, then renumbered by count), then a counting
  // sort of the categories into them
  const size = counts.length;
  const firstGroup = new Int32Array(size).fill(-1);
  const firstCounts: number[] = [];
  let largest = 0;
  for (let c = 0; c < size; c++) largest = Math.max(largest, counts[c]!);
  if (largest <= 4 * size + 1024) {
    const groupOf = new Int32Array(largest + 1).fill(-1); // counts are whole: index by count
    for (let c = 0; c < size; c++) {
      const count = counts[c]!;
      if (count === 0) continue;
      if (groupOf[count]! < 0) {
        groupOf[count] = firstCounts.length;
        firstCounts.push(count);
      }
      firstGroup[c] = groupOf[count]!;
    }
  } else {
    const groupOf = new Map<number, number>();
    for (let c = 0; c < size; c++) {
      const count = counts[c]!;
      if (count === 0) continue;
      let g = groupOf.get(count);
      if (g === undefined) {
        g = firstCounts.length;
        groupOf.set(count, g);
        firstCounts.push(count);
      }
      firstGroup[c] = g;
    }
  }
  const nGroups = firstCounts.length;
  const byCount = Int32Array.from(firstCounts.keys()).sort((x, y) => firstCounts[x]! - firstCounts[y]!);
  const rank = new Int32Array(nGroups);
  byCount.forEach((g, r) => (rank[g] = r));
  const distinct = Float64Array.from(byCount, (g) => firstCounts[g]!);
  const ends = new Int32Array(nGroups);
  for (let c = 0; c < size; c++) if (firstGroup[c]! >= 0) ends[rank[firstGroup[c]!]!]!++;
  for (let g = 1; g < nGroups; g++) ends[g] = ends[g]! + ends[g - 1]!;
  const order = new Int32Array(nGroups > 0 ? ends[nGroups - 1]! : 0);
  const fill = new Int32Array(nGroups);
  for (let g = 1; g < nGroups; g++) fill[g] = ends[g - 1]!;
  for (let c = 0; c < size; c++) if (firstGroup[c]! >= 0) order[fill[rank[firstGroup[c]!]!]!++] = c;

  // per group: a table index (≥ 0) or −1 − the index of its PTRS parameters
  const method = new Int32Array(nGroups);
  const weights: Float64Array[] = [];
  const low: number[] = [];
  const ptrs: PtrsParameters[] = [];
  let nTabled = 0;
  for (let g = 0; g < nGroups; g++) {
    const lambda = distinct[g]! * factor;
    const times = ends[g]! - (g > 0 ? ends[g - 1]! : 0);
    const size = tableSizeBound(lambda);
    if (lambda < SMALL_MEAN || (size < SMALL_TABLE_SIZE && size <= TABLE_ENTRIES_PER_DRAW * Math.max(1, drawsPlanned) * times)) {
      method[g] = weights.length;
      const { from, values } = poissonWeights(lambda);
      weights.push(values);
      low.push(from);
      nTabled += times;
    } else {
      method[g] = -1 - ptrs.length;
      ptrs.push(ptrsParameters(lambda));
    }
  }
  const tables = buildInversionTables(weights, 4);
  const uniforms = new Uint32Array(nTabled);

  return (source, out) => {
    source.fillUint32(uniforms);
    let next = 0;
    let drawn = 0;
    let k = 0;
    for (let g = 0; g < nGroups; g++) {
      const end = ends[g]!;
      const m = method[g]!;
      if (m < 0) {
        const params = ptrs[-1 - m]!;
        for (; k < end; k++) {
          const value = samplePoissonPtrs(params, source);
          out[order[k]!] = value;
          drawn += value;
        }
        continue;
      }
      drawn += drawFromTable(tables, m, low[m]!, uniforms, next, order, k, end, out, source);
      next += end - k;
      k = end;
    }
    return drawn;
  };
}

/**
 * Draws for categories order[from..to) from table t (values base + index) with the uniforms from `firstUniform`
 * on, into `out`; returns their sum. The pure-bucket case of `invert` inlined by hand: this loop is the hot one
 * (and a loop of its own, which V8 compiles much better than the same loop nested in the loop over groups).
 */
function drawFromTable(
  tables: InversionTables,
  t: number,
  base: number,
  uniforms: Uint32Array,
  firstUniform: number,
  order: Int32Array,
  from: number,
  to: number,
  out: Float64Array,
  source: UniformStream,
): number {
  const { guide } = tables;
  const guideFirst = tables.guideStart[t]!;
  const shift = tables.guideShift[t]!;
  let sum = 0;
  for (let k = from, next = firstUniform; k < to; k++, next++) {
    const u = uniforms[next]!;
    const entry = guide[guideFirst + (u >>> shift)]!;
    const value = base + ((entry & 1) === 0 ? entry >>> 1 : invert(tables, t, u, source));
    out[order[k]!] = value;
    sum += value;
  }
  return sum;
}

/** Upper bound on the entries of a Poisson(λ) table (its tails are cut by then). */
function tableSizeBound(lambda: number): number {
  return 2 * Math.ceil(10 * Math.sqrt(lambda) + 30) + 1;
}

/**
 * Poisson(λ) probabilities up to a common factor, from `from` on: relative to the mode by the recurrences
 * p(k−1) = p(k)·k/λ and p(k+1) = p(k)·λ/(k+1) (no factorials, nothing overflows), out to where they fall below
 * TAIL_CUTOFF of the mode's. Cost O(√λ).
 */
function poissonWeights(lambda: number): { from: number; values: Float64Array } {
  const mode = Math.floor(lambda);
  const half = (tableSizeBound(lambda) - 1) / 2;
  const lo = Math.max(0, mode - half);
  const scratch = new Float64Array(mode + half - lo + 1);
  const m = mode - lo;
  scratch[m] = 1;
  let first = m;
  while (first > 0) {
    const next = (scratch[first]! * (lo + first)) / lambda;
    if (next < TAIL_CUTOFF) break;
    scratch[--first] = next;
  }
  let last = m;
  while (last < scratch.length - 1) {
    const next = (scratch[last]! * lambda) / (lo + last + 1);
    if (next < TAIL_CUTOFF) break;
    scratch[++last] = next;
  }
  return { from: lo + first, values: scratch.subarray(first, last + 1) };
}

export interface PtrsParameters {
  lambda: number;
  logLambda: number;
  a: number;
  b: number;
  logInvAlpha: number;
  vr: number;
}

/** The constants of `samplePoissonPtrs` for a mean λ ≥ 10. */
export function ptrsParameters(lambda: number): PtrsParameters {
  const b = 0.931 + 2.53 * Math.sqrt(lambda);
  return {
    lambda,
    logLambda: Math.log(lambda),
    a: -0.059 + 0.02483 * b,
    b,
    logInvAlpha: Math.log(1.1239 + 1.1328 / (b - 3.4)),
    vr: 0.9277 - 3.6224 / (b - 2),
  };
}

/** An exact Poisson(λ) draw, λ ≥ 10: numpy's `random_poisson_ptrs` (Hörmann's transformed rejection with squeeze). */
export function samplePoissonPtrs(params: PtrsParameters, source: UniformStream): number {
  const { lambda, logLambda, a, b, logInvAlpha, vr } = params;
  for (;;) {
    const u = source.nextDouble() - 0.5;
    const v = source.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - logGamma(k + 1)) return k;
  }
}

const LOG_GAMMA_SERIES = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4, -1.917526917526918e-3,
  6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
];

/** log Γ(x) for x > 0 by numpy's `random_loggam` (Stirling series, shifted up to x ≥ 7). */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + shift;
  const x2 = 1 / (x0 * x0);
  let series = LOG_GAMMA_SERIES[9]!;
  for (let k = 8; k >= 0; k--) series = series * x2 + LOG_GAMMA_SERIES[k]!;
  let result = series / x0 + 0.5 * 1.8378770664093453 + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= shift; k++) {
    result -= Math.log(x0 - 1);
    x0 -= 1;
  }
  return result;
}
