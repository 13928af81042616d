import type { Outcome, PairCell } from "./types";

/** Score of model_a for each outcome: a win is 1, a loss 0, a tie or a both-bad vote half a win for each side. */
export const OUTCOME_SCORE: Readonly<Record<Outcome, number>> = { A: 1, B: 0, TIE: 0.5, BOTH_BAD: 0.5 };

/**
 * Throws a RangeError when a cell cannot belong to `nModels` models (index out of range, count negative or not
 * finite). Bad cells are a programming error upstream, never user data, so they fail loudly. Cost O(cells).
 */
export function assertValidCells(cells: readonly PairCell[], nModels: number): void {
  if (!Number.isInteger(nModels) || nModels < 0) throw new RangeError(`nModels must be a non-negative integer, got ${nModels}`);
  for (const cell of cells) {
    const { a, b, count, outcome } = cell;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= nModels || b >= nModels) {
      throw new RangeError(`cell refers to model ${a} vs ${b}, outside 0..${nModels - 1}`);
    }
    if (!Number.isFinite(count) || count < 0) throw new RangeError(`cell count must be finite and >= 0, got ${count}`);
    if (!(outcome in OUTCOME_SCORE)) throw new RangeError(`unknown outcome ${String(outcome)}`);
  }
}

/**
 * What the fit can tell apart: distinct (a, b, score) categories with summed counts, TIE and BOTH_BAD merged
 * (both score 0.5), self-battles (a === b) and empty cells dropped. Sorted by (a, b, score) — the order of
 * FastChat's `np.unique` over (model_a id, model_b id, outcome id), which the bootstrap's draws follow.
 */
export interface FitCategories {
  a: Int32Array;
  b: Int32Array;
  score: Float64Array;
  count: Float64Array;
}

/** Builds the fit categories of `cells`. Cost O(cells · log cells). */
export function toFitCategories(cells: readonly PairCell[], nModels: number): FitCategories {
  const counts = new Map<number, number>();
  for (const { a, b, outcome, count } of cells) {
    if (a === b || count === 0) continue;
    const key = (a * nModels + b) * 3 + OUTCOME_SCORE[outcome] * 2;
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const keys = [...counts.keys()].sort((x, y) => x - y);
  const size = keys.length;
  const result: FitCategories = {
    a: new Int32Array(size),
    b: new Int32Array(size),
    score: new Float64Array(size),
    count: new Float64Array(size),
  };
  keys.forEach((key, k) => {
    const pair = Math.floor(key / 3);
    result.a[k] = Math.floor(pair / nModels);
    result.b[k] = pair % nModels;
    result.score[k] = (key % 3) / 2;
    result.count[k] = counts.get(key) ?? 0;
  });
  return result;
}

/**
 * Unordered model pairs (i < j) that appear in the categories, and for each category which pair it adds to and
 * the score it gives to model i. The likelihood depends on the data only through each pair's total count and
 * model i's summed score, so the fit iterates over pairs (at most n(n-1)/2), not cells.
 */
export interface PairDesign {
  nModels: number;
  i: Int32Array;
  j: Int32Array;
  pairOf: Int32Array;
  scoreForI: Float64Array;
}

/** Builds the pair design of some categories. Cost O(categories). */
export function buildPairDesign(categories: FitCategories, nModels: number): PairDesign {
  const size = categories.a.length;
  const pairIndex = new Map<number, number>();
  const iList: number[] = [];
  const jList: number[] = [];
  const pairOf = new Int32Array(size);
  const scoreForI = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const a = categories.a[k]!;
    const b = categories.b[k]!;
    const isSwapped = a > b;
    const i = isSwapped ? b : a;
    const j = isSwapped ? a : b;
    const key = i * nModels + j;
    let p = pairIndex.get(key);
    if (p === undefined) {
      p = iList.length;
      pairIndex.set(key, p);
      iList.push(i);
      jList.push(j);
    }
    pairOf[k] = p;
    scoreForI[k] = isSwapped ? 1 - categories.score[k]! : categories.score[k]!;
  }
  return { nModels, i: Int32Array.from(iList), j: Int32Array.from(jList), pairOf, scoreForI };
}

/**
 * Per-pair sufficient statistics for one set of category weights: total[p] = Σ w, scoreI[p] = Σ w · score of i.
 * Cost O(categories).
 */
export function pairTotals(
  design: PairDesign,
  weights: ArrayLike<number>,
  total: Float64Array,
  scoreI: Float64Array,
): void {
  total.fill(0);
  scoreI.fill(0);
  const { pairOf, scoreForI } = design;
  for (let k = 0; k < pairOf.length; k++) {
    const w = weights[k]!;
    if (w === 0) continue;
    const p = pairOf[k]!;
    total[p] = total[p]! + w;
    scoreI[p] = scoreI[p]! + w * scoreForI[k]!;
  }
}
