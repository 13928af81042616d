import type { IdentifiedFit } from "./identified-fit";
import { choleskyFactorInPlace, choleskySolveFactored, dot, transposeLower } from "./linear-algebra";
import type { VotesByVoter } from "./types";

/**
 * The voter-clustered ("sandwich") covariance of an identified fit: per-cluster score sums in one pass over the
 * votes grouped by voter, the meat, the inverse information, and their products.
 */

/**
 * Position of each model code in the fit's rated group (−1 elsewhere): what the per-vote passes look up.
 */
export function ratedIndexOfCode(fit: IdentifiedFit, votes: VotesByVoter): Int32Array {
  const ratedIndex = new Int32Array(fit.models.length).fill(-1);
  fit.rated.forEach((m, k) => (ratedIndex[m] = k));
  const out = new Int32Array(votes.stride).fill(-1);
  for (let c = 0; c < votes.stride; c++) {
    const m = votes.modelOf[c]!;
    if (m >= 0) out[c] = ratedIndex[m]!;
  }
  return out;
}

/**
 * The rated-group positions of a vote's two models (`codeIndex` from `ratedIndexOfCode`), written into `out`; false
 * when either model is outside the rated group. Cost O(1).
 */
export function ratedPair(code: number, stride: number, codeIndex: Int32Array, out: Int32Array): boolean {
  const cell = code >>> 2;
  const aCode = Math.floor(cell / stride);
  out[0] = codeIndex[aCode]!;
  out[1] = codeIndex[cell - aCode * stride]!;
  return out[0] >= 0 && out[1] >= 0;
}

/** Model a's score per outcome code: A won, B won, tie, both bad. */
const SCORE_OF_OUTCOME = [1, 0, 0.5, 0.5];

/**
 * The most clusters the meat is summed over. A slice with more voters pools them into this many groups by a hash of
 * their id: voters are independent, so groups of voters are too, and the cluster-robust estimator at that coarser
 * level estimates the same variance without bias (Σ_groups E[U_j U_jᵀ] = Σ_voters E[u_g u_gᵀ] when every E[u_g] =
 * 0), with 511 degrees of freedom instead of one per voter — standard errors good to ~3%, a loss the t quantile
 * with G − 1 degrees of freedom absorbs — at a cost of O(votes + 512·k²) instead of O(Σ_voters (models the voter
 * touched)²), which a few heavy voters make quadratic.
 */
export const MAX_CLUSTERS = 512;

/** A voter id's group among MAX_CLUSTERS (Fibonacci hashing: the top 9 bits of (id + 1)·2³²/φ). */
export function hashCluster(id: number): number {
  return Math.imul(id + 1, 0x9e3779b1) >>> 23;
}

/**
 * Clusters for one or two voter lists (ascending ids): each voter its own cluster (numbered by rank in the union)
 * when the union has at most MAX_CLUSTERS voters, else MAX_CLUSTERS groups by hash — the same voter always lands in
 * the same cluster in both lists, which is what makes cross-slice covariances right. Cost O(voters).
 */
export function assignClusters(...lists: Int32Array[]): { clusterOf: Int32Array[]; count: number } {
  // the union of the ascending lists, merged
  let union: Int32Array = lists[0] ?? new Int32Array(0);
  for (const ids of lists.slice(1)) union = mergeAscending(union, ids);
  if (union.length > MAX_CLUSTERS) return { clusterOf: lists.map((ids) => ids.map(hashCluster)), count: MAX_CLUSTERS };
  return {
    clusterOf: lists.map((ids) => {
      const out = new Int32Array(ids.length);
      for (let g = 0, r = 0; g < ids.length; g++) {
        while (union[r]! < ids[g]!) r++;
        out[g] = r;
      }
      return out;
    }),
    count: union.length,
  };
}

/** The distinct values of two ascending lists, ascending. Cost O(x + y). */
function mergeAscending(x: Int32Array, y: Int32Array): Int32Array {
  const out = new Int32Array(x.length + y.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const next = j >= y.length || (i < x.length && x[i]! <= y[j]!) ? x[i]! : y[j]!;
    if (i < x.length && x[i] === next) i++;
    if (j < y.length && y[j] === next) j++;
    out[n++] = next;
  }
  return out.subarray(0, n);
}

/**
 * Score vectors of the log-likelihood at the fit, summed per cluster over the rated group (`count` × k, row-major):
 *   U_j = Σ_{voters g in cluster j} Σ_{votes of g between rated models} α(σ(α(r_a − r_b)) − y)(e_a − e_b)
 * (y = a's score: 1, 0, ½), with `clusterOf` giving each voter position's cluster (`assignClusters`); also how many
 * voters had a rated vote. One pass over the votes with a table per cell code: no exponentials, no division.
 * Cost O(votes + stride²).
 */
export function clusterScores(
  fit: IdentifiedFit,
  votes: VotesByVoter,
  clusterOf: Int32Array,
  count: number,
): { sums: Float64Array; voters: number } {
  const k = fit.rated.length;
  const codeIndex = ratedIndexOfCode(fit, votes);
  const { start, code, stride } = votes;
  // per cell (a·stride + b): both rated models' positions, and α(σ − y) per outcome (NaN where not rated)
  const cellA = new Int32Array(stride * stride);
  const cellB = new Int32Array(stride * stride);
  const residual = new Float64Array(stride * stride * 4).fill(NaN);
  for (let a = 0; a < stride; a++) {
    const x = codeIndex[a]!;
    if (x < 0) continue;
    for (let b = 0; b < stride; b++) {
      const y = codeIndex[b]!;
      if (y < 0 || y === x) continue;
      const cell = a * stride + b;
      cellA[cell] = x;
      cellB[cell] = y;
      const p = 1 / (1 + Math.exp(-fit.alpha * (fit.strengths[x]! - fit.strengths[y]!)));
      for (let o = 0; o < 4; o++) residual[cell * 4 + o] = fit.alpha * (p - SCORE_OF_OUTCOME[o]!);
    }
  }
  const sums = new Float64Array(count * k);
  let voters = 0;
  for (let g = 0; g + 1 < start.length; g++) {
    const row = clusterOf[g]! * k;
    let isCounted = false;
    for (let v = start[g]!, end = start[g + 1]!; v < end; v++) {
      const c = code[v]!;
      const r = residual[c]!;
      if (r !== r) continue; // NaN: a model outside the rated group
      const cell = c >>> 2;
      sums[row + cellA[cell]!] += r;
      sums[row + cellB[cell]!] -= r;
      isCounted = true;
    }
    if (isCounted) voters++;
  }
  return { sums, voters };
}

/**
 * Σ_j X_jᵀ Y_j over the rows j of two cluster-sum matrices (count × kx and count × ky): the kx × ky meat. The
 * matrices are transposed first so that each entry is one contiguous dot product over the clusters, summed in
 * registers (about 3× faster than accumulating outer products in memory); with x === y only the upper triangle is
 * computed, then mirrored. Cost O(count·kx·ky), half that when symmetric.
 */
export function crossMeat(x: Float64Array, kx: number, y: Float64Array, ky: number, count: number): Float64Array {
  const isSymmetric = x === y && kx === ky;
  const xt = transpose(x, count, kx);
  const yt = isSymmetric ? xt : transpose(y, count, ky);
  const meat = new Float64Array(kx * ky);
  for (let r = 0; r < kx; r++) {
    for (let c = isSymmetric ? r : 0; c < ky; c++) meat[r * ky + c] = dot(xt, r * count, c * count, count, yt);
  }
  if (isSymmetric) for (let r = 0; r < kx; r++) for (let c = 0; c < r; c++) meat[r * kx + c] = meat[c * kx + r]!;
  return meat;
}

/** The transpose of a rows × cols row-major matrix. Cost O(rows·cols). */
function transpose(x: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = x[r * cols + c]!;
  return out;
}

/**
 * diag(W M W) for symmetric k×k W and M: each entry is w_mᵀ M w_m with w_m the m-th row of W — the variances the
 * intervals need, without forming the whole product. Cost O(k³) (half of `sandwich`'s), contiguous dot products.
 */
export function sandwichDiagonal(w: Float64Array, meat: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k);
  const mw = new Float64Array(k);
  for (let m = 0; m < k; m++) {
    for (let r = 0; r < k; r++) mw[r] = dot(meat, r * k, m * k, k, w);
    out[m] = dot(w, m * k, 0, k, mw);
  }
  return out;
}

/** Clusters (rows) with a nonzero score sum: the G of the G/(G − 1) correction. */
export function countNonEmpty(sums: Float64Array, k: number, count: number): number {
  let nonEmpty = 0;
  for (let j = 0; j < count; j++) {
    for (let m = 0; m < k; m++) {
      if (sums[j * k + m] !== 0) {
        nonEmpty++;
        break;
      }
    }
  }
  return nonEmpty;
}

/**
 * Each voter's own score vector (see `clusterScores`), one voter at a time: `score(g)` writes u_g into `u` (its
 * nonzero entries at u[touched[0..size−1]]) and returns size; call `clear(size)` before the next voter. For
 * estimators that need voters one by one (e.g. leverage corrections in the simulation). Cost O(that voter's votes).
 */
export class VoterScores {
  readonly u: Float64Array;
  readonly touched: Int32Array;
  private readonly isTouched: Uint8Array;
  private readonly codeIndex: Int32Array;
  private readonly prob: Float64Array;
  private readonly k: number;
  private readonly pair = new Int32Array(2);

  constructor(
    private readonly fit: IdentifiedFit,
    readonly votes: VotesByVoter,
  ) {
    this.k = fit.rated.length;
    this.u = new Float64Array(this.k);
    this.touched = new Int32Array(this.k);
    this.isTouched = new Uint8Array(this.k);
    this.codeIndex = ratedIndexOfCode(fit, votes);
    this.prob = winProbabilities(fit);
  }

  get voters(): number {
    return this.votes.start.length - 1;
  }

  score(g: number): number {
    const { start, code, stride } = this.votes;
    const { u, touched, isTouched, codeIndex, prob, k, pair } = this;
    const alpha = this.fit.alpha;
    let size = 0;
    for (let v = start[g]!, end = start[g + 1]!; v < end; v++) {
      const c = code[v]!;
      if (!ratedPair(c, stride, codeIndex, pair)) continue;
      const [a, b] = [pair[0]!, pair[1]!];
      const residual = alpha * (prob[a * k + b]! - SCORE_OF_OUTCOME[c & 3]!);
      u[a] = u[a]! + residual;
      u[b] = u[b]! - residual;
      if (!isTouched[a]) {
        isTouched[a] = 1;
        touched[size++] = a;
      }
      if (!isTouched[b]) {
        isTouched[b] = 1;
        touched[size++] = b;
      }
    }
    return size;
  }

  clear(size: number): void {
    for (let s = 0; s < size; s++) {
      this.u[this.touched[s]!] = 0;
      this.isTouched[this.touched[s]!] = 0;
    }
  }
}

/** σ(α(r_x − r_y)) for every two rated models, k×k row-major. Cost O(k²). */
function winProbabilities(fit: IdentifiedFit): Float64Array {
  const k = fit.rated.length;
  const prob = new Float64Array(k * k);
  for (let x = 0; x < k; x++) {
    for (let y = 0; y < k; y++) prob[x * k + y] = 1 / (1 + Math.exp(-fit.alpha * (fit.strengths[x]! - fit.strengths[y]!)));
  }
  return prob;
}

/**
 * The inverse of the fit's information on the centred strengths: (H + J/k)⁻¹ with H the observed Fisher
 * information (graph Laplacian weighted by α²·w·p(1−p)) and J = 11ᵀ. On vectors that sum to zero — every score
 * vector does — it acts as H's pseudo-inverse, so A⁻¹ S A⁻¹ is the covariance of the mean-centred strengths.
 * Cost O(pairs + k³).
 */
export function inverseInformation(fit: IdentifiedFit): Float64Array {
  const k = fit.rated.length;
  const h = new Float64Array(k * k);
  const { pairs, strengths, alpha } = fit;
  let diagonal = 0;
  for (let p = 0; p < pairs.i.length; p++) {
    const x = pairs.i[p]!;
    const y = pairs.j[p]!;
    const w = pairs.winsI[p]! + pairs.winsJ[p]! + pairs.draws[p]!;
    const s = 1 / (1 + Math.exp(-alpha * (strengths[x]! - strengths[y]!)));
    const c = alpha * alpha * w * s * (1 - s);
    h[x * k + x] += c;
    h[y * k + y] += c;
    h[x * k + y] -= c;
    h[y * k + x] -= c;
    diagonal += 2 * c;
  }
  const shift = diagonal / k / k || 1; // J/k scaled to the data, for conditioning; the result does not depend on it
  for (let e = 0; e < k * k; e++) h[e] = h[e]! + shift;
  choleskyFactorInPlace(h, k);
  const upper = transposeLower(h, k);
  const inverse = new Float64Array(k * k);
  const column = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    column.fill(0);
    column[c] = 1;
    choleskySolveFactored(h, k, column, upper);
    for (let r = 0; r < k; r++) inverse[r * k + c] = column[r]!;
  }
  // (H + sJ)⁻¹ = H⁺ + J/(s k²): remove the mean direction so the result is H⁺ itself
  const offset = 1 / (shift * k * k);
  for (let e = 0; e < k * k; e++) inverse[e] = inverse[e]! - offset;
  return inverse;
}

/**
 * X · M · Y for symmetric X (kA×kA) and Y (kB×kB) and any M (kA×kB), row-major: a sandwich covariance, or the
 * cross-covariance of two fits (kB ≠ kA). Cost O(kA·kB·(kA + kB)).
 */
export function sandwich(x: Float64Array, meat: Float64Array, y: Float64Array, kA: number, kB = kA): Float64Array {
  const xm = new Float64Array(kA * kB);
  for (let r = 0; r < kA; r++) {
    for (let t = 0; t < kA; t++) {
      const v = x[r * kA + t]!;
      if (v === 0) continue;
      for (let c = 0; c < kB; c++) xm[r * kB + c] += v * meat[t * kB + c]!;
    }
  }
  const out = new Float64Array(kA * kB);
  // Y is symmetric: its column c is its row c, read contiguously
  for (let r = 0; r < kA; r++) for (let c = 0; c < kB; c++) out[r * kB + c] = dot(xm, r * kB, c * kB, kB, y);
  return out;
}

/**
 * Voter-clustered ("cluster-robust", CR1) covariance of the centred strengths of the rated group:
 *   V = G/(G − 1) · A⁻¹ (Σ_j U_j U_jᵀ) A⁻¹
 * with U_j cluster j's score vector (`clusterScores`: one cluster per voter, or up to MAX_CLUSTERS hashed groups of
 * voters), A⁻¹ from `inverseInformation`, G the clusters with votes. A voter's votes may depend on each other in
 * any way (tastes of their own); voters are independent. This is arena-rank's `compute_hessian_and_covariance`
 * with the per-pair scores replaced by per-voter ones. Cost O(votes + min(voters, MAX_CLUSTERS)·k² + k³).
 */
export function clusteredCovariance(
  fit: IdentifiedFit,
  votes: VotesByVoter,
): { covariance: Float64Array; voters: number; clusters: number } {
  const k = fit.rated.length;
  const { inverse, meat, voters, clusters, correction } = clusteredParts(fit, votes);
  const covariance = sandwich(inverse, meat, inverse, k);
  for (let e = 0; e < k * k; e++) covariance[e] = covariance[e]! * correction;
  return { covariance, voters, clusters };
}

/** The diagonal of `clusteredCovariance` (the variances of the centred strengths) at half the O(k³) cost. */
export function clusteredVariances(fit: IdentifiedFit, votes: VotesByVoter): { variances: Float64Array; voters: number; clusters: number } {
  const k = fit.rated.length;
  const { inverse, meat, voters, clusters, correction } = clusteredParts(fit, votes);
  const variances = sandwichDiagonal(inverse, meat, k);
  for (let m = 0; m < k; m++) variances[m] = variances[m]! * correction;
  return { variances, voters, clusters };
}

/** A⁻¹, the meat, the voters and clusters, and the G/(G − 1) correction of the clustered covariance. */
function clusteredParts(fit: IdentifiedFit, votes: VotesByVoter) {
  const k = fit.rated.length;
  const { clusterOf, count } = assignClusters(votes.voterId);
  const { sums, voters } = clusterScores(fit, votes, clusterOf[0]!, count);
  const clusters = countNonEmpty(sums, k, count);
  const correction = clusters > 1 ? clusters / (clusters - 1) : 1;
  return { inverse: inverseInformation(fit), meat: crossMeat(sums, k, sums, k, count), voters, clusters, correction };
}
