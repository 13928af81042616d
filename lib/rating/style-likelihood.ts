import type { Design } from "./style-design";
import { FEATURES } from "./style-covariates";

/** One pass over style control's votes: the loss, its gradient and Hessian, and each voter's score (for the sandwich). */

/** Model a's score per outcome code: A won, B won, tie, both bad (ties and both-bad votes half a win each). */
const SCORE = Float64Array.of(1, 0, 0.5, 0.5);
/** The loss's Π(1 + e^{−|z|}) is folded into a logarithm every this many votes, long before it could overflow (2^512). */
const PRODUCT_RUN = 512;

/** Statistics kept per ordered pair (a, b) by a pass: Σ w, Σ w·x_f (4), Σ (p − y). */
export const PAIR_STATS = 6;

/**
 * What one pass over the votes leaves for `assemble`. Per ordered pair (a·k + b) rather than per model: a vote's
 * six sums then land in one 48-byte record instead of thirteen places in four arrays (measured 18% faster per pass),
 * and are spread to the models in O(k²) afterwards.
 */
export interface PassScratch {
  /** Per ordered pair, PAIR_STATS values: Σ w (w = p(1 − p)), Σ w·x_f, Σ (p − y). */
  pairs: Float64Array;
  /** Σ (p − y)·x_f (0..3), then Σ w·x_f·x_g over the upper triangle of 4×4 (4..13). */
  featureSums: Float64Array;
}

export function createScratch(k: number): PassScratch {
  return { pairs: new Float64Array(k * k * PAIR_STATS), featureSums: new Float64Array(FEATURES + 10) };
}

/**
 * One pass over the fitted votes at θ = (strengths, β): with z = α(r_a − r_b) + β·x, p = σ(z), y = a's score and
 * w = p(1 − p), accumulates Σ (p − y)·design row and Σ w·(design row)(design row)ᵀ in per-pair form. Returns
 * Σ [softplus(z) − y·z] (the negative log-likelihood), or NaN without `withLoss`: its log1p terms are summed as the
 * logarithm of running products (one log per PRODUCT_RUN votes), which keeps the line search nearly free.
 * With `clusterScores` ((k + 4) × clusters, parameter-major), also sums each cluster's score there: Σ (p − y)·(±1)
 * on its votes' models (α not yet applied) and Σ (p − y)·x_f on the coefficients.
 * Everything is computed from e^{−|z|}, so nothing overflows.
 * Cost O(votes): one exponential and ~40 flops per vote (6 more with cluster scores).
 */
export function dataPass(
  design: Design,
  theta: Float64Array,
  alpha: number,
  s: PassScratch,
  withLoss: boolean,
  clusterScores: Float64Array | null,
): number {
  const { k, a, b, outcome, start, used, local, clusterOf } = design;
  const [length, headers, lists, bold] = design.columns;
  const [m0, m1, m2, m3] = design.mean as unknown as [number, number, number, number];
  const [s0, s1, s2, s3] = design.scale as unknown as [number, number, number, number];
  const { pairs } = s;
  const clusters = clusterScores ? clusterScores.length / (k + FEATURES) : 0;
  pairs.fill(0);
  const b0 = theta[k]!;
  const b1 = theta[k + 1]!;
  const b2 = theta[k + 2]!;
  const b3 = theta[k + 3]!;
  let loss = 0;
  let product = 1;
  let run = 0;
  let g0 = 0,
    g1 = 0,
    g2 = 0,
    g3 = 0;
  let h00 = 0,
    h01 = 0,
    h02 = 0,
    h03 = 0,
    h11 = 0,
    h12 = 0,
    h13 = 0,
    h22 = 0,
    h23 = 0,
    h33 = 0;
  const total = a.length;
  // One flat loop over the votes: only the pass with cluster scores follows the voters (their boundaries), so the
  // others pay nothing per voter (measured: 200,000 voters of 5 votes cost 20% more as a nested loop).
  let g = -1;
  let nextVoter = 0;
  let c = 0;
  let u0 = 0,
    u1 = 0,
    u2 = 0,
    u3 = 0;
  for (let v = 0; v < total; v++) {
    if (clusterScores !== null && v === nextVoter) {
      if (g >= 0) addFeatureScores(clusterScores, clusters, k, c, u0, u1, u2, u3);
      u0 = u1 = u2 = u3 = 0;
      do g++;
      while (start[g + 1]! === v); // voters without votes
      c = clusterOf[g]!;
      nextVoter = start[g + 1]!;
    }
    if (used !== null && used[v] === 0) continue;
    const i = local[a[v]!]!;
    const j = local[b[v]!]!;
    const x0 = (length[v]! - m0) * s0;
    const x1 = (headers[v]! - m1) * s1;
    const x2 = (lists[v]! - m2) * s2;
    const x3 = (bold[v]! - m3) * s3;
    const z = alpha * (theta[i]! - theta[j]!) + b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
    const e = Math.exp(-Math.abs(z));
    const q = 1 / (1 + e);
    const y = SCORE[outcome[v]!]!;
    const r = (z >= 0 ? q : e * q) - y;
    if (withLoss) {
      loss += (z > 0 ? z : 0) - y * z;
      product *= 1 + e;
      if (++run === PRODUCT_RUN) {
        run = 0;
        loss += Math.log(product);
        product = 1;
      }
    }
    g0 += r * x0;
    g1 += r * x1;
    g2 += r * x2;
    g3 += r * x3;
    const w = e * q * q;
    const w0 = w * x0;
    const w1 = w * x1;
    const w2 = w * x2;
    const w3 = w * x3;
    const at = (i * k + j) * PAIR_STATS;
    pairs[at] += w;
    pairs[at + 1] += w0;
    pairs[at + 2] += w1;
    pairs[at + 3] += w2;
    pairs[at + 4] += w3;
    pairs[at + 5] += r;
    h00 += w0 * x0;
    h01 += w0 * x1;
    h02 += w0 * x2;
    h03 += w0 * x3;
    h11 += w1 * x1;
    h12 += w1 * x2;
    h13 += w1 * x3;
    h22 += w2 * x2;
    h23 += w2 * x3;
    h33 += w3 * x3;
    if (clusterScores) {
      clusterScores[i * clusters + c] += r;
      clusterScores[j * clusters + c] -= r;
      u0 += r * x0;
      u1 += r * x1;
      u2 += r * x2;
      u3 += r * x3;
    }
  }
  if (clusterScores !== null && g >= 0) addFeatureScores(clusterScores, clusters, k, c, u0, u1, u2, u3);
  const f = s.featureSums;
  f[0] = g0;
  f[1] = g1;
  f[2] = g2;
  f[3] = g3;
  f[4] = h00;
  f[5] = h01;
  f[6] = h02;
  f[7] = h03;
  f[8] = h11;
  f[9] = h12;
  f[10] = h13;
  f[11] = h22;
  f[12] = h23;
  f[13] = h33;
  return withLoss ? loss + Math.log(product) : NaN;
}

/** Adds a voter's summed feature scores to its cluster's (the coefficients' rows of `clusterScores`). */
export function addFeatureScores(
  clusterScores: Float64Array,
  clusters: number,
  k: number,
  c: number,
  u0: number,
  u1: number,
  u2: number,
  u3: number,
): void {
  clusterScores[k * clusters + c] += u0;
  clusterScores[(k + 1) * clusters + c] += u1;
  clusterScores[(k + 2) * clusters + c] += u2;
  clusterScores[(k + 3) * clusters + c] += u3;
}

/** Index of (f, g) in `featureSums`' 4×4 upper triangle. */
export const UPPER = [
  [4, 5, 6, 7],
  [5, 8, 9, 10],
  [6, 9, 11, 12],
  [7, 10, 12, 13],
];

/**
 * The objective's gradient and Hessian at θ from a pass's sums: the likelihood part, spread from the ordered pairs
 * to their two models (α per strength: ±α on r_a, r_b), plus the centring penalty (μ/2)(Σ r)² and the ridge
 * (λ/2)|θ|². A constant feature gets a unit diagonal and no gradient, so its coefficient stays 0. Returns the
 * penalties' value. Cost O(k²).
 */
export function assemble(
  design: Design,
  theta: Float64Array,
  alpha: number,
  mu: number,
  ridge: number,
  s: PassScratch,
  grad: Float64Array,
  hess: Float64Array,
): number {
  const { k, active } = design;
  const { pairs, featureSums } = s;
  const size = k + FEATURES;
  const alpha2 = alpha * alpha;
  let sum = 0;
  let squares = 0;
  for (let m = 0; m < k; m++) sum += theta[m]!;
  for (let q = 0; q < size; q++) squares += theta[q]! * theta[q]!;
  hess.fill(0);
  for (let m = 0; m < k; m++) {
    grad[m] = mu * sum + ridge * theta[m]!;
    for (let c = 0; c < k; c++) hess[m * size + c] = mu;
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const at = (i * k + j) * PAIR_STATS;
      const w = pairs[at]!;
      if (w === 0 && pairs[at + 5] === 0) continue;
      const residual = alpha * pairs[at + 5]!;
      grad[i] += residual;
      grad[j] -= residual;
      const curvature = alpha2 * w;
      hess[i * size + i] += curvature;
      hess[j * size + j] += curvature;
      hess[i * size + j] -= curvature;
      hess[j * size + i] -= curvature;
      for (let f = 0; f < FEATURES; f++) {
        const value = alpha * pairs[at + 1 + f]!;
        hess[i * size + k + f] += value;
        hess[j * size + k + f] -= value;
      }
    }
  }
  for (let f = 0; f < FEATURES; f++) {
    grad[k + f] = active[f] ? featureSums[f]! + ridge * theta[k + f]! : 0;
    for (let m = 0; m < k; m++) {
      const value = active[f] ? hess[m * size + k + f]! : 0;
      hess[m * size + k + f] = value;
      hess[(k + f) * size + m] = value;
    }
    for (let g = 0; g < FEATURES; g++) {
      hess[(k + f) * size + k + g] = active[f] && active[g] ? featureSums[UPPER[f]![g]!]! : f === g ? 1 : 0;
    }
  }
  if (ridge > 0) for (let q = 0; q < size; q++) hess[q * size + q] += ridge;
  return 0.5 * mu * sum * sum + 0.5 * ridge * squares;
}
