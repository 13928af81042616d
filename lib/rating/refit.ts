import { createSplitTest } from "./strong-components";
import type { PairGraph } from "./cells";
import { evaluate, fitPairs, RIDGE_PER_BATTLE } from "./fit";
import { solveAnderson } from "./anderson";
import { choleskyFactorInPlace, choleskySolveFactored, dot, transposeLower } from "./linear-algebra";
import { compactGradient, compactPairs, rowOrder, type CompactPairs } from "./refit-pairs";

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
