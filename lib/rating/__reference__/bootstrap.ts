import type { BootstrapOptions } from "../bootstrap-fast";
import { assertValidCells, buildPairDesign, pairTotals, toFitCategories } from "../cells";
import { fitPairs } from "../fit";
import { sampleMultinomial } from "../sampling";
import { scaleRatings } from "../scale-ratings";
import type { PairCell, Rng } from "../types";

// Reference only (tests and parity: numpy's draws in FastChat's order); production uses `bootstrapRatingsFast`.

/**
 * Bootstrap of the Bradley–Terry ratings as FastChat's `compute_bootstrap_bt`: per round draw
 * counts ~ Multinomial(N, count_k / N) over the distinct (a, b, outcome) categories (N = total battles, TIE and
 * BOTH_BAD merged since the fit cannot tell them apart, categories in FastChat's order), refit with those counts
 * and scale. Returns `rounds` rows of `nModels` ratings each. Rounds are drawn one after another from `rng`, so a
 * given rng gives the same matrix every time.
 * Cost: rounds × (categories binomial draws + one Newton fit warm-started from the full fit, 2–5 steps of
 * O(pairs + n³/3)).
 */
export function bootstrapRatings(
  cells: readonly PairCell[],
  nModels: number,
  rounds: number,
  rng: Rng,
  opts: BootstrapOptions = {},
): Float64Array[] {
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError(`rounds must be a non-negative integer, got ${rounds}`);
  assertValidCells(cells, nModels);
  const { base = 10, scale = 400, initRating = 1000, anchor } = opts;
  const alpha = Math.log(base);
  const categories = toFitCategories(cells, nModels);
  for (const count of categories.count) {
    if (!Number.isInteger(count)) throw new RangeError(`bootstrap needs whole battle counts, got ${count}`);
  }
  const design = buildPairDesign(categories, nModels);
  const nCategories = categories.count.length;
  let totalBattles = 0;
  for (const count of categories.count) totalBattles += count;

  const total = new Float64Array(design.i.length);
  const scoreI = new Float64Array(design.i.length);
  let start = opts.start;
  if (!start) {
    pairTotals(design, categories.count, total, scoreI);
    start = fitPairs(design, total, scoreI, alpha);
  }

  const pvals = categories.count.map((count) => count / totalBattles);
  const draws = new Float64Array(nCategories);
  const result: Float64Array[] = [];
  for (let round = 0; round < rounds; round++) {
    sampleMultinomial(totalBattles, pvals, rng, draws);
    pairTotals(design, draws, total, scoreI);
    const strengths = fitPairs(design, total, scoreI, alpha, start);
    result.push(scaleRatings(strengths, scale, initRating, anchor));
  }
  return result;
}
