import { choleskySolveFactored, dot } from "./linear-algebra";
import { studentT975 } from "./student-t";
import { FEATURES, STYLE_FEATURES, type StyleFeature, type StyledVoterVotes } from "./style-covariates";
import { buildDesign, checkInput, subsample, type Design } from "./style-design";
import { createScratch } from "./style-likelihood";
import { newton, type NewtonResult } from "./style-newton";

export { STYLE_FEATURES, styleContrast, type StyleFeature, type StyledVoterVotes } from "./style-covariates";

/**
 * Style control: Bradley–Terry with FastChat's style covariates (`compute_style_control` in
 * fastchat/serve/monitor/rating_systems.py), fitted by exact maximum likelihood, with a voter-clustered sandwich
 * covariance for the intervals.
 */

/** The four style covariates, in FastChat's order (STYLE_CONTROL_ELEMENTS_V1). */
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
  const covariance =
    result.converged && result.clusterScores && design.clusters >= 2 ? sandwich(hess, result.clusterScores, design, alpha) : null;
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
