import { choleskyFactorInPlace, choleskySolveFactored, dot } from "./linear-algebra";
import { studentT975 } from "./student-t";
import { hashCluster, MAX_CLUSTERS } from "./sandwich";

/**
 * Style control: Bradley–Terry with FastChat's style covariates (`compute_style_control` in
 * fastchat/serve/monitor/rating_systems.py), fitted by exact maximum likelihood, with a voter-clustered sandwich
 * covariance for the intervals.
 */

/** The four style covariates, in FastChat's order (STYLE_CONTROL_ELEMENTS_V1). */
export const STYLE_FEATURES = ["length", "headers", "lists", "bold"] as const;
export type StyleFeature = (typeof STYLE_FEATURES)[number];
const FEATURES = STYLE_FEATURES.length;

/**
 * A slice's votes grouped by voter (the unit of independence), with each vote's style contrasts. Voter g cast votes
 * start[g] .. start[g + 1] − 1; vote v is between models a[v] (shown left) and b[v] (indices < nModels) with
 * outcome[v] 0 = A won, 1 = B won, 2 = tie, 3 = both bad.
 *
 * Each feature is FastChat's contrast of the two answers, `styleContrast(countA, countB)` = (A − B)/(A + B + 1),
 * for all four: tokens (length), markdown headers of all levels, list items (ordered + unordered), bold spans
 * (** + __). FastChat's `preprocess_for_style` applies that ratio to every feature (apply_ratio = [1, 1, 1, 1]), not
 * only to length: with plain differences for the markdown counts its ratings move by up to 7 points on the fixture.
 * A vote with a non-finite feature (style unknown) is left out of the fit.
 */
export interface StyledVoterVotes {
  nModels: number;
  start: Int32Array;
  /**
   * Optional stable voter ids (one per voter, start.length − 1): above MAX_CLUSTERS voters the sandwich pools
   * voters into hashed groups, by id when given (the same grouping whatever the order or the slice, as in
   * `sandwich.ts`), else by position.
   */
  voterId?: Int32Array;
  a: Int32Array;
  b: Int32Array;
  outcome: Uint8Array;
  length: Float64Array;
  headers: Float64Array;
  lists: Float64Array;
  bold: Float64Array;
}

/** FastChat's contrast of one style count between the two answers: (a − b)/(a + b + 1), in (−1, 1) for counts ≥ 0. Cost O(1). */
export function styleContrast(a: number, b: number): number {
  return (a - b) / (a + b + 1);
}

export interface StyleControlOptions {
  /**
   * Models to fit (mask[m] true or 1); default all. Votes touching any other model are skipped, and only the votes
   * fitted enter the features' means and sds. Pass an identified group — `identifyModels`' rated models on the same
   * votes (those with known style) — since the maximum likelihood exists only there: on a group that is not
   * strongly connected the fit runs off and reports `converged: false`. A masked-in model without any fitted
   * vote is not fitted (its row is null).
   */
  fit?: ArrayLike<boolean | number>;
  /** Warm start, per model (length nModels), in natural units (1 = a factor of `base` in odds), e.g. the plain BT fit. */
  start?: ArrayLike<number>;
  /** Odds base: `scale` rating points = a factor of `base` in odds. Default 10. */
  base?: number;
  /** Default 400. */
  scale?: number;
  /** Mean rating of the fitted models. Default 1000. */
  initRating?: number;
  /**
   * FastChat's L2 penalty (reg/2)·|θ|² on all parameters (its default is 0.5). Default 0: plain maximum likelihood,
   * the house rule. Kept only so the parity test can show the objective is FastChat's (to 0.001 rating points): on
   * its fixture the penalty moves ratings by at most 0.62 points and the length coefficient by 0.0036.
   */
  ridge?: number;
}

/** A fitted model: rating (mean `initRating` over the fitted models), its standard error and 95% interval. */
export interface StyledRating {
  rating: number;
  /** Voter-clustered standard error in rating points; null with fewer than two voters, or if the fit did not converge. */
  se: number | null;
  lower: number | null;
  upper: number | null;
}

/** A style coefficient in natural-log-odds per standard deviation of its feature (FastChat's units), with a 95% interval. */
export interface StyleCoefficient {
  estimate: number;
  se: number | null;
  lower: number | null;
  upper: number | null;
}

export interface StyleControlResult {
  /** Per model (length nModels): null when not fitted (masked out, or no fitted vote). */
  ratings: (StyledRating | null)[];
  /** Null for a feature that is constant over the fitted votes (sd 0): its effect cannot be told from the data. */
  coefficients: Record<StyleFeature, StyleCoefficient | null>;
  /** The features' means and population sds (numpy's `np.std`) over the fitted votes: how they were z-scored. */
  featureMean: Record<StyleFeature, number>;
  featureSd: Record<StyleFeature, number>;
  /** Indices of the fitted models, ascending: the order of the strengths in `covariance`. */
  fitted: Int32Array;
  /**
   * Voter-clustered covariance of the parameters, (k + 4)², row-major: the k fitted models' centred strengths
   * (natural units) then the four coefficients (zero rows for a constant feature). Null with fewer than two voters,
   * or if the fit did not converge.
   */
  covariance: Float64Array | null;
  votes: number;
  /** Voters with at least one fitted vote. */
  voters: number;
  /** Clusters the sandwich summed over: the voters, or MAX_CLUSTERS (512) hashed groups of them when there are more. */
  clusters: number;
  newtonSteps: number;
  /**
   * False if the fit stopped without meeting the step tolerance — the maximum likelihood is not finite on these
   * votes (see `fit`) — in which case there are no intervals (se, lower, upper and covariance are null).
   */
  converged: boolean;
}

/** Newton ends once a step is no larger than this in every coordinate (0.0004 rating points; coefficients 1e-6). */
const STEP_TOLERANCE = 1e-6;
/** Steps smaller than this are taken whole, without a line search (see `newton`). */
const LOCAL_STEP = 1e-3;
/** Safety cap; measured 3–5 steps from zeros, 2–3 after the subsample's start. */
const MAX_NEWTON_STEPS = 50;
/**
 * A strength or coefficient beyond this (natural units: 10 is 4,000 rating points from the mean, odds of 10¹⁰)
 * means the maximum likelihood is at infinity — a group of models, or a style, that never lost (the mask was not
 * an identified group). Newton walks towards it ~0.4 a step, and once the loss is flat to rounding it would creep
 * on for all MAX_NEWTON_STEPS passes: the fit stops here instead, unconverged.
 */
const MAX_PARAMETER = 10;
const ARMIJO = 1e-4;
const MAX_HALVINGS = 40;
/**
 * Above this many fitted votes the fit starts from a systematic subsample of about SUBSAMPLE_SIZE of them (every
 * s-th vote). Its optimum lies within a few standard errors of the full one, where Newton converges quadratically:
 * three passes over all the votes then finish (measured on 1M votes), instead of five from zeros.
 */
const SUBSAMPLE_FROM = 4 * 65_536;
const SUBSAMPLE_SIZE = 65_536;
/**
 * The subsample's fit is only a starting point: this looser tolerance, and a unit ridge that keeps it finite where a
 * rare model's few subsampled votes are all wins (the answer itself is the unpenalised maximum likelihood).
 */
const SUBSAMPLE_TOLERANCE = 1e-4;
const SUBSAMPLE_RIDGE = 1;
/** Model a's score per outcome code: A won, B won, tie, both bad (ties and both-bad votes half a win each). */
const SCORE = Float64Array.of(1, 0, 0.5, 0.5);
/** The loss's Π(1 + e^{−|z|}) is folded into a logarithm every this many votes, long before it could overflow (2^512). */
const PRODUCT_RUN = 512;

/**
 * The fitted votes, read in place from the caller's arrays (a fit allocates O(models² + voters), not O(votes)):
 * vote v of voter g (start[g] ≤ v < start[g + 1]) is fitted if `used` is null or used[v] is 1, between local
 * models local[a[v]] and local[b[v]], its features z-scored on the fly as (x − mean)·scale.
 */
interface Design {
  /** Fitted models, and fitted votes. */
  k: number;
  n: number;
  a: Int32Array;
  b: Int32Array;
  outcome: Uint8Array;
  columns: [Float64Array, Float64Array, Float64Array, Float64Array];
  start: Int32Array;
  /** Null when every vote is fitted. */
  used: Uint8Array | null;
  /** Model index → local index among the fitted models (−1: not fitted). */
  local: Int32Array;
  mean: Float64Array;
  sd: Float64Array;
  /** 1/sd for a feature that varies over the fitted votes, else 0 (it has no coefficient). */
  scale: Float64Array;
  /** 1 when the feature varies over the fitted votes. */
  active: Uint8Array;
  fitted: Int32Array;
  /** Voters with at least one fitted vote. */
  voters: number;
  /** Each voter's cluster (see MAX_CLUSTERS), < clusterSlots; `clusters` of the slots hold a fitted vote. */
  clusterOf: Int32Array;
  clusterSlots: number;
  clusters: number;
}

function checkInput(votes: StyledVoterVotes): void {
  const n = votes.a.length;
  const { nModels, start, voterId } = votes;
  if (!Number.isInteger(nModels) || nModels < 0) throw new RangeError(`nModels must be a non-negative integer, got ${nModels}`);
  if (voterId && voterId.length !== start.length - 1) throw new RangeError(`voterId has ${voterId.length} entries for ${start.length - 1} voters`);
  for (const name of ["b", "outcome", ...STYLE_FEATURES] as const) {
    if (votes[name].length !== n) throw new RangeError(`${name} has ${votes[name].length} entries, a has ${n}`);
  }
  if (start.length < 1 || start[0] !== 0 || start[start.length - 1] !== n) throw new RangeError("start must run from 0 to the number of votes");
  for (let g = 0; g + 1 < start.length; g++) if (start[g + 1]! < start[g]!) throw new RangeError("start must be non-decreasing");
  // model indices and outcome codes are checked in `buildDesign`'s first pass, which reads them anyway
}

function badVote(votes: StyledVoterVotes, v: number): RangeError {
  const { a, b, outcome, nModels } = votes;
  return outcome[v]! > 3
    ? new RangeError(`vote ${v} has outcome code ${outcome[v]}`)
    : new RangeError(`vote ${v} refers to model ${a[v]} vs ${b[v]}, outside 0..${nModels - 1}`);
}

/**
 * Checks each vote's models and outcome, selects the fitted votes (both models masked in, a ≠ b, every feature
 * finite), and finds the features' means and population sds over them as FastChat z-scores them (numpy's mean
 * and std; the mean first, so the sd loses no precision). Cost O(votes): two reads of the votes, no per-vote
 * allocation beyond a byte per vote when some are left out.
 */
function buildDesign(votes: StyledVoterVotes, mask: ArrayLike<boolean | number> | undefined): Design {
  const { nModels, start, a, b, outcome, length, headers, lists, bold } = votes;
  const total = a.length;
  const inMask = new Uint8Array(nModels);
  for (let m = 0; m < nModels; m++) inMask[m] = mask ? (mask[m] ? 1 : 0) : 1;
  let used: Uint8Array | null = null;
  const seen = new Uint8Array(nModels);
  let sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
  let n = 0;
  for (let v = 0; v < total; v++) {
    const i = a[v]!;
    const j = b[v]!;
    if (!(i >= 0 && i < nModels && j >= 0 && j < nModels && outcome[v]! <= 3)) throw badVote(votes, v);
    const x0 = length[v]!;
    const x1 = headers[v]!;
    const x2 = lists[v]!;
    const x3 = bold[v]!;
    // x − x is NaN exactly when x is not finite
    if (i === j || !inMask[i] || !inMask[j] || x0 - x0 + (x1 - x1) + (x2 - x2) + (x3 - x3) !== 0) {
      if (!used) used = new Uint8Array(total).fill(1, 0, v);
      continue;
    }
    if (used) used[v] = 1;
    seen[i] = 1;
    seen[j] = 1;
    n++;
    sum0 += x0;
    sum1 += x1;
    sum2 += x2;
    sum3 += x3;
  }
  const local = new Int32Array(nModels).fill(-1);
  let k = 0;
  for (let m = 0; m < nModels; m++) if (seen[m]) local[m] = k++;
  const fitted = new Int32Array(k);
  for (let m = 0; m < nModels; m++) if (local[m]! >= 0) fitted[local[m]!] = m;

  const mean = Float64Array.from([sum0, sum1, sum2, sum3], (s) => (n > 0 ? s / n : 0));
  const [m0, m1, m2, m3] = mean as unknown as [number, number, number, number];
  let sq0 = 0, sq1 = 0, sq2 = 0, sq3 = 0;
  // each voter's rank among those with a fitted vote (−1: none), for the clusters
  const rank = new Int32Array(start.length - 1).fill(-1);
  let voters = 0;
  for (let g = 0; g + 1 < start.length; g++) {
    for (let v = start[g]!, end = start[g + 1]!; v < end; v++) {
      if (used && !used[v]) continue;
      if (rank[g] === -1) rank[g] = voters++;
      const c0 = length[v]! - m0;
      const c1 = headers[v]! - m1;
      const c2 = lists[v]! - m2;
      const c3 = bold[v]! - m3;
      sq0 += c0 * c0;
      sq1 += c1 * c1;
      sq2 += c2 * c2;
      sq3 += c3 * c3;
    }
  }
  const sd = Float64Array.from([sq0, sq1, sq2, sq3], (s) => (n > 0 ? Math.sqrt(s / n) : 0));
  // A constant feature (sd 0, or rounding noise around a constant) has no coefficient; FastChat would divide by 0.
  const active = new Uint8Array(FEATURES);
  const scale = new Float64Array(FEATURES);
  for (let f = 0; f < FEATURES; f++) {
    active[f] = sd[f]! > 1e-12 * Math.max(1, Math.abs(mean[f]!)) ? 1 : 0;
    scale[f] = active[f] ? 1 / sd[f]! : 0;
  }
  // Clusters: each voter its own while there are at most MAX_CLUSTERS, else hashed groups (see MAX_CLUSTERS); a
  // voter without a fitted vote adds nothing wherever it is put.
  const isPooled = voters > MAX_CLUSTERS;
  const clusterOf = isPooled
    ? Int32Array.from(rank, (_, g) => hashCluster(votes.voterId ? votes.voterId[g]! : g))
    : Int32Array.from(rank, (r) => Math.max(r, 0));
  let clusters = voters;
  if (isPooled) {
    const isTaken = new Uint8Array(MAX_CLUSTERS);
    for (let g = 0; g < rank.length; g++) if (rank[g]! >= 0) isTaken[clusterOf[g]!] = 1;
    clusters = isTaken.reduce((sum, t) => sum + t, 0);
  }
  return {
    k,
    n,
    a,
    b,
    outcome,
    columns: [length, headers, lists, bold],
    start,
    used,
    local,
    mean,
    sd,
    scale,
    active,
    fitted,
    voters,
    clusterOf,
    clusterSlots: isPooled ? MAX_CLUSTERS : voters,
    clusters,
  };
}


/**
 * Every `stride`-th fitted vote, copied into a design of its own (one voter; local model indices, so `local` is the
 * identity): a starting point only. Cost O(votes).
 */
function subsample(design: Design, stride: number): Design {
  const { k, a, b, outcome, columns, used, local } = design;
  const n = Math.ceil(design.n / stride);
  const sub = {
    a: new Int32Array(n),
    b: new Int32Array(n),
    outcome: new Uint8Array(n),
    columns: [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)] as Design["columns"],
  };
  for (let v = 0, fitted = 0, u = 0; v < a.length && u < n; v++) {
    if (used && !used[v]) continue;
    if (fitted++ % stride !== 0) continue;
    sub.a[u] = local[a[v]!]!;
    sub.b[u] = local[b[v]!]!;
    sub.outcome[u] = outcome[v]!;
    for (let f = 0; f < FEATURES; f++) sub.columns[f]![u] = columns[f]![v]!;
    u++;
  }
  return {
    ...design,
    ...sub,
    n,
    start: Int32Array.of(0, n),
    used: null,
    local: Int32Array.from({ length: k }, (_, m) => m),
    voters: 1,
    clusterOf: Int32Array.of(0),
    clusterSlots: 1,
    clusters: 1,
  };
}

/** Statistics kept per ordered pair (a, b) by a pass: Σ w, Σ w·x_f (4), Σ (p − y). */
const PAIR_STATS = 6;

/**
 * What one pass over the votes leaves for `assemble`. Per ordered pair (a·k + b) rather than per model: a vote's
 * six sums then land in one 48-byte record instead of thirteen places in four arrays (measured 18% faster per pass),
 * and are spread to the models in O(k²) afterwards.
 */
interface PassScratch {
  /** Per ordered pair, PAIR_STATS values: Σ w (w = p(1 − p)), Σ w·x_f, Σ (p − y). */
  pairs: Float64Array;
  /** Σ (p − y)·x_f (0..3), then Σ w·x_f·x_g over the upper triangle of 4×4 (4..13). */
  featureSums: Float64Array;
}

function createScratch(k: number): PassScratch {
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
function dataPass(design: Design, theta: Float64Array, alpha: number, s: PassScratch, withLoss: boolean, clusterScores: Float64Array | null): number {
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
  let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
  let h00 = 0, h01 = 0, h02 = 0, h03 = 0, h11 = 0, h12 = 0, h13 = 0, h22 = 0, h23 = 0, h33 = 0;
  const total = a.length;
  // One flat loop over the votes: only the pass with cluster scores follows the voters (their boundaries), so the
  // others pay nothing per voter (measured: 200,000 voters of 5 votes cost 20% more as a nested loop).
  let g = -1;
  let nextVoter = 0;
  let c = 0;
  let u0 = 0, u1 = 0, u2 = 0, u3 = 0;
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
  f[0] = g0; f[1] = g1; f[2] = g2; f[3] = g3;
  f[4] = h00; f[5] = h01; f[6] = h02; f[7] = h03; f[8] = h11; f[9] = h12; f[10] = h13; f[11] = h22; f[12] = h23; f[13] = h33;
  return withLoss ? loss + Math.log(product) : NaN;
}

/** Adds a voter's summed feature scores to its cluster's (the coefficients' rows of `clusterScores`). */
function addFeatureScores(clusterScores: Float64Array, clusters: number, k: number, c: number, u0: number, u1: number, u2: number, u3: number): void {
  clusterScores[k * clusters + c] += u0;
  clusterScores[(k + 1) * clusters + c] += u1;
  clusterScores[(k + 2) * clusters + c] += u2;
  clusterScores[(k + 3) * clusters + c] += u3;
}

/** Index of (f, g) in `featureSums`' 4×4 upper triangle. */
const UPPER = [
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
function assemble(
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

interface NewtonResult {
  steps: number;
  converged: boolean;
  /** The clusters' score sums (see `dataPass`) at the last pass, when asked for. */
  clusterScores: Float64Array | null;
}

/**
 * Damped Newton on the penalised objective from θ (updated in place). On return `hess` holds the Cholesky factor
 * of the last Hessian, at most one (final, small) step from θ, where the cluster scores were summed too.
 * Steps below LOCAL_STEP are taken whole: the quadratic model is exact to rounding there, while differences of a
 * loss summed over a million votes are not. Larger ones get Armijo backtracking; each trial point's pass also
 * yields its gradient and Hessian, so an accepted step (the usual case) costs one pass.
 * Stops after a step s below `tolerance`, or once convergence is visibly quadratic (s < LOCAL_STEP after a whole
 * step s₋, s < s₋/2) and the error it leaves, ≈ s³/s₋² (s ≈ C·s₋², error ≈ C·s²), is below `tolerance`.
 * With `withMeat`, the pass predicted by the same rule to be the last also sums the clusters' scores; if the
 * prediction fails, they are summed again in a later pass. Cost per step: one pass, O(votes), and O((k + 4)³/3).
 */
function newton(
  design: Design,
  theta: Float64Array,
  penalty: { alpha: number; mu: number; ridge: number },
  tolerance: number,
  withMeat: boolean,
  grad: Float64Array,
  hess: Float64Array,
  scratch: PassScratch,
): NewtonResult {
  const { alpha, mu, ridge } = penalty;
  const size = design.k + FEATURES;
  const step = new Float64Array(size);
  const trial = new Float64Array(size);
  const clusterScores = withMeat ? new Float64Array(size * design.clusterSlots) : null;
  const evaluate = (at: Float64Array, withLoss: boolean, withVoters: boolean): number => {
    if (withVoters) clusterScores!.fill(0);
    const likelihood = dataPass(design, at, alpha, scratch, withLoss, withVoters ? clusterScores : null);
    return likelihood + assemble(design, at, alpha, mu, ridge, scratch, grad, hess);
  };
  /** Whether a step of `s` after a whole step of `before` leaves an error below tolerance (see above). */
  const isFinal = (s: number, before: number): boolean => s < tolerance || (s < LOCAL_STEP && s < before / 2 && (s * s * s) / (before * before) < tolerance);
  let loss = evaluate(theta, true, false);
  let hasMeat = false; // the last pass (at θ) summed the cluster scores
  let steps = 0;
  let converged = false;
  let previous = Infinity; // the last step, if it was taken whole (else Infinity)
  for (;;) {
    for (let q = 0; q < size; q++) step[q] = -grad[q]!;
    choleskyFactorInPlace(hess, size);
    choleskySolveFactored(hess, size, step);
    let slope = 0;
    let maxStep = 0;
    for (let q = 0; q < size; q++) {
      slope += grad[q]! * step[q]!;
      maxStep = Math.max(maxStep, Math.abs(step[q]!));
    }
    if (!(slope < 0)) {
      converged = slope === 0 || maxStep < tolerance; // optimal to rounding
      break;
    }
    if (isFinal(maxStep, previous)) {
      for (let q = 0; q < size; q++) theta[q] = theta[q]! + step[q]!;
      converged = true;
      break;
    }
    if (++steps > MAX_NEWTON_STEPS) break;
    let largest = 0;
    for (let q = 0; q < size; q++) largest = Math.max(largest, Math.abs(theta[q]!));
    if (largest > MAX_PARAMETER) break;
    // the next step, if convergence is quadratic, is ≈ s³/s₋²: will it be the last?
    const next = (maxStep * maxStep * maxStep) / (previous * previous);
    const isLastPass = withMeat && previous < Infinity && isFinal(next, maxStep);
    if (maxStep < LOCAL_STEP) {
      for (let q = 0; q < size; q++) theta[q] = theta[q]! + step[q]!;
      evaluate(theta, false, isLastPass);
      hasMeat = isLastPass;
      previous = maxStep;
      continue;
    }
    let t = 1;
    let isAccepted = false;
    for (let h = 0; h < MAX_HALVINGS; h++, t /= 2) {
      for (let q = 0; q < size; q++) trial[q] = theta[q]! + t * step[q]!;
      const trialLoss = evaluate(trial, true, isLastPass && t === 1);
      if (trialLoss <= loss + ARMIJO * t * slope) {
        isAccepted = true;
        loss = trialLoss;
        break;
      }
    }
    theta.set(trial);
    hasMeat = isAccepted && isLastPass && t === 1;
    previous = isAccepted && t === 1 ? maxStep : Infinity;
    if (!isAccepted) break; // no descent possible at double precision: not converged
  }
  if (withMeat && !hasMeat) {
    evaluate(theta, false, true);
    choleskyFactorInPlace(hess, size);
  }
  return { steps, converged, clusterScores };
}

/**
 * Bradley–Terry with style covariates, FastChat's `compute_style_control` model:
 *   P(A beats B) = σ(z),  z = α(r_a − r_b) + Σ_f β_f·x_f,  α = ln(base),
 * x_f the vote's style contrasts (see `StyledVoterVotes`) z-scored over the fitted votes, ties and both-bad votes
 * half a win for each side (y = 1, 0, ½). Minimises −Σ_votes [y log σ(z) + (1 − y) log σ(−z)] + (μ/2)(Σ r)²: plain
 * maximum likelihood, the penalty only fixing the common shift of the strengths at Σ r = 0 (μ ~ the data's
 * curvature, for conditioning). FastChat adds (reg/2)|θ|², reg = 0.5, on all parameters instead (see `ridge`).
 * Ratings = initRating + scale·r (mean initRating over the fitted models); coefficients β in natural-log-odds per
 * sd of their feature.
 *
 * Method: damped Newton with the full (k + 4)² Hessian (`newton`), each vote's design row touching only r_a, r_b
 * and the four β. Above SUBSAMPLE_FROM votes it starts from the fit of a systematic subsample (or from `start`).
 *
 * Intervals: the voter-clustered sandwich (CR1)
 *   V = G/(G − 1) · A⁻¹ (Σ_voters u_g u_gᵀ) A⁻¹,
 * u_g voter g's summed score over all k + 4 parameters, A the Hessian at the optimum (with the centring penalty:
 * every score sums to zero over the strengths, the direction the penalty adds, so A⁻¹ acts as the likelihood
 * Hessian's pseudo-inverse on them and V is the covariance of the centred strengths), G the voters with a fitted
 * vote — or, above MAX_CLUSTERS voters, the same over 512 hashed groups of voters. The features' means and sds
 * are treated as known (their sampling error is of smaller order). The sums are taken at the last pass, at most
 * one Newton step (< LOCAL_STEP) from the estimate: ~0.1% on the standard errors. 95% intervals: estimate ± t(G − 1)·se.
 *
 * Cost O(votes) to lay out the data, then one pass over the votes per Newton step (one exponential, ~40 flops a
 * vote) plus O((k + 4)³/3) for its Cholesky factor — 2–3 steps from the subsample's start, 4–6 from zeros — then
 * O((k + 4)²·clusters/2 + (k + 4)³) for V. Timing at 1M votes: scripts/simulate/style-control.ts.
 */
export function fitStyleControl(votes: StyledVoterVotes, options: StyleControlOptions = {}): StyleControlResult {
  checkInput(votes);
  const { base = 10, scale = 400, initRating = 1000, ridge = 0 } = options;
  if (!(ridge >= 0)) throw new RangeError(`ridge must be ≥ 0, got ${ridge}`);
  const design = buildDesign(votes, options.fit);
  const { k, n, fitted, active } = design;
  const alpha = Math.log(base);
  const size = k + FEATURES;
  const theta = new Float64Array(size);
  if (options.start) {
    for (let m = 0; m < k; m++) {
      const value = options.start[fitted[m]!]!;
      theta[m] = Number.isFinite(value) ? value : 0;
    }
  }
  const scratch = createScratch(k);
  const grad = new Float64Array(size);
  const hess = new Float64Array(size * size);
  const mu = k > 0 ? (alpha * alpha * n) / (k * k) : 0;
  let result: NewtonResult = { steps: 0, converged: true, clusterScores: null };
  if (n > 0) {
    if (n >= SUBSAMPLE_FROM) {
      const part = subsample(design, Math.floor(n / SUBSAMPLE_SIZE));
      const partMu = (alpha * alpha * part.n) / (k * k);
      newton(part, theta, { alpha, mu: partMu, ridge: Math.max(ridge, SUBSAMPLE_RIDGE) }, SUBSAMPLE_TOLERANCE, false, grad, hess, scratch);
    }
    result = newton(design, theta, { alpha, mu, ridge }, STEP_TOLERANCE, true, grad, hess, scratch);
  }
  // Σ r = 0 to the tolerance already; make it exact.
  let meanStrength = 0;
  for (let m = 0; m < k; m++) meanStrength += theta[m]! / k;
  for (let m = 0; m < k; m++) theta[m] = theta[m]! - meanStrength;

  // no intervals around a fit that did not converge: they would lend it a precision it does not have
  const covariance = result.converged && result.clusterScores && design.clusters >= 2 ? sandwich(hess, result.clusterScores, design, alpha) : null;
  const seOf = (q: number): number | null => (covariance ? Math.sqrt(Math.max(0, covariance[q * size + q]!)) : null);
  // t with G − 1 degrees of freedom for G clusters, as the plain fit's intervals
  const quantile = studentT975(design.clusters - 1);
  const ratings: (StyledRating | null)[] = new Array<StyledRating | null>(votes.nModels).fill(null);
  for (let m = 0; m < k; m++) {
    const rating = initRating + scale * theta[m]!;
    const se = seOf(m);
    ratings[fitted[m]!] = {
      rating,
      se: se === null ? null : scale * se,
      lower: se === null ? null : rating - quantile * scale * se,
      upper: se === null ? null : rating + quantile * scale * se,
    };
  }
  const coefficients = {} as Record<StyleFeature, StyleCoefficient | null>;
  const featureMean = {} as Record<StyleFeature, number>;
  const featureSd = {} as Record<StyleFeature, number>;
  STYLE_FEATURES.forEach((name, f) => {
    featureMean[name] = design.mean[f]!;
    featureSd[name] = design.sd[f]!;
    const estimate = theta[k + f]!;
    const se = seOf(k + f);
    coefficients[name] = active[f]
      ? { estimate, se, lower: se === null ? null : estimate - quantile * se, upper: se === null ? null : estimate + quantile * se }
      : null;
  });
  return {
    ratings,
    coefficients,
    featureMean,
    featureSd,
    fitted,
    covariance,
    votes: n,
    voters: design.voters,
    clusters: design.clusters,
    newtonSteps: result.steps,
    converged: result.converged,
  };
}

/**
 * V = C/(C − 1) · A⁻¹ M A⁻¹, M = Σ_clusters U_c U_cᵀ from the clusters' score sums (α applied to the strengths'
 * rows here), A⁻¹ from A's Cholesky factor (see `fitStyleControl`). Rows and columns of a constant feature are
 * zero (its unit diagonal in A is no information). Called with at least two clusters: Σ_c U_c = 0 at the optimum,
 * so one cluster's "variance" would be 0, a confident figure the data cannot back.
 * Cost O((k + 4)²·clusters/2 + (k + 4)³).
 */
function sandwich(factor: Float64Array, clusterScores: Float64Array, design: Design, alpha: number): Float64Array {
  const { k, active, clusters } = design;
  const size = k + FEATURES;
  const width = clusterScores.length / size;
  for (let e = 0; e < k * width; e++) clusterScores[e] = alpha * clusterScores[e]!;
  const meat = new Float64Array(size * size);
  for (let p = 0; p < size; p++) {
    for (let q = p; q < size; q++) {
      const value = dot(clusterScores, p * width, q * width, width);
      meat[p * size + q] = value;
      meat[q * size + p] = value;
    }
  }
  const inverse = new Float64Array(size * size);
  const column = new Float64Array(size);
  for (let c = 0; c < size; c++) {
    column.fill(0);
    column[c] = 1;
    choleskySolveFactored(factor, size, column);
    for (let r = 0; r < size; r++) inverse[r * size + c] = column[r]!;
  }
  for (let f = 0; f < FEATURES; f++) {
    if (active[f]) continue;
    for (let q = 0; q < size; q++) inverse[(k + f) * size + q] = inverse[q * size + k + f] = 0;
  }
  const covariance = multiply(multiply(inverse, meat, size), inverse, size);
  const correction = clusters / (clusters - 1);
  for (let e = 0; e < covariance.length; e++) covariance[e] = covariance[e]! * correction;
  return covariance;
}

/** X Y for row-major size² matrices. Cost O(size³). */
function multiply(x: Float64Array, y: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let t = 0; t < size; t++) {
      const value = x[r * size + t]!;
      if (value === 0) continue;
      for (let c = 0; c < size; c++) out[r * size + c] += value * y[t * size + c]!;
    }
  }
  return out;
}
