import type { PairGraph } from "./cells";

/** The per-round pair layout of the refitter (./refit): compacted rows and an exponential-sparing gradient. */

/** Strengths spanning more than this (in α·r) would underflow e^{α r}: such rounds go to Newton. */
export const MAX_EXPONENT_SPAN = 600;

/**
 * One round's pairs with a positive weight, grouped by their first model (compressed rows): pairs
 * rowEnd[a − 1]..rowEnd[a] − 1 have i = a, second model j[·], weight total[·] and i's score scoreI[·].
 */
export interface CompactPairs {
  rowEnd: Int32Array;
  j: Int32Array;
  total: Float64Array;
  scoreI: Float64Array;
}

/**
 * Pair indices sorted by first model (a counting sort; the identity for `collectPairs` output), and where each
 * model's run ends in it (as `CompactPairs.rowEnd`).
 */
export function rowOrder(graph: PairGraph): { order: Int32Array; rowEnd: Int32Array } {
  const { nModels, i } = graph;
  const next = new Int32Array(nModels + 1);
  for (let p = 0; p < i.length; p++) next[i[p]! + 1]!++;
  for (let m = 0; m < nModels; m++) next[m + 1] = next[m + 1]! + next[m]!;
  const rowEnd = next.slice(1);
  const order = new Int32Array(i.length);
  for (let p = 0; p < i.length; p++) order[next[i[p]!]!++] = p;
  return { order, rowEnd };
}

/**
 * Fills `compact` with the pairs that have battles in `draws` (three per pair: i won, j won, drawn), in `order`
 * (pairs grouped by i, `orderRowEnd` the groups' ends as in `CompactPairs`), writes Σ_pairs (w·σ₀ − s) into
 * `raw0` (+ for i, − for j: the likelihood part of ∇L at the start, up to the factor α, with σ₀ the pairs' win
 * probabilities there, in `order`), and returns the total weight. Cost O(pairs), no exponentials.
 */
export function compactPairs(
  graph: PairGraph,
  order: Int32Array,
  orderRowEnd: Int32Array,
  sigma0: Float64Array,
  draws: Float64Array,
  compact: CompactPairs,
  raw0: Float64Array,
): number {
  const { j } = graph;
  const { rowEnd, j: compactJ, total: compactTotal, scoreI: compactScore } = compact;
  raw0.fill(0);
  let size = 0;
  let weight = 0;
  for (let a = 0, k = 0; a < rowEnd.length; a++) {
    const end = orderRowEnd[a]!;
    let own = 0; // i's share, summed along its row
    for (; k < end; k++) {
      const p = order[k]!;
      const won = draws[3 * p]!;
      const drew = draws[3 * p + 2]!;
      const w = won + draws[3 * p + 1]! + drew;
      if (!(w > 0)) continue;
      const b = j[p]!;
      const s = won + 0.5 * drew;
      const g = w * sigma0[k]! - s;
      own += g;
      raw0[b] = raw0[b]! - g;
      weight += w;
      compactJ[size] = b;
      compactTotal[size] = w;
      compactScore[size] = s;
      size++;
    }
    raw0[a] = raw0[a]! + own;
    rowEnd[a] = size;
  }
  return weight;
}

/**
 * ∇L at r into `grad` (see `evaluate`) for compacted pairs, with σ(α(r_i − r_j)) = e_i / (e_i + e_j) from
 * e_m = e^{α(r_m − max r)}: n exponentials instead of one per pair, and model i's share summed in a register along
 * its row. Returns false, leaving `grad` alone, when the strengths span so much that some e_m would underflow.
 * Cost O(pairs + n).
 */
export function compactGradient(
  pairs: CompactPairs,
  alpha: number,
  lambda: number,
  r: Float64Array,
  grad: Float64Array,
  exps: Float64Array,
): boolean {
  const n = r.length;
  let max = -Infinity;
  let min = Infinity;
  for (let m = 0; m < n; m++) {
    max = Math.max(max, r[m]!);
    min = Math.min(min, r[m]!);
  }
  if (!(alpha * (max - min) <= MAX_EXPONENT_SPAN)) return false;
  for (let m = 0; m < n; m++) {
    exps[m] = Math.exp(alpha * (r[m]! - max));
    grad[m] = 0;
  }
  const { rowEnd, j, total, scoreI } = pairs;
  // grad holds Σ (w·σ − s) until the last loop
  for (let a = 0, p = 0; a < n; a++) {
    const end = rowEnd[a]!;
    const ea = exps[a]!;
    let own = 0;
    for (; p < end; p++) {
      const b = j[p]!;
      const g = (total[p]! * ea) / (ea + exps[b]!) - scoreI[p]!;
      own += g;
      grad[b] = grad[b]! - g;
    }
    grad[a] = grad[a]! + own;
  }
  for (let m = 0; m < n; m++) grad[m] = lambda * r[m]! + alpha * grad[m]!;
  return true;
}
