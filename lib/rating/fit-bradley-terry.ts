import { collectPairs, pairScores, type PairGraph } from "./cells";
import { createSplitTest } from "./strong-components";
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
 * Bradley–Terry maximum likelihood, FastChat's `compute_bt` objective:
 *   minimise  −Σ_cells w·[y·log σ(α(r_a−r_b)) + (1−y)·log σ(−α(r_a−r_b))] + (λ/2)·Σ r²,  α = ln(base),
 * y = 1 / 0 / 0.5 for A / B / TIE or BOTH_BAD. Returns r on FastChat's "natural scale" (rating = scale·r + init):
 * a difference of 1 is a factor of `base` in odds. Since every likelihood gradient sums to zero, the ridge term
 * makes Σ r = 0 at the optimum (FastChat gets the same from L-BFGS started at zeros).
 *
 * Method: damped Newton with the full Hessian (graph Laplacian weighted by α²·w·p(1−p), plus λI), solved by
 * Cholesky, Armijo backtracking; convex, so it converges from any start and is deterministic. Once steps are
 * below CHORD_STEP the last factorisation is kept (chord steps; the Hessian hardly changes there).
 * Cost: O(cells) to collapse the cells into pairs (`collectPairs`), then per Newton step O(pairs + n³/3), usually
 * 3–4 steps, then a few O(pairs + n²) chord steps.
 */
export function fitBradleyTerry(cells: readonly PairCell[], nModels: number, base = 10): Float64Array {
  const pairs = collectPairs(cells, nModels);
  const total = new Float64Array(pairs.i.length);
  const scoreI = new Float64Array(pairs.i.length);
  pairScores(pairs.winsI, pairs.winsJ, pairs.draws, total, scoreI);
  return fitPairs(pairs, total, scoreI, Math.log(base));
}

/**
 * The Newton solver on per-pair statistics (see `fitBradleyTerry`). `start` is an optional warm start (the
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
 * A refit stops once its estimated distance to the optimum is below this in every coordinate (natural units).
 * The estimate is good to a factor ~2 (measured), so refits land within 1e-6 of the optimum — `fitPairs`'s own
 * step tolerance, 0.0004 rating points at scale 400.
 */
const REFIT_TOLERANCE = 2e-7;
/** A data edge (score of one model against another) at least this large is never dropped by a resample, in practice. */
const ROBUST_SCORE = 30;
/** Iterations kept by the Anderson acceleration. */
const ANDERSON_MEMORY = 8;
/** Handing over to Newton when the first plain chord step shrinks the next by less than this factor… */
const MAX_CONTRACTION = 0.9;
/** …or after this many steps. */
const MAX_REFIT_STEPS = 40;
/** Strengths spanning more than this (in α·r) would underflow e^{α r}: such rounds go to Newton. */
const MAX_EXPONENT_SPAN = 600;

/**
 * Refits of one set of pairs under many reweightings (the rounds of a bootstrap), each converged to the optimum
 * `fitPairs` finds (within its tolerance, 1e-6), for a fraction of its cost. Built once from the data — `counts`,
 * three per pair p: battles i won (3p), j won (3p + 1), drawn (3p + 2) — and its optimum `start` (from `fitPairs`):
 * the Hessian H₀ there is factorised once (Cholesky, O(n³/3)), unless its factor is passed as `startFactor` (as
 * `fitPairs` leaves it in `last`).
 *
 * `refit(draws, out)` writes the optimum for the weights `draws` (same layout) into `out` and returns how many
 * chord steps it took, or −1 if it handed over to Newton. Method: the chord (simplified Newton) map
 *   G(r) = r − H₀⁻¹ ∇L(r),
 * whose fixed point is the optimum, iterated from `start` with Anderson acceleration (memory 8: each step
 * combines the last iterates to cancel the error they share; on a quadratic this is GMRES preconditioned by H₀).
 * H₀ includes the same ridge λI, so it is positive definite and the mean-zero direction is handled as in the fit.
 * A resample has about the data's Hessian, so plain chord steps already shrink the error by a factor
 * ρ ≈ ‖I − H₀⁻¹H‖ (0.05 on dense data, ~0.5 on sparse), and acceleration does better: 3 steps on dense data, ~10
 * on sparse. The first step's gradient is linear in the weights and costs no exponential (win probabilities at
 * `start` are precomputed); each later one costs O(pairs) with one e^{α r} per model (not per pair), and each
 * step O(n²) for the triangular solves.
 * Stopping: near the optimum f = G(r) − r ≈ −J e with J = H₀⁻¹H and e the error, and every pair of iterates
 * samples J's spectrum through |Δf|/|Δr|; with [μ₋, μ₊] the range seen (and ρ from the first step), the step
 * r + f leaves an error of about max(ρ, 1 − μ₋, μ₊ − 1)·|f|/μ₋, and the refit stops, after taking that step, once
 * that is below REFIT_TOLERANCE. Rounds go to `fitPairs` (Newton from `start`) instead when the resample splits
 * one of the data's strong components (`createSplitTest`: a model or group left with only wins or only losses
 * against the rest, held only by the ridge, where H₀ says nothing), when the first step shrinks the next by less
 * than MAX_CONTRACTION, when steps diverge or are not finite, or after MAX_REFIT_STEPS: every round is the optimum
 * to tolerance, whatever the data. Deterministic.
 */
export function createRefitter(
  graph: PairGraph,
  counts: Float64Array,
  alpha: number,
  start: ArrayLike<number>,
  startFactor?: Float64Array | null,
): (draws: Float64Array, out: Float64Array) => number {
  const n = graph.nModels;
  const nPairs = graph.i.length;
  // Resamples that split one of the data's strong components (see `createSplitTest`) have directions held only by
  // the ridge where the data had curvature: the chord's H₀ is no model of those, so they go to Newton.
  const splits = createSplitTest(graph, counts, ROBUST_SCORE);
  const r0 = Float64Array.from({ length: n }, (_, m) => start[m]!);
  const grad = new Float64Array(n);
  // the fit's statistics (pairScores), for H₀ here and for the rounds that go to Newton
  const total = new Float64Array(nPairs);
  const scoreI = new Float64Array(nPairs);
  const pairStatistics = (draws: Float64Array): void => {
    for (let p = 0; p < nPairs; p++) {
      total[p] = draws[3 * p]! + draws[3 * p + 1]! + draws[3 * p + 2]!;
      scoreI[p] = draws[3 * p]! + 0.5 * draws[3 * p + 2]!;
    }
  };
  let factor = startFactor;
  if (!factor) {
    pairStatistics(counts);
    let weight = 0;
    for (let p = 0; p < nPairs; p++) weight += total[p]!;
    factor = new Float64Array(n * n);
    evaluate(graph, total, total, alpha, RIDGE_PER_BATTLE * weight, r0, grad, factor, false);
    choleskyFactorInPlace(factor, n);
  }
  const newton = (draws: Float64Array, out: Float64Array): number => {
    pairStatistics(draws);
    out.set(fitPairs(graph, total, scoreI, alpha, r0));
    return -1;
  };
  const upper = transposeLower(factor, n);
  const { order, rowEnd: orderRowEnd } = rowOrder(graph);
  const sigma0 = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const p = order[k]!;
    const z = alpha * (r0[graph.i[p]!]! - r0[graph.j[p]!]!);
    const e = Math.exp(-Math.abs(z));
    sigma0[k] = z >= 0 ? 1 / (1 + e) : e / (1 + e);
  }
  const compact: CompactPairs = {
    rowEnd: new Int32Array(n),
    j: new Int32Array(order.length),
    total: new Float64Array(order.length),
    scoreI: new Float64Array(order.length),
  };

  const exps = new Float64Array(n);
  const x = new Float64Array(n);
  const f = new Float64Array(n); // G(x) − x
  const previousX = new Float64Array(n);
  const previousF = new Float64Array(n);
  const memory = ANDERSON_MEMORY;
  const deltaX = new Float64Array(memory * n); // ring buffers of x and f differences
  const deltaF = new Float64Array(memory * n);
  const gram = new Float64Array(memory * memory); // inner products of the stored ΔF
  const normal = new Float64Array(memory * memory);
  const rhs = new Float64Array(memory);
  const gamma = new Float64Array(memory);

  /** f ← −H₀⁻¹ ∇L(x) (∇L already in `grad` if `known`); returns max |f|, or NaN where Newton must take over. */
  const chordStep = (lambda: number, known: boolean): number => {
    if (!known && !compactGradient(compact, alpha, lambda, x, grad, exps)) return NaN;
    for (let m = 0; m < n; m++) f[m] = -grad[m]!;
    choleskySolveFactored(factor, n, f, upper);
    let size = 0;
    for (let m = 0; m < n; m++) size = Math.max(size, Math.abs(f[m]!));
    return size;
  };

  return (draws, out) => {
    const roundWeight = compactPairs(graph, order, orderRowEnd, sigma0, draws, compact, grad);
    if (n < 2 || roundWeight <= 0) {
      out.fill(0);
      return 0;
    }
    if (splits(draws)) return newton(draws, out);
    const lambda = RIDGE_PER_BATTLE * roundWeight;
    for (let m = 0; m < n; m++) grad[m] = lambda * r0[m]! + alpha * grad[m]!; // ∇L at the start
    x.set(r0);
    let stored = 0;
    let contraction = 0.5; // until measured
    let firstSize = NaN;
    let best = Infinity;
    let slowest = 1; // the range of |ΔF|/|ΔX| seen so far (see below)
    let fastest = 1;
    for (let iter = 1; iter <= MAX_REFIT_STEPS; iter++) {
      const size = chordStep(lambda, iter === 1);
      if (!(size < Infinity)) break;
      if (iter === 1) firstSize = size;
      if (iter === 2) {
        contraction = Math.max(size / firstSize, 0.01);
        if (contraction > MAX_CONTRACTION) break;
      }
      // Near the optimum f ≈ −J e, J = H₀⁻¹H, e the error; each stored difference has ΔF ≈ −J ΔX, so
      // |ΔF|/|ΔX| samples J's spectrum [μ₋, μ₊] (ρ is also 1 − μ for the first step). The error left after the
      // plain step x + f, (I − J)e, is then about max |1 − μ|·|f|/μ₋.
      const rate = Math.max(contraction, 1 - slowest, fastest - 1);
      if ((rate * size) / Math.min(slowest, 1 - contraction) <= REFIT_TOLERANCE) {
        for (let m = 0; m < n; m++) out[m] = x[m]! + f[m]!;
        return iter;
      }
      if (iter > 3 && size > 2 * best) break; // diverging
      best = Math.min(best, size);

      // Anderson: γ minimises |f − ΔF γ|; next x = x + f − (ΔX + ΔF) γ
      if (iter > 1) {
        const slot = (iter - 2) % memory;
        let sizeX = 0;
        let sizeF = 0;
        for (let m = 0; m < n; m++) {
          const dx = x[m]! - previousX[m]!;
          const df = f[m]! - previousF[m]!;
          deltaX[slot * n + m] = dx;
          deltaF[slot * n + m] = df;
          sizeX = Math.max(sizeX, Math.abs(dx));
          sizeF = Math.max(sizeF, Math.abs(df));
        }
        stored = Math.min(stored + 1, memory);
        for (let t = 0; t < stored; t++) {
          const value = dot(deltaF, slot * n, t * n, n);
          gram[slot * memory + t] = value;
          gram[t * memory + slot] = value;
        }
        if (sizeX > 0) {
          slowest = Math.min(slowest, sizeF / sizeX);
          fastest = Math.max(fastest, sizeF / sizeX);
        }
      }
      previousX.set(x);
      previousF.set(f);
      if (stored > 0 && solveAnderson(deltaF, gram, memory, f, n, stored, normal, rhs, gamma)) {
        for (let m = 0; m < n; m++) {
          let correction = 0;
          for (let s = 0; s < stored; s++) correction += gamma[s]! * (deltaX[s * n + m]! + deltaF[s * n + m]!);
          x[m] = x[m]! + f[m]! - correction;
        }
      } else {
        for (let m = 0; m < n; m++) x[m] = x[m]! + f[m]!;
      }
    }
    return newton(draws, out);
  };
}

/**
 * The least-squares coefficients of Anderson acceleration: γ = argmin |f − Σ_s γ_s ΔF_s| over the `stored`
 * differences, by the normal equations (tiny: stored ≤ ANDERSON_MEMORY) with a relative ridge of 1e-12 against
 * collinear differences, solved by Gaussian elimination. `gram` holds the differences' inner products (kept up to
 * date as they are stored, `memory` × `memory`); `normal` is scratch. Returns false if that fails (then a plain
 * step is taken).
 */
function solveAnderson(
  deltaF: Float64Array,
  gram: Float64Array,
  memory: number,
  f: Float64Array,
  n: number,
  stored: number,
  normal: Float64Array,
  rhs: Float64Array,
  gamma: Float64Array,
): boolean {
  let trace = 0;
  for (let s = 0; s < stored; s++) {
    for (let t = 0; t < stored; t++) normal[s * stored + t] = gram[s * memory + t]!;
    trace += normal[s * stored + s]!;
    rhs[s] = dot(deltaF, s * n, 0, n, f);
  }
  if (!(trace > 0)) return false;
  for (let s = 0; s < stored; s++) normal[s * stored + s] = normal[s * stored + s]! + 1e-12 * trace;
  // Gaussian elimination (the matrix is symmetric positive definite: no pivoting needed)
  for (let col = 0; col < stored; col++) {
    const pivot = normal[col * stored + col]!;
    if (!(pivot > 0)) return false;
    for (let row = col + 1; row < stored; row++) {
      const ratio = normal[row * stored + col]! / pivot;
      for (let k = col; k < stored; k++) normal[row * stored + k] = normal[row * stored + k]! - ratio * normal[col * stored + k]!;
      rhs[row] = rhs[row]! - ratio * rhs[col]!;
    }
  }
  for (let row = stored - 1; row >= 0; row--) {
    let value = rhs[row]!;
    for (let k = row + 1; k < stored; k++) value -= normal[row * stored + k]! * gamma[k]!;
    gamma[row] = value / normal[row * stored + row]!;
    if (!Number.isFinite(gamma[row]!)) return false;
  }
  return true;
}

/**
 * One round's pairs with a positive weight, grouped by their first model (compressed rows): pairs
 * rowEnd[a − 1]..rowEnd[a] − 1 have i = a, second model j[·], weight total[·] and i's score scoreI[·].
 */
interface CompactPairs {
  rowEnd: Int32Array;
  j: Int32Array;
  total: Float64Array;
  scoreI: Float64Array;
}

/**
 * Pair indices sorted by first model (a counting sort; the identity for `collectPairs` output), and where each
 * model's run ends in it (as `CompactPairs.rowEnd`).
 */
function rowOrder(graph: PairGraph): { order: Int32Array; rowEnd: Int32Array } {
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
function compactPairs(
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
function compactGradient(
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

/**
 * The penalised loss at r (NaN when `wantLoss` is false), and when `grad` / `hess` are given its gradient /
 * Hessian (overwritten). `lambda` ≥ 0 is the ridge weight; a negative value −λ is the centring penalty (`Penalty`).
 * Per pair with z = α(r_i − r_j), total w and i's score s: loss = w·log(1 + e^{−z}) + (w − s)·z
 * (= s·softplus(−z) + (w − s)·softplus(z)), gradient α(w·σ(z) − s) on i and its negative on j, curvature
 * α²·w·σ(z)σ(−z). Everything is computed from e^{−|z|}, so nothing overflows. Cost O(pairs + n²).
 */
function evaluate(
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

/**
 * Solves H x = rhs for symmetric positive definite H (row-major n×n, overwritten by its Cholesky factor in the
 * lower triangle); rhs is overwritten by x. Cost O(n³/3).
 */
function choleskySolveInPlace(hess: Float64Array, n: number, rhs: Float64Array): void {
  choleskyFactorInPlace(hess, n);
  choleskySolveFactored(hess, n, rhs);
}

/**
 * Cholesky factor of a symmetric positive definite H (row-major n×n), written over its lower triangle (the
 * upper triangle is left alone). H ≥ λI > 0 here, but a pivot lost to rounding is floored rather than allowed to
 * produce NaN. Cost O(n³/3).
 */
export function choleskyFactorInPlace(hess: Float64Array, n: number): void {
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
}

/**
 * Solves L Lᵀ x = rhs in place, L the lower triangle of `factor` from `choleskyFactorInPlace`. `transposed`, if
 * given, must hold Lᵀ in its upper triangle (see `transposeLower`): the back substitution then reads rows instead
 * of columns, which is faster. Cost O(n²).
 */
export function choleskySolveFactored(factor: Float64Array, n: number, rhs: Float64Array, transposed?: Float64Array): void {
  for (let row = 0; row < n; row++) {
    rhs[row] = (rhs[row]! - dot(factor, row * n, 0, row, rhs)) / factor[row * n + row]!;
  }
  if (transposed) {
    for (let row = n - 1; row >= 0; row--) {
      const start = row * n + row + 1;
      rhs[row] = (rhs[row]! - dot(transposed, start, row + 1, n - row - 1, rhs)) / transposed[row * n + row]!;
    }
    return;
  }
  for (let row = n - 1; row >= 0; row--) {
    let s = rhs[row]!;
    for (let k = row + 1; k < n; k++) s -= factor[k * n + row]! * rhs[k]!;
    rhs[row] = s / factor[row * n + row]!;
  }
}

/** Lᵀ of the lower triangle of `factor` (row-major n×n), as a new matrix. Cost O(n²). */
export function transposeLower(factor: Float64Array, n: number): Float64Array {
  const upper = new Float64Array(n * n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col <= row; col++) upper[col * n + row] = factor[row * n + col]!;
  }
  return upper;
}

/**
 * Σ_{k<length} x[a + k]·y[b + k] (y defaults to x), four accumulators for instruction-level parallelism (the
 * O(n³) inner loop).
 */
export function dot(x: Float64Array, a: number, b: number, length: number, y: Float64Array = x): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += x[a + k]! * y[b + k]!;
    s1 += x[a + k + 1]! * y[b + k + 1]!;
    s2 += x[a + k + 2]! * y[b + k + 2]!;
    s3 += x[a + k + 3]! * y[b + k + 3]!;
  }
  for (; k < length; k++) s0 += x[a + k]! * y[b + k]!;
  return s0 + s1 + (s2 + s3);
}
