import { fitIdentified, type IdentifiedFit } from "./identified-fit";
import { assignClusters, clusterScores, countNonEmpty, crossMeat, inverseInformation, sandwich } from "./sandwich";
import type { PairCell, VotesByVoter } from "./types";

import { Z95 } from "./student-t";
/** Benjamini–Hochberg level at which a difference is called significant. */
export const FALSE_DISCOVERY_RATE = 0.05;

/** One audience's votes, as `rateSlice` takes them. */
export interface SliceVotes {
  models: readonly string[];
  cells: readonly PairCell[];
  votes: VotesByVoter;
}

export interface ModelDifference {
  model: string;
  /** Ratings in each audience, centred over the models rated in both (mean `initRating`). */
  ratingA: number;
  ratingB: number;
  /** ratingB − ratingA (how much audience B rates it above A), with its 95% interval and voter-clustered standard error (rating points). */
  difference: number;
  lower: number;
  upper: number;
  se: number;
  /** Two-sided p-value of "no difference", and its Benjamini–Hochberg q-value across the models compared. */
  p: number;
  q: number;
  /** q < FALSE_DISCOVERY_RATE. */
  significant: boolean;
}

export interface SliceComparison {
  /** Models rated in both audiences, by |difference| descending. */
  models: ModelDifference[];
  /** Distinct voters in A, in B, and in both (a voter whose votes fall in both audiences). */
  voters: { a: number; b: number; shared: number };
}

/**
 * Tests, for each model rated in both audiences (and accepted by `include`), whether its rating differs between
 * them, controlling false discoveries across the models compared.
 * Each audience is fitted on its own (`fitIdentified`); the ratings are re-centred over the models rated in both,
 * d = L_B r_B − L_A r_A (L: pick the common models and subtract their mean). Its covariance is voter-clustered
 * over the two fits jointly: with u_g^A, u_g^B voter g's score vectors in each audience (zero where the voter has
 * no votes there) and A⁻¹, B⁻¹ the fits' inverse information,
 *   Cov(r_A, r_B) = G/(G−1) · A⁻¹ (Σ_g u_g^A u_g^Bᵀ) B⁻¹,
 * so votes and voters that two overlapping audiences share (an audience against everyone) are accounted for:
 * a shared vote adds the same score to both sides, and the difference's variance shrinks accordingly.
 * z = d / se, p = 2(1 − Φ(|z|)), q by Benjamini–Hochberg, interval d ± 1.96·se (per model, unadjusted).
 * Cost: two fits, one merged pass over both audiences' voters (O(votes + Σ_g touched_A·touched_B)), O(k³).
 */
export function compareSlices(
  a: SliceVotes,
  b: SliceVotes,
  options: { base?: number; scale?: number; initRating?: number; include?: (model: string) => boolean } = {},
): SliceComparison {
  const { base = 10, scale = 400, initRating = 1000, include = () => true } = options;
  const fitA = fitIdentified(a.models, a.cells, base);
  const fitB = fitIdentified(b.models, b.cells, base);
  const positionB = new Map(fitB.rated.map((m, k) => [fitB.models[m]!, k]));
  const common: { model: string; inA: number; inB: number }[] = [];
  fitA.rated.forEach((m, k) => {
    const inB = positionB.get(fitA.models[m]!);
    if (inB !== undefined && include(fitA.models[m]!)) common.push({ model: fitA.models[m]!, inA: k, inB });
  });
  const kA = fitA.rated.length;
  const kB = fitB.rated.length;
  // one cluster numbering for both audiences, so a voter in both adds to the same cluster on each side
  const { clusterOf, count } = assignClusters(a.votes.voterId, b.votes.voterId);
  const scoresA = clusterScores(fitA, a.votes, clusterOf[0]!, count);
  const scoresB = clusterScores(fitB, b.votes, clusterOf[1]!, count);
  const voters = { a: scoresA.voters, b: scoresB.voters, shared: sharedVoters(a.votes.voterId, b.votes.voterId) };
  const c = common.length;
  if (c < 2) return { models: [], voters };
  const withVotes = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    let any = 0;
    for (let m = 0; m < kA; m++) any += Math.abs(scoresA.sums[j * kA + m]!);
    for (let m = 0; m < kB; m++) any += Math.abs(scoresB.sums[j * kB + m]!);
    withVotes[j] = any;
  }
  const clusters = countNonEmpty(withVotes, 1, count);
  const correction = clusters > 1 ? clusters / (clusters - 1) : 1;
  const meatAA = crossMeat(scoresA.sums, kA, scoresA.sums, kA, count);
  const meatBB = crossMeat(scoresB.sums, kB, scoresB.sums, kB, count);
  const meatAB = crossMeat(scoresA.sums, kA, scoresB.sums, kB, count);
  const inverseA = inverseInformation(fitA);
  const inverseB = inverseInformation(fitB);
  const covAA = sandwich(inverseA, meatAA, inverseA, kA);
  const covBB = sandwich(inverseB, meatBB, inverseB, kB);
  const covAB = sandwich(inverseA, meatAB, inverseB, kA, kB);

  // Σ_d = L_A Σ_AA L_Aᵀ + L_B Σ_BB L_Bᵀ − L_A Σ_AB L_Bᵀ − (…)ᵀ; only its diagonal is needed
  const pick = (matrix: Float64Array, cols: number, row: (k: number) => number, col: (k: number) => number) => {
    const out = new Float64Array(c * c);
    for (let x = 0; x < c; x++) for (let y = 0; y < c; y++) out[x * c + y] = matrix[row(x) * cols + col(y)]!;
    return out;
  };
  const diagAA = centredDiagonal(
    pick(
      covAA,
      kA,
      (k) => common[k]!.inA,
      (k) => common[k]!.inA,
    ),
    c,
  );
  const diagBB = centredDiagonal(
    pick(
      covBB,
      kB,
      (k) => common[k]!.inB,
      (k) => common[k]!.inB,
    ),
    c,
  );
  const diagAB = centredDiagonal(
    pick(
      covAB,
      kB,
      (k) => common[k]!.inA,
      (k) => common[k]!.inB,
    ),
    c,
  );
  const centredA = centredStrengths(
    fitA,
    common.map((m) => m.inA),
  );
  const centredB = centredStrengths(
    fitB,
    common.map((m) => m.inB),
  );

  const rows = common.map(({ model }, k) => {
    const variance = correction * (diagAA[k]! + diagBB[k]! - 2 * diagAB[k]!);
    const se = scale * Math.sqrt(Math.max(0, variance));
    const difference = scale * (centredB[k]! - centredA[k]!);
    const z = se > 0 ? difference / se : difference === 0 ? 0 : Infinity;
    return {
      model,
      ratingA: initRating + scale * centredA[k]!,
      ratingB: initRating + scale * centredB[k]!,
      difference,
      lower: difference - Z95 * se,
      upper: difference + Z95 * se,
      se,
      p: 2 * normalUpperTail(Math.abs(z)),
      q: 1,
      significant: false,
    };
  });
  const q = benjaminiHochberg(rows.map((r) => r.p));
  rows.forEach((r, k) => {
    r.q = q[k]!;
    r.significant = r.q < FALSE_DISCOVERY_RATE;
  });
  rows.sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || (x.model < y.model ? -1 : 1));
  return { models: rows, voters };
}

/** Voters present in both ascending id lists. Cost O(voters). */
function sharedVoters(x: Int32Array, y: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return shared;
}

/** diag((I − J/c) X (I − J/c)) for a c×c matrix X (not necessarily symmetric). Cost O(c²). */
function centredDiagonal(x: Float64Array, c: number): Float64Array {
  const rowMean = new Float64Array(c);
  const colMean = new Float64Array(c);
  let mean = 0;
  for (let r = 0; r < c; r++) {
    for (let col = 0; col < c; col++) {
      const v = x[r * c + col]!;
      rowMean[r] += v / c;
      colMean[col] += v / c;
      mean += v / (c * c);
    }
  }
  return Float64Array.from({ length: c }, (_, m) => x[m * c + m]! - rowMean[m]! - colMean[m]! + mean);
}

/** The fit's strengths at the given rated positions, minus their mean. */
function centredStrengths(fit: IdentifiedFit, positions: number[]): Float64Array {
  const out = Float64Array.from(positions, (k) => fit.strengths[k]!);
  const mean = out.reduce((s, v) => s + v, 0) / (out.length || 1);
  return out.map((v) => v - mean);
}

/**
 * Benjamini–Hochberg q-values: q_(i) = min_{j ≥ i} p_(j)·m/j over the p-values sorted ascending, capped at 1;
 * calling q < α significant controls the false discovery rate at α for independent or positively dependent
 * tests. Returned in the order of `p`. Cost O(m log m).
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((_, k) => k).sort((x, y) => p[x]! - p[y]!);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const k = order[rank - 1]!;
    running = Math.min(running, (p[k]! * m) / rank);
    q[k] = running;
  }
  return q;
}

/**
 * P(Z > z) for a standard normal Z, as erfc(z/√2)/2 with Numerical Recipes' `erfcc` (a Chebyshev fit, fractional
 * error below 1.2e-7 everywhere): ample for p-values. Cost O(1).
 */
export function normalUpperTail(z: number): number {
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? erfc / 2 : 1 - erfc / 2;
}
