/** Dense symmetric positive definite solves (Cholesky) and the dot product the fits share. Row-major n×n. */

/**
 * Solves H x = rhs for symmetric positive definite H (row-major n×n, overwritten by its Cholesky factor in the
 * lower triangle); rhs is overwritten by x. Cost O(n³/3).
 */
export function choleskySolveInPlace(hess: Float64Array, n: number, rhs: Float64Array): void {
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
