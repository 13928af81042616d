import type { PairGraph } from "./cells";
import { choleskySolveFactored, choleskySolveInPlace } from "./linear-algebra";

/*
 * Bradley–Terry maximum likelihood, FastChat's `compute_bt` objective:
 *   minimise  −Σ_cells w·[y·log σ(α(r_a−r_b)) + (1−y)·log σ(−α(r_a−r_b))] + (λ/2)·Σ r²,  α = ln(base),
 * y = 1 / 0 / 0.5 for A / B / TIE or BOTH_BAD, on per-pair statistics (`collectPairs` + `pairScores` in ./cells).
 * r is on FastChat's "natural scale" (rating = scale·r + init): a difference of 1 is a factor of `base` in odds.
 * Since every likelihood gradient sums to zero, the ridge term makes Σ r = 0 at the optimum.
 *
 * Method: damped Newton with the full Hessian (graph Laplacian weighted by α²·w·p(1−p), plus λI), solved by
 * Cholesky (./linear-algebra), Armijo backtracking; convex, so it converges from any start and is deterministic.
 * Once steps are below CHORD_STEP the last factorisation is kept (chord steps; the Hessian hardly changes there).
 * Cost per Newton step O(pairs + n³/3), usually 3–4 steps, then a few O(pairs + n²) chord steps. Refits of many
 * reweightings (bootstrap rounds) are in ./refit.
 */

/**
 * Ridge weight per battle. The penalty (λ/2)·Σ r², λ = RIDGE_PER_BATTLE · (total battles), keeps the optimum
 * finite when the plain maximum likelihood is not (a model that never lost or never won sits at infinity) and
 * unique when it is not (disconnected groups of models: each group is then centred on 0 on its own). Scaling it
 * by the battle count makes it weigh the same against the data at any sample size (and makes the fit
 * independent of whether weights are counts or fractions, as FastChat's bootstrap uses). At 1e-6 it moves
 * ratings by < 0.005 points on the FastChat fixtures, while a model that never lost lands at a finite rating
 * some 1,000–2,000 points above the rest instead of running off to infinity (a Gaussian prior with sd ≈
 * 1/√λ in log10-odds units: vague, but not flat). FastChat instead stops L-BFGS after 100 iterations there.
 */
export const RIDGE_PER_BATTLE = 1e-6;

/**
 * A step no larger than this (in log-base units, 400 points each) is taken and ends the fit: convergence is
 * quadratic, or for chord steps linear with a factor ~ the distance moved since the Hessian was factorised
 * (< CHORD_STEP), so what is left is far smaller (measured: < 1e-5 rating points).
 */
const STEP_TOLERANCE = 1e-6;
/** Safety cap; measured 3–6 steps on the fixtures, up to ~20 on sparse slices or with never-lost models. */
const MAX_NEWTON_STEPS = 200;
/** After a step smaller than this (4 rating points) the solver keeps its Hessian factorisation: see the solver. */
const CHORD_STEP = 1e-2;
/** Steps smaller than this (0.4 rating points) are taken whole: see the solver. */
const LOCAL_STEP = 1e-3;
const ARMIJO = 1e-4;
const MAX_HALVINGS = 60;

/**
 * The Newton solver on per-pair statistics (see the method above). `start` is an optional warm start (the
 * bootstrap starts from the full fit); the answer does not depend on it beyond the step tolerance. If `last` is
 * given, last.factor receives the Cholesky factor (lower triangle) of the last Hessian factorised — less than
 * CHORD_STEP from the optimum — or null if none was (fewer than two models or no weight), for `createRefitter`.
 * Cost per Newton step O(pairs + n³/3), per chord step O(pairs + n²).
 */
/**
 * What holds the fit's optimum in place: "ridge" is (λ/2)·Σ r², λ = RIDGE_PER_BATTLE · battles, finite and unique on
 * any data (FastChat parity and bootstrap rounds); "centre" penalises only the mean, (λ/2n)·(Σ r)², which leaves the
 * likelihood's optimum exactly where it is and only picks Σ r = 0 among its shifts: the exact maximum likelihood,
 * for models whose comparison digraph is strongly connected (`identifyModels`), where it exists.
 */
export type Penalty = "ridge" | "centre";

export function fitPairs(
  design: PairGraph,
  total: Float64Array,
  scoreI: Float64Array,
  alpha: number,
  start?: ArrayLike<number>,
  last?: { factor: Float64Array | null },
  penalty: Penalty = "ridge",
): Float64Array {
  const n = design.nModels;
  const r = new Float64Array(n);
  if (last) last.factor = null;
  let weight = 0;
  for (let p = 0; p < total.length; p++) weight += total[p]!;
  if (n < 2 || weight <= 0) return r;
  if (start) for (let m = 0; m < n; m++) r[m] = start[m]!;

  // "centre": (λ/2n)(Σr)², λ about a diagonal entry of the data's Hessian, so the Hessian is well conditioned
  const lambda = penalty === "ridge" ? RIDGE_PER_BATTLE * weight : -((alpha * alpha * weight) / n);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n * n);
  const step = new Float64Array(n);
  const trial = new Float64Array(n);
  let loss = evaluate(design, total, scoreI, alpha, lambda, r, grad, hess);
  let chord = false; // reusing the last factorisation (see below)
  let previousStep = Infinity;
  for (let iter = 1; ; iter++) {
    for (let m = 0; m < n; m++) step[m] = -grad[m]!;
    if (chord) choleskySolveFactored(hess, n, step);
    else choleskySolveInPlace(hess, n, step);
    let slope = 0; // g·d, < 0 for a descent direction
    let maxStep = 0;
    for (let m = 0; m < n; m++) {
      slope += grad[m]! * step[m]!;
      maxStep = Math.max(maxStep, Math.abs(step[m]!));
    }
    if (!(slope < 0)) break; // already optimal to rounding

    if (maxStep < LOCAL_STEP) {
      // Close to the optimum the quadratic model is exact to rounding, while differences of a loss summed over
      // thousands of battles drown in its rounding: take the full step without a line search.
      for (let m = 0; m < n; m++) r[m] = r[m]! + step[m]!;
    } else {
      if (Number.isNaN(loss)) loss = evaluate(design, total, scoreI, alpha, lambda, r);
      let t = 1;
      let trialLoss = Infinity;
      for (let h = 0; h < MAX_HALVINGS; h++, t /= 2) {
        for (let m = 0; m < n; m++) trial[m] = r[m]! + t * step[m]!;
        trialLoss = evaluate(design, total, scoreI, alpha, lambda, trial);
        if (trialLoss <= loss + ARMIJO * t * slope) break;
      }
      if (!(trialLoss <= loss)) break; // no progress possible at double precision
      r.set(trial);
    }
    if (maxStep < STEP_TOLERANCE || iter >= MAX_NEWTON_STEPS) break;
    // Within CHORD_STEP of the optimum the Hessian barely changes: keep its factorisation (chord steps, each
    // shrinking the error by a factor ~ the distance moved since), unless steps stop shrinking fast.
    chord = maxStep < CHORD_STEP && !(chord && maxStep > 0.25 * previousStep);
    previousStep = maxStep;
    // The loss is only needed if a line search follows; near the optimum none does, so skip its logarithms.
    loss = evaluate(design, total, scoreI, alpha, lambda, r, grad, chord ? undefined : hess, maxStep >= LOCAL_STEP);
  }
  if (last) last.factor = hess;
  return r;
}

/**
 * The penalised loss at r (NaN when `wantLoss` is false), and when `grad` / `hess` are given its gradient /
 * Hessian (overwritten). `lambda` ≥ 0 is the ridge weight; a negative value −λ is the centring penalty (`Penalty`).
 * Per pair with z = α(r_i − r_j), total w and i's score s: loss = w·log(1 + e^{−z}) + (w − s)·z
 * (= s·softplus(−z) + (w − s)·softplus(z)), gradient α(w·σ(z) − s) on i and its negative on j, curvature
 * α²·w·σ(z)σ(−z). Everything is computed from e^{−|z|}, so nothing overflows. Cost O(pairs + n²).
 */
export function evaluate(
  design: PairGraph,
  total: Float64Array,
  scoreI: Float64Array,
  alpha: number,
  lambda: number,
  r: Float64Array,
  grad?: Float64Array,
  hess?: Float64Array,
  wantLoss = true,
): number {
  const n = r.length;
  const { i, j } = design;
  let loss = wantLoss ? 0 : NaN;
  if (lambda >= 0) {
    for (let m = 0; m < n; m++) loss += 0.5 * lambda * r[m]! * r[m]!;
    if (grad) for (let m = 0; m < n; m++) grad[m] = lambda * r[m]!;
    if (hess) {
      hess.fill(0);
      for (let m = 0; m < n; m++) hess[m * n + m] = lambda;
    }
  } else {
    // the centring penalty (see `Penalty`), passed as −λ
    const mu = -lambda / n;
    let sum = 0;
    for (let m = 0; m < n; m++) sum += r[m]!;
    loss += 0.5 * mu * sum * sum;
    if (grad) grad.fill(mu * sum);
    if (hess) hess.fill(mu);
  }
  const alpha2 = alpha * alpha;
  for (let p = 0; p < total.length; p++) {
    const w = total[p]!;
    if (w === 0) continue;
    const a = i[p]!;
    const b = j[p]!;
    const z = alpha * (r[a]! - r[b]!);
    const s = scoreI[p]!;
    const e = Math.exp(-Math.abs(z));
    if (wantLoss) loss += w * (Math.max(-z, 0) + Math.log1p(e)) + (w - s) * z;
    if (grad) {
      const prob = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      const g = alpha * (w * prob - s);
      grad[a] = grad[a]! + g;
      grad[b] = grad[b]! - g;
    }
    if (!hess) continue;
    const h = (alpha2 * w * e) / ((1 + e) * (1 + e));
    hess[a * n + a] = hess[a * n + a]! + h;
    hess[b * n + b] = hess[b * n + b]! + h;
    hess[a * n + b] = hess[a * n + b]! - h;
    hess[b * n + a] = hess[b * n + a]! - h;
  }
  return loss;
}
