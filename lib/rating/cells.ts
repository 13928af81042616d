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

/** Unordered model pairs p = (i[p], j[p]), i < j, among `nModels` models: all the fit needs to know of the design. */
export interface PairGraph {
  nModels: number;
  i: Int32Array;
  j: Int32Array;
}

/**
 * Unordered model pairs (i < j) that appear in the categories, and for each category which pair it adds to and
 * the score it gives to model i. The likelihood depends on the data only through each pair's total count and
 * model i's summed score, so the fit iterates over pairs (at most n(n-1)/2), not cells.
 */
export interface PairDesign extends PairGraph {
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
export function pairTotals(design: PairDesign, weights: ArrayLike<number>, total: Float64Array, scoreI: Float64Array): void {
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

/**
 * What the fit can tell apart, grouped by unordered pair: for each pair p = (i[p], j[p]), i < j, the battles i won
 * (`winsI`), j won (`winsJ`) and drew (`draws`: TIE and BOTH_BAD, half a win each). The likelihood depends on the
 * data only through these three numbers per pair — (a, b, A) and (b, a, B) are the same event, and so are all
 * draws — so they are the sufficient categories of the fit and of the fast bootstrap. Pairs are sorted by (i, j)
 * and only pairs with at least one battle appear, so the same cells in any order give the same object.
 */
export interface PairCounts extends PairGraph {
  winsI: Float64Array;
  winsJ: Float64Array;
  draws: Float64Array;
}

/** Largest n² for which `collectPairs` indexes pairs with a dense n×n table instead of sorting keys. */
const DENSE_PAIR_TABLE_MAX = 1 << 20;

/**
 * Collapses cells into `PairCounts`; self-battles and empty cells are dropped. Invalid cells throw as in
 * `assertValidCells` (checked on the way). Cost O(cells + n²) with a dense n×n index when that is small
 * (n ≤ 1024 and n² not far above the number of cells), else O(cells · log cells); typed arrays only, no per-cell
 * allocation.
 */
export function collectPairs(cells: readonly PairCell[], nModels: number): PairCounts {
  if (!Number.isInteger(nModels) || nModels < 0) throw new RangeError(`nModels must be a non-negative integer, got ${nModels}`);
  const n = nModels;
  const size = cells.length;
  const keys = new Float64Array(size); // i·n + j per cell, −1 if the cell is dropped
  let used = 0;
  for (let c = 0; c < size; c++) {
    const cell = cells[c]!;
    const { a, b, count } = cell;
    const { outcome } = cell;
    const known = outcome === "A" || outcome === "B" || outcome === "TIE" || outcome === "BOTH_BAD";
    if (!(known && Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < n && b < n && count >= 0 && count < Infinity)) {
      assertValidCells([cell], n); // throws the RangeError that says what is wrong
    }
    if (a === b || count === 0) {
      keys[c] = -1;
      continue;
    }
    keys[c] = a < b ? a * n + b : b * n + a;
    used++;
  }

  // pair index of each cell, pairs numbered in key order
  const pairOfCell = new Int32Array(size);
  let nPairs = 0;
  let pairKeys: Float64Array;
  if (n * n <= DENSE_PAIR_TABLE_MAX && n * n <= 8 * used + 4096) {
    const slot = new Int32Array(n * n); // 0 = absent, else 1 + pair index
    for (let c = 0; c < size; c++) if (keys[c]! >= 0) slot[keys[c]!] = 1;
    for (let key = 0; key < slot.length; key++) if (slot[key] === 1) slot[key] = ++nPairs;
    pairKeys = new Float64Array(nPairs);
    for (let key = 0; key < slot.length; key++) if (slot[key]! > 0) pairKeys[slot[key]! - 1] = key;
    for (let c = 0; c < size; c++) pairOfCell[c] = keys[c]! >= 0 ? slot[keys[c]!]! - 1 : -1;
  } else {
    const sorted = keys.slice().sort(); // numeric for typed arrays; the −1 entries come first
    const index = new Map<number, number>();
    const unique: number[] = [];
    for (let c = 0; c < size; c++) {
      const key = sorted[c]!;
      if (key >= 0 && (unique.length === 0 || unique[unique.length - 1] !== key)) {
        index.set(key, unique.length);
        unique.push(key);
      }
    }
    nPairs = unique.length;
    pairKeys = Float64Array.from(unique);
    for (let c = 0; c < size; c++) pairOfCell[c] = keys[c]! >= 0 ? (index.get(keys[c]!) ?? -1) : -1;
  }

  const result: PairCounts = {
    nModels: n,
    i: new Int32Array(nPairs),
    j: new Int32Array(nPairs),
    winsI: new Float64Array(nPairs),
    winsJ: new Float64Array(nPairs),
    draws: new Float64Array(nPairs),
  };
  for (let p = 0; p < nPairs; p++) {
    const key = pairKeys[p]!;
    result.i[p] = Math.floor(key / n);
    result.j[p] = key % n;
  }
  for (let c = 0; c < size; c++) {
    const p = pairOfCell[c]!;
    if (p < 0) continue;
    const { a, outcome, count } = cells[c]!;
    if (outcome === "TIE" || outcome === "BOTH_BAD") result.draws[p] = result.draws[p]! + count;
    else if ((outcome === "A") === (a === result.i[p])) result.winsI[p] = result.winsI[p]! + count;
    else result.winsJ[p] = result.winsJ[p]! + count;
  }
  return result;
}

/**
 * The fit's per-pair statistics from three category weights per pair: total[p] = wins of i + wins of j + draws,
 * scoreI[p] = wins of i + draws / 2. Writes into `total` and `scoreI`. Cost O(pairs).
 */
export function pairScores(
  winsI: ArrayLike<number>,
  winsJ: ArrayLike<number>,
  draws: ArrayLike<number>,
  total: Float64Array,
  scoreI: Float64Array,
): void {
  for (let p = 0; p < total.length; p++) {
    const d = draws[p]!;
    total[p] = winsI[p]! + winsJ[p]! + d;
    scoreI[p] = winsI[p]! + 0.5 * d;
  }
}
