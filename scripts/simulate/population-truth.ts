import type { TasteModel } from "./arena-data";

/**
 * The truth a rating interval must cover when voters have tastes of their own.
 *
 * The estimator is the maximum-likelihood Bradley–Terry fit (draws half a win) of all the votes of a slice. As the
 * number of voters grows — same pair design, same distribution of tastes — the mean log-likelihood per vote tends,
 * by the law of large numbers over independent voters, to
 *   ℓ(r) = Σ_{a≠b} π_ab [ s_ab log σ(α(r_a − r_b)) + (1 − s_ab) log σ(α(r_b − r_a)) ],
 * with π_ab the probability that a vote is a (left) against b (right) and s_ab the population expected score of a
 * in such a vote (win 1, draw ½). (With votes per voter varying, the limit is the same as long as how many votes
 * someone casts is independent of their tastes: each vote still has this law.) The fit's limit is the maximiser of
 * ℓ: the *population ratings*, centred over the models the estimator centres over. They are what the interval
 * is about, and they are not the base ratings: a voter with taste offsets t sees σ(α(d + t_a − t_b)), and
 * averaging a sigmoid over a symmetric spread pulls it towards ½, so differences shrink (how much depends on the
 * pair, so it is not one common factor either).
 *
 * s_ab is computed exactly (to quadrature accuracy): the votes' draws only move probability between A and B
 * symmetrically around the expected score (see `VoteBuffer.append`), so s_ab = E σ(α(d_ab + δ)) with
 * δ = t_a − t_b. A voter has a taste on a given model with probability K/n (K of n models, without replacement),
 * on both a and b with probability K(K − 1)/(n(n − 1)); the offsets are N(0, τ²). So δ is 0, N(0, τ²) or
 * N(0, 2τ²) with those probabilities, and each Gaussian expectation is a Gauss–Hermite sum (128 nodes; against a
 * fine trapezoid rule the error is below 1e-8, under 0.001 rating points). Then ℓ is maximised by exact Newton
 * (dense, one model held at 0, backtracking on ℓ) to 1e-13, independently of the library's solver, so a bug there
 * cannot hide in the truth.
 * For a group of models smaller than the board (models the estimator could not rate), the fit is over the pairs
 * within the group, as the estimator's is.
 */

const ALPHA = Math.LN10;
const POINTS = 400;
const NODES = 128;

/** Nodes x and weights w of Gauss–Hermite quadrature: ∫ e^{−x²} f(x) dx ≈ Σ w_k f(x_k) (Numerical Recipes' gauher). */
export function gaussHermite(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const PIM4 = 0.7511255444649425; // π^(−1/4)
  let z = 0;
  for (let i = 1; i <= (n + 1) >> 1; i++) {
    if (i === 1) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** -0.16667;
    else if (i === 2) z -= (1.14 * n ** 0.426) / z;
    else if (i === 3) z = 1.86 * z - 0.86 * x[0]!;
    else if (i === 4) z = 1.91 * z - 0.91 * x[1]!;
    else z = 2 * z - x[i - 3]!;
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = PIM4;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 3e-14) break;
    }
    x[i - 1] = z;
    x[n - i] = -z;
    w[i - 1] = 2 / (pp * pp);
    w[n - i] = w[i - 1]!;
  }
  return { x, w };
}

const RULE = gaussHermite(NODES);

/** E σ(α(d + δ)/400) for δ ~ N(0, sd²), d and sd in points. */
export function expectedSigmoid(d: number, sd: number): number {
  if (sd === 0) return 1 / (1 + Math.exp((-ALPHA * d) / POINTS));
  let sum = 0;
  for (let k = 0; k < NODES; k++) sum += RULE.w[k]! / (1 + Math.exp((-ALPHA * (d + Math.SQRT2 * sd * RULE.x[k]!)) / POINTS));
  return sum / Math.sqrt(Math.PI);
}

/** Population expected score s_ab of a (left) against b, n×n row-major, for base `ratings` and `taste` (see above). */
export function expectedScores(ratings: ArrayLike<number>, taste: TasteModel): Float64Array {
  const n = ratings.length;
  const k = taste.sd > 0 ? taste.models : 0;
  const both = (k * (k - 1)) / (n * (n - 1));
  const one = k / n - both; // a taste on a given one of the two only
  const none = 1 - 2 * one - both;
  const s = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      const d = ratings[a]! - ratings[b]!;
      s[a * n + b] =
        none * expectedSigmoid(d, 0) +
        (one > 0 ? 2 * one * expectedSigmoid(d, taste.sd) : 0) +
        (both > 0 ? both * expectedSigmoid(d, Math.SQRT2 * taste.sd) : 0);
    }
  }
  return s;
}

/** Σ_g weight_g · scores_g / Σ weight_g: the expected scores of a pooled audience whose groups cast votes in those proportions. */
export function mixScores(parts: readonly { scores: Float64Array; weight: number }[]): Float64Array {
  const out = new Float64Array(parts[0]!.scores.length);
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  for (const { scores, weight } of parts) for (let e = 0; e < out.length; e++) out[e] += (weight / total) * scores[e]!;
  return out;
}

/**
 * The maximiser of ℓ (above) over the models in `group` (all when omitted), in rating points centred on 0 over the
 * group; NaN for the others. `pi`, `scores`: n×n. Exact Newton, Cost O(iterations · (n² + k³)).
 */
export function populationRatings(pi: Float64Array, scores: Float64Array, group?: readonly number[]): Float64Array {
  const n = Math.round(Math.sqrt(pi.length));
  const members = group ?? Array.from({ length: n }, (_, m) => m);
  const k = members.length;
  const out = new Float64Array(n).fill(NaN);
  if (k === 0) return out;
  const r = new Float64Array(k);
  const loss = (x: Float64Array): number => {
    let l = 0;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        if (i === j) continue;
        const e = members[i]! * n + members[j]!;
        const z = ALPHA * (x[i]! - x[j]!);
        // −[s log σ(z) + (1 − s) log σ(−z)], written stably
        l += pi[e]! * (Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - scores[e]! * z);
      }
    }
    return l;
  };
  const m1 = k - 1;
  const grad = new Float64Array(k);
  const hess = new Float64Array(k * k);
  const step = new Float64Array(k);
  const trial = new Float64Array(k);
  let current = loss(r);
  for (let iter = 0; iter < 200 && m1 > 0; iter++) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        if (i === j) continue;
        const e = members[i]! * n + members[j]!;
        const p = 1 / (1 + Math.exp(-ALPHA * (r[i]! - r[j]!)));
        const g = ALPHA * pi[e]! * (p - scores[e]!);
        grad[i] += g;
        grad[j] -= g;
        const h = ALPHA * ALPHA * pi[e]! * p * (1 - p);
        hess[i * k + i] += h;
        hess[j * k + j] += h;
        hess[i * k + j] -= h;
        hess[j * k + i] -= h;
      }
    }
    // solve on models 1..k−1 of the group (model 0 held at 0), Gaussian elimination with partial pivoting
    const a = new Float64Array(m1 * (m1 + 1));
    for (let i = 0; i < m1; i++) {
      for (let j = 0; j < m1; j++) a[i * (m1 + 1) + j] = hess[(i + 1) * k + j + 1]!;
      a[i * (m1 + 1) + m1] = -grad[i + 1]!;
    }
    solveAugmented(a, m1);
    step[0] = 0;
    let largest = 0;
    for (let i = 0; i < m1; i++) {
      step[i + 1] = a[i * (m1 + 1) + m1]!;
      largest = Math.max(largest, Math.abs(step[i + 1]!));
    }
    let t = 1;
    for (let h = 0; h < 60; h++, t /= 2) {
      for (let i = 0; i < k; i++) trial[i] = r[i]! + t * step[i]!;
      const next = loss(trial);
      if (next <= current || largest * t < 1e-9) {
        current = next;
        break;
      }
    }
    r.set(trial);
    if (largest * t < 1e-13) break;
  }
  let mean = 0;
  for (let i = 0; i < k; i++) mean += r[i]! / k;
  members.forEach((m, i) => (out[m] = POINTS * (r[i]! - mean)));
  return out;
}

/** Solves the m×(m+1) augmented system in place; the solution is left in the last column. */
function solveAugmented(a: Float64Array, m: number): void {
  const w = m + 1;
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let row = col + 1; row < m; row++) if (Math.abs(a[row * w + col]!) > Math.abs(a[pivot * w + col]!)) pivot = row;
    if (pivot !== col) {
      for (let c = 0; c < w; c++) {
        const tmp = a[col * w + c]!;
        a[col * w + c] = a[pivot * w + c]!;
        a[pivot * w + c] = tmp;
      }
    }
    for (let row = 0; row < m; row++) {
      if (row === col) continue;
      const f = a[row * w + col]! / a[col * w + col]!;
      if (f === 0) continue;
      for (let c = col; c < w; c++) a[row * w + c] -= f * a[col * w + c]!;
    }
  }
  for (let row = 0; row < m; row++) a[row * w + m] = a[row * w + m]! / a[row * w + row]!;
}

/**
 * Population ratings for each rated group the simulation meets, computed once per distinct group (almost always
 * the whole board).
 */
export class TruthCache {
  private readonly cache = new Map<string, Float64Array>();

  constructor(
    private readonly pi: Float64Array,
    private readonly scores: Float64Array,
  ) {}

  /** Centred population ratings over `group` (model indices, ascending). */
  of(group: readonly number[]): Float64Array {
    const key = group.join(",");
    let truth = this.cache.get(key);
    if (!truth) {
      truth = populationRatings(this.pi, this.scores, group);
      this.cache.set(key, truth);
    }
    return truth;
  }
}
