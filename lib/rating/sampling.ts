import type { Rng } from "./types";

/** Below this mean (n·min(p, 1−p)) inversion is cheapest; above it, BTPE. numpy's threshold. */
const INVERSION_MAX_MEAN = 30;

/**
 * An exact Binomial(n, p) draw, the algorithms of numpy's `random_binomial`: sequential-search inversion when
 * n·min(p, 1−p) ≤ 30 (expected cost O(n·p)), otherwise BTPE (Kachitvichyanukul & Schmeiser 1988, expected
 * cost O(1)). Given numpy's uniforms it returns numpy's numbers. p is clamped to [0, 1]. n must be a
 * non-negative integer.
 */
export function sampleBinomial(n: number, p: number, rng: Rng): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p <= 0.5) {
    return p * n <= INVERSION_MAX_MEAN ? binomialInversion(n, p, rng) : binomialBtpe(n, p, rng);
  }
  const q = 1 - p;
  return n - (q * n <= INVERSION_MAX_MEAN ? binomialInversion(n, q, rng) : binomialBtpe(n, q, rng));
}

/**
 * An exact Multinomial(n, pvals) draw by conditional binomials, as numpy's `random_multinomial`:
 * x_j ~ Binomial(n − Σ_{i<j} x_i, p_j / (1 − Σ_{i<j} p_i)), the last category taking what is left.
 * `pvals` should sum to 1; rounding in the running remainder is harmless because each conditional p is clamped
 * to [0, 1] and the last category takes the rest. Writes into `out` (length = pvals.length) and returns it.
 * Cost O(categories) binomial draws, each O(1) expected (inversion only runs where the mean is ≤ 30).
 */
export function sampleMultinomial(
  n: number,
  pvals: ArrayLike<number>,
  rng: Rng,
  out: Float64Array = new Float64Array(pvals.length),
): Float64Array {
  const d = pvals.length;
  out.fill(0);
  if (d === 0) return out;
  let remainingP = 1;
  let remainingN = n;
  for (let k = 0; k < d - 1; k++) {
    const draw = sampleBinomial(remainingN, pvals[k]! / remainingP, rng);
    out[k] = draw;
    remainingN -= draw;
    if (remainingN <= 0) break;
    remainingP -= pvals[k]!;
  }
  if (remainingN > 0) out[d - 1] = remainingN;
  return out;
}

/** numpy's `random_binomial_inversion`, for p ≤ 0.5 and n·p ≤ 30. */
function binomialInversion(n: number, p: number, rng: Rng): number {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log(q));
  const np = n * p;
  const bound = Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1)));
  let x = 0;
  let px = qn;
  let u = rng();
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = rng();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

/** numpy's `random_binomial_btpe` (triangle, parallelograms, exponential tails, then squeeze), for p ≤ 0.5. */
function binomialBtpe(n: number, p: number, rng: Rng): number {
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  const nrq = n * r * q;

  for (;;) {
    const u = rng() * p4;
    let v = rng();
    if (u <= p1) return Math.floor(xm - p1 * v + u); // triangular region: accepted at once
    let y: number;
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + Math.log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - Math.log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }

    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2 - 1)) {
      // explicit evaluation of f(y) / f(m)
      const s = r / q;
      const aa = s * (n + 1);
      let f = 1;
      if (m < y) {
        for (let i = m + 1; i <= y; i++) f *= aa / i - s;
      } else if (m > y) {
        for (let i = y + 1; i <= m; i++) f /= aa / i - s;
      }
      if (v > f) continue;
      return y;
    }

    // squeeze on log f(y) / f(m), then the Stirling-corrected bound
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const logV = Math.log(v);
    if (logV < t - rho) return y;
    if (logV > t + rho) continue;

    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const x2 = x1 * x1;
    const f2 = f1 * f1;
    const z2 = z * z;
    const w2 = w * w;
    const bound =
      xm * Math.log(f1 / x1) +
      (n - m + 0.5) * Math.log(z / w) +
      (y - m) * Math.log((w * r) / (x1 * q)) +
      (13680 - (462 - (132 - (99 - 140 / f2) / f2) / f2) / f2) / f1 / 166320 +
      (13680 - (462 - (132 - (99 - 140 / z2) / z2) / z2) / z2) / z / 166320 +
      (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x1 / 166320 +
      (13680 - (462 - (132 - (99 - 140 / w2) / w2) / w2) / w2) / w / 166320;
    if (logV > bound) continue;
    return y;
  }
}
