import { assertValidCells, buildPairDesign, pairTotals, toFitCategories, type PairDesign } from "./cells";
import type { PairCell } from "./types";

/**
 * Ridge weight per battle. The penalty (λ/2)·Σ r², λ = RIDGE_PER_BATTLE · (total battles), keeps the optimum
 * finite when the plain maximum likelihood is not (a model that never lost or never won sits at infinity) and
 * unique when it is not (disconnected groups of models: each group is then centred on 0). Scaled by the battle
 * count so it weighs the same against the data at any sample size; at 1e-7 it moves fitted ratings by well under
 * 0.01 point on the FastChat fixtures, while a model that never lost still lands at a finite rating (roughly
 * scale · log10(1/RIDGE_PER_BATTLE) points above its opponents, not infinitely far).
 */
export const RIDGE_PER_BATTLE = 1e-6;

/** Newton stops when no strength moves by more than this (in log-base units: 400 points per unit). */
const STEP_TOLERANCE = 1e-10;
/** Safety cap; well-conditioned data converges in 4–8 steps, a never-lost model in a few dozen. */
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
 * Cost: O(cells) to collapse the cells into pairs, then per Newton step O(pairs + n³/3), usually 4–8 steps.
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
  let loss = objective(design, total, scoreI, alpha, lambda, r);
  for (let iter = 0; iter < MAX_NEWTON_STEPS; iter++) {
    gradientAndHessian(design, total, scoreI, alpha, lambda, r, grad, hess);
    for (let m = 0; m < n; m++) step[m] = -grad[m]!;
    choleskySolveInPlace(hess, n, step);

    let slope = 0; // g·d < 0 for a descent direction
    let maxStep = 0;
    for (let m = 0; m < n; m++) {
      slope += grad[m]! * step[m]!;
      maxStep = Math.max(maxStep, Math.abs(step[m]!));
    }
    if (!(slope < 0) || maxStep < STEP_TOLERANCE) {
      if (slope < 0) for (let m = 0; m < n; m++) r[m] = r[m]! + step[m]!;
      break;
    }

    if (maxStep < LOCAL_STEP) {
      // Close to the optimum the quadratic model is exact to rounding, and loss differences drown in the
      // rounding of a loss summed over thousands of battles: take the full step, no line search.
      for (let m = 0; m < n; m++) r[m] = r[m]! + step[m]!;
      loss = NaN; // recomputed only if a line search follows
      continue;
    }
    if (Number.isNaN(loss)) loss = objective(design, total, scoreI, alpha, lambda, r);
    let t = 1;
    let trialLoss = Infinity;
    for (let h = 0; h < MAX_HALVINGS; h++, t /= 2) {
      for (let m = 0; m < n; m++) trial[m] = r[m]! + t * step[m]!;
      trialLoss = objective(design, total, scoreI, alpha, lambda, trial);
      if (trialLoss <= loss + ARMIJO * t * slope) break;
    }
    if (!(trialLoss <= loss)) break; // no progress possible at double precision
    r.set(trial);
    loss = trialLoss;
  }
  return r;
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function objective(
  design: PairDesign,
  total: Float64Array,
  scoreI: Float64Array,
  alpha: number,
  lambda: number,
  r: Float64Array,
): number {
  const { i, j } = design;
  let loss = 0;
  for (let p = 0; p < total.length; p++) {
    const w = total[p]!;
    if (w === 0) continue;
    const z = alpha * (r[i[p]!]! - r[j[p]!]!);
    const s = scoreI[p]!;
    // −[s·log σ(z) + (w−s)·log σ(−z)]
    loss += s * softplus(-z) + (w - s) * softplus(z);
  }
  let norm = 0;
  for (let m = 0; m < r.length; m++) norm += r[m]! * r[m]!;
  return loss + 0.5 * lambda * norm;
}

function gradientAndHessian(
  design: PairDesign,
  total: Float64Array,
  scoreI: Float64Array,
  alpha: number,
  lambda: number,
  r: Float64Array,
  grad: Float64Array,
  hess: Float64Array,
): void {
  const n = r.length;
  const { i, j } = design;
  hess.fill(0);
  for (let m = 0; m < n; m++) {
    grad[m] = lambda * r[m]!;
    hess[m * n + m] = lambda;
  }
  const alpha2 = alpha * alpha;
  for (let p = 0; p < total.length; p++) {
    const w = total[p]!;
    if (w === 0) continue;
    const a = i[p]!;
    const b = j[p]!;
    const z = alpha * (r[a]! - r[b]!);
    // σ(z) and σ(z)·σ(−z) computed from e^{−|z|} so neither overflows
    const e = Math.exp(-Math.abs(z));
    const prob = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    const curvature = e / ((1 + e) * (1 + e));
    const g = alpha * (w * prob - scoreI[p]!);
    grad[a] = grad[a]! + g;
    grad[b] = grad[b]! - g;
    const h = alpha2 * w * curvature;
    hess[a * n + a] = hess[a * n + a]! + h;
    hess[b * n + b] = hess[b * n + b]! + h;
    hess[a * n + b] = hess[a * n + b]! - h;
    hess[b * n + a] = hess[b * n + a]! - h;
  }
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
    const rowCol = col * n;
    let d = hess[rowCol + col]!;
    for (let k = 0; k < col; k++) d -= hess[rowCol + k]! * hess[rowCol + k]!;
    const pivot = Math.sqrt(Math.max(d, pivotFloor));
    hess[rowCol + col] = pivot;
    for (let row = col + 1; row < n; row++) {
      const rowRow = row * n;
      let s = hess[rowRow + col]!;
      for (let k = 0; k < col; k++) s -= hess[rowRow + k]! * hess[rowCol + k]!;
      hess[rowRow + col] = s / pivot;
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
