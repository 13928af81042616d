import { collectPairs, pairScores, type PairCounts } from "./cells";
import { fitPairs } from "./fit";
import { identifyModels, restrictPairs, type Identification } from "./identify";
import type { PairCell } from "./types";

/** A fit of the identified models of one slice, in natural units (1 = a factor of `base` in odds). */
export interface IdentifiedFit {
  models: readonly string[];
  status: Identification[];
  /** Model indices of the rated group; `strengths[k]` belongs to models[rated[k]]. Σ strengths = 0. */
  rated: number[];
  strengths: Float64Array;
  /** The pairs among the rated models (indices into `rated`). */
  pairs: PairCounts;
  alpha: number;
}

/**
 * Identifies the rated group (`identifyModels`) and fits it by exact maximum likelihood: Newton on FastChat's
 * objective with only the mean held (the "centre" penalty), so identified ratings are the unpenalised optimum.
 * Cost O(cells + n³) (see `fitPairs`).
 */
export function fitIdentified(models: readonly string[], cells: readonly PairCell[], base = 10): IdentifiedFit {
  const all = collectPairs(cells, models.length);
  const { status, rated } = identifyModels(all);
  const pairs = restrictPairs(all, rated);
  const total = new Float64Array(pairs.i.length);
  const scoreI = new Float64Array(pairs.i.length);
  pairScores(pairs.winsI, pairs.winsJ, pairs.draws, total, scoreI);
  const alpha = Math.log(base);
  const strengths = fitPairs(pairs, total, scoreI, alpha, undefined, undefined, "centre");
  centre(strengths);
  return { models, status, rated, strengths, pairs, alpha };
}

/** Subtracts the mean, in place. Cost O(n). */
export function centre(x: Float64Array): void {
  let mean = 0;
  for (let m = 0; m < x.length; m++) mean += x[m]!;
  mean /= x.length || 1;
  for (let m = 0; m < x.length; m++) x[m] = x[m]! - mean;
}
