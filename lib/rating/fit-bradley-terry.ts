import { assertValidCells, buildPairDesign, pairTotals, toFitCategories, type PairDesign } from "./cells";
import type { PairCell } from "./types";

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
 * A Newton step no larger than this (in log-base units, 400 points each) is taken and ends the fit: convergence
 * is quadratic there, so what is left is of the order of its square (measured: < 1e-9 rating points).
 */
const STEP_TOLERANCE = 1e-6;
/** Safety cap; measured 3–6 steps on the fixtures, up to ~20 on sparse slices or with never-lost models. */
const MAX_NEWTON_STEPS = 200;
/** Steps smaller than this (0.4 rating points) are taken whole: see the solver. */
const LOCAL_STEP = 1e-3;
const ARMIJO = 1e-4;
const MAX_HALVINGS = 60;

/**
 * Bradley–Terry maximum likelihood, FastChat's `compute_bt` objective:
 *   minimise  −Σ_cells w·[y·log σ(α(r_a−r_b)) + (1−y)·log σ(−α(r_a−r_b))] + (λ/2)·Σ r²,  α = ln(base),
 * y = 1 / 0 / 0.5 for A / B / TIE or BOTH_BAD. Returns r on FastChat's "natural scale" (rating = scale·r + init):
 * a difference of 1 is a factor of `base` in odds. Since every likelihood gradient sums to zero, the ridge term
 * makes Σ r = 0 at the optimum (FastChat gets the same from L-BFGS started at zeros).
 *
 * Method: damped Newton with the full Hessian (graph Laplacian weighted by α²·w·p(1−p), plus λI), solved by
 * Cholesky, Armijo backtracking; convex, so it converges from any start and is deterministic.
 * Cost: O(cells) to collapse the cells into pairs, then per Newton step O(pairs + n³/3), usually 3–6 steps.
 */
export function fitBradleyTerry(cells: readonly PairCell[], nModels: number, base = 10): Float64Array {
  assertValidCells(cells, nModels);
  const categories = toFitCategories(cells, nModels);
  const design = buildPairDesign(categories, nModels);
  const total = new Float64Array(design.i.length);
  const scoreI = new Float64Array(design.i.length);
  pairTotals(design, categories.count, total, scoreI);
  return fitPairs(design, total, scoreI, Math.log(base));
}

/**
 * The Newton solver on per-pair statistics (see `fitBradleyTerry`). `start` is an optional warm start (the
 * bootstrap starts from the full fit); the answer does not depend on it beyond the step tolerance.
 * Cost per step O(pairs + n³/3).
 */
export function fitPairs(
  design: PairDesign,
  total: Float64Array,
  scoreI: Float64Array,
  alpha: number,
  start?: ArrayLike<number>,
): Float64Array {
  const n = design.nModels;
  const r = new Float64Array(n);
  let weight = 0;
  for (let p = 0; p < total.length; p++) weight += total[p]!;
  if (n < 2 || weight <= 0) return r;
  if (start) for (let m = 0; m < n; m++) r[m] = start[m]!;

  const lambda = RIDGE_PER_BATTLE * weight;
  const grad = new Float64Array(n);
  const hess = new Float64Array(n * n);
  const step = new Float64Array(n);
  const trial = new Float64Array(n);
  let loss = evaluate(design, total, scoreI, alpha, lambda, r, grad, hess);
  for (let iter = 1; ; iter++) {
    for (let m = 0; m < n; m++) step[m] = -grad[m]!;
    choleskySolveInPlace(hess, n, step);
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
    // The loss is only needed if a line search follows; near the optimum none does, so skip its logarithms.
    loss = evaluate(design, total, scoreI, alpha, lambda, r, grad, hess, maxStep >= LOCAL_STEP);
  }
  return r;
}

/**
 * The penalised loss at r (NaN when `wantLoss` is false), and when `grad`/`hess` are given its gradient and
 * Hessian (overwritten).
 * Per pair with z = α(r_i − r_j), total w and i's score s: loss = w·log(1 + e^{−z}) + (w − s)·z
 * (= s·softplus(−z) + (w − s)·softplus(z)), gradient α(w·σ(z) − s) on i and its negative on j, curvature
 * α²·w·σ(z)σ(−z). Everything is computed from e^{−|z|}, so nothing overflows. Cost O(pairs + n²).
 */
function evaluate(
  design: PairDesign,
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
  for (let m = 0; m < n; m++) loss += 0.5 * lambda * r[m]! * r[m]!;
  if (grad && hess) {
    hess.fill(0);
    for (let m = 0; m < n; m++) {
      grad[m] = lambda * r[m]!;
      hess[m * n + m] = lambda;
    }
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
    if (!grad || !hess) continue;
    const prob = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    const g = alpha * (w * prob - s);
    grad[a] = grad[a]! + g;
    grad[b] = grad[b]! - g;
    const h = (alpha2 * w * e) / ((1 + e) * (1 + e));
    hess[a * n + a] = hess[a * n + a]! + h;
    hess[b * n + b] = hess[b * n + b]! + h;
    hess[a * n + b] = hess[a * n + b]! - h;
    hess[b * n + a] = hess[b * n + a]! - h;
  }
  return loss;
}

/**
 * Solves H x = rhs for symmetric positive definite H (row-major n×n, overwritten by its Cholesky factor in the
 * lower triangle); rhs is overwritten by x. H ≥ λI > 0 here, but a pivot lost to rounding is floored rather than
 * allowed to produce NaN. Cost O(n³/3).
 */
function choleskySolveInPlace(hess: Float64Array, n: number, rhs: Float64Array): void {
  let maxDiagonal = 0;
  for (let m = 0; m < n; m++) maxDiagonal = Math.max(maxDiagonal, hess[m * n + m]!);
  const pivotFloor = maxDiagonal * 1e-15 || 1e-300;
  for (let col = 0; col < n; col++) {
    const colStart = col * n;
    const pivot = Math.sqrt(Math.max(hess[colStart + col]! - dot(hess, colStart, colStart, col), pivotFloor));
    hess[colStart + col] = pivot;
    for (let row = col + 1; row < n; row++) {
      const rowStart = row * n;
      hess[rowStart + col] = (hess[rowStart + col]! - dot(hess, rowStart, colStart, col)) / pivot;
    }
  }
  for (let row = 0; row < n; row++) {
    let s = rhs[row]!;
    for (let k = 0; k < row; k++) s -= hess[row * n + k]! * rhs[k]!;
    rhs[row] = s / hess[row * n + row]!;
  }
  for (let row = n - 1; row >= 0; row--) {
    let s = rhs[row]!;
    for (let k = row + 1; k < n; k++) s -= hess[k * n + row]! * rhs[k]!;
    rhs[row] = s / hess[row * n + row]!;
  }
}

/** Σ_{k<length} x[a + k]·x[b + k], four accumulators for instruction-level parallelism (the O(n³) inner loop). */
function dot(x: Float64Array, a: number, b: number, length: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += x[a + k]! * x[b + k]!;
    s1 += x[a + k + 1]! * x[b + k + 1]!;
    s2 += x[a + k + 2]! * x[b + k + 2]!;
    s3 += x[a + k + 3]! * x[b + k + 3]!;
  }
  for (; k < length; k++) s0 += x[a + k]! * x[b + k]!;
  return s0 + s1 + (s2 + s3);
}
