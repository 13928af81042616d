import { choleskyFactorInPlace, choleskySolveFactored } from "./linear-algebra";
import { FEATURES } from "./style-covariates";
import { type Design } from "./style-design";
import { assemble, dataPass, type PassScratch } from "./style-likelihood";

/** Style control's Newton solver (damped, Cholesky), shared by the subsample's start and the full fit. */

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

export interface NewtonResult {
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
export function newton(
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
  const isFinal = (s: number, before: number): boolean =>
    s < tolerance || (s < LOCAL_STEP && s < before / 2 && (s * s * s) / (before * before) < tolerance);
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
