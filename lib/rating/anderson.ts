import { dot } from "./linear-algebra";

/**
 * The least-squares coefficients of Anderson acceleration: γ = argmin |f − Σ_s γ_s ΔF_s| over the `stored`
 * differences, by the normal equations (tiny: stored ≤ the memory, 8 in `createRefitter`) with a relative ridge of 1e-12 against
 * collinear differences, solved by Gaussian elimination. `gram` holds the differences' inner products (kept up to
 * date as they are stored, `memory` × `memory`); `normal` is scratch. Returns false if that fails (then a plain
 * step is taken).
 */
export function solveAnderson(
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
