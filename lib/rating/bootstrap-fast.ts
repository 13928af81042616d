import { collectPairs, pairScores, type PairCounts } from "./cells";
import { fitPairs } from "./fit";
import { createRefitter } from "./refit";
import { createMultinomialSampler, createPoissonSampler } from "./multinomial-sampler";
import { UniformStream } from "./rng";
import { scaleRatings } from "./scale-ratings";
import type { PairCell } from "./types";

export interface BootstrapOptions {
  base?: number;
  scale?: number;
  initRating?: number;
  /** Index of an anchor model and the rating it is pinned to in every round. */
  anchor?: { index: number; rating: number };
  /** Natural-scale strengths of the full fit, used as a warm start (saves Newton steps, not the result). */
  start?: ArrayLike<number>;
  /**
   * `bootstrapRatingsFast` / `bootstrapPairs` only: the Cholesky factor of the Hessian at `start`, as `fitPairs`
   * leaves it (saves one factorisation, not the result).
   */
  startFactor?: Float64Array | null;
}

/** From this many battles on, a round's weights are Poisson instead of multinomial (see `bootstrapRatingsFast`). */
const POISSON_BOOTSTRAP_MIN_BATTLES = 10_000;

/**
 * The bootstrap of `bootstrapRatings` (FastChat's `compute_bootstrap_bt`), computed fast: what `computeLeaderboard`
 * uses. Returns `rounds` rows of `nModels` ratings; the same cells (in any order, either side first) and the same
 * seed give the same numbers.
 *
 * Why it is the same bootstrap:
 * 1. Sufficient categories. FastChat resamples the N battles with replacement — counts ~ Multinomial(N, count / N)
 *    over the distinct (a, b, outcome) cells — and refits. The fit sees a resample only through three numbers per
 *    unordered pair {i, j}: battles i won, j won, drawn ((a, b, A) and (b, a, B) are the same event; TIE and
 *    BOTH_BAD both count as half a win). Merging categories of a multinomial gives the multinomial of the merged
 *    categories, so drawing over these ≤ 3 categories per pair gives every round's fit exactly the distribution
 *    it has under FastChat's scheme: the same bootstrap, not the same draws (for numpy's draws, `bootstrapRatings`).
 * 2. Weights. Below 10⁴ battles a round draws that multinomial, exactly (`createMultinomialSampler`). From 10⁴
 *    on, each category's weight is an independent Poisson(count) instead (the "Poisson bootstrap",
 *    `createPoissonSampler`), which saves the ~2√N single draws that pin the total to N: given their total
 *    N* ~ Poisson(N) such weights are Multinomial(N*, count / N), and the fit is invariant to scaling all weights
 *    (the ridge scales with them), so a round is a multinomial bootstrap of N* battles instead of N. Its spread
 *    differs by the factor E√(N / N*) = 1 + O(1/N), under 10⁻⁴ here, while the Monte Carlo error of a 2.5% quantile
 *    from 100 rounds is ~14% of the interval's half-width.
 * 3. Refits. Each round is the optimum of the penalised likelihood for its weights within 1e-6 (natural units,
 *    0.0004 rating points), the tolerance of `fitPairs`: `createRefitter` (chord steps with the data's Hessian,
 *    accelerated; Newton where it cannot vouch for them).
 * Cost: O(cells) to collect pairs, one fit, then per round O(pairs) for the draw (a few ns per category, exact
 * Poisson tables) and a few O(pairs + n²) refit steps: about 3 on dense data, 10 on sparse. For 100 models, 40k
 * cells, 1M battles and 100 rounds ~30 ms where the FastChat-order `bootstrapRatings` takes ~600 ms.
 */
export function bootstrapRatingsFast(
  cells: readonly PairCell[],
  nModels: number,
  rounds: number,
  seed: number,
  opts: BootstrapOptions = {},
): Float64Array[] {
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError(`rounds must be a non-negative integer, got ${rounds}`);
  return bootstrapPairs(collectPairs(cells, nModels), rounds, new UniformStream(seed), opts);
}

/**
 * `bootstrapRatingsFast` on cells already collected into pairs (`collectPairs`), so that a caller that also fits the
 * point ratings collects them once. With `new UniformStream(seed)` as the source it gives the same numbers as
 * `bootstrapRatingsFast` with `seed`.
 */
export function bootstrapPairs(pairs: PairCounts, rounds: number, source: UniformStream, opts: BootstrapOptions = {}): Float64Array[] {
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError(`rounds must be a non-negative integer, got ${rounds}`);
  const { base = 10, scale = 400, initRating = 1000, anchor } = opts;
  const alpha = Math.log(base);
  const n = pairs.nModels;
  const nPairs = pairs.i.length;

  // categories 3p, 3p + 1, 3p + 2: i won, j won, drawn
  const counts = new Float64Array(3 * nPairs);
  for (let p = 0; p < nPairs; p++) {
    counts[3 * p] = pairs.winsI[p]!;
    counts[3 * p + 1] = pairs.winsJ[p]!;
    counts[3 * p + 2] = pairs.draws[p]!;
  }
  for (const count of counts) {
    if (!Number.isInteger(count)) throw new RangeError(`bootstrap needs whole battle counts, got ${count}`);
  }
  if (rounds === 0) return [];

  const total = new Float64Array(nPairs);
  const scoreI = new Float64Array(nPairs);
  pairScores(pairs.winsI, pairs.winsJ, pairs.draws, total, scoreI);
  const last: { factor: Float64Array | null } = { factor: null };
  const start = opts.start ?? fitPairs(pairs, total, scoreI, alpha, undefined, last);
  const refit = createRefitter(pairs, counts, alpha, start, opts.startFactor ?? last.factor);

  let battles = 0;
  for (let p = 0; p < nPairs; p++) battles += total[p]!;
  const sample = battles >= POISSON_BOOTSTRAP_MIN_BATTLES ? createPoissonSampler(counts, rounds) : createMultinomialSampler(counts, rounds);
  const draws = new Float64Array(3 * nPairs);
  const strengths = new Float64Array(n);
  const result: Float64Array[] = [];
  for (let round = 0; round < rounds; round++) {
    refit(sample(source, draws), strengths);
    result.push(scaleRatings(strengths, scale, initRating, anchor));
  }
  return result;
}
