/** The 97.5% quantile of the standard normal: two-sided 95%. */
export const Z95 = 1.959963984540054;

/**
 * The 97.5% quantile of Student's t with `df` degrees of freedom (two-sided 95%), by the Cornish–Fisher expansion
 * around the normal quantile (Abramowitz & Stegun 26.7.5, four terms): within 0.001 of the exact value from 4
 * degrees of freedom on, and the normal quantile itself as df → ∞. Below 1 degree of freedom there is no finite
 * answer (Infinity). Used with G − 1 degrees of freedom for G voter clusters, the usual small-sample step for
 * cluster-robust intervals. Cost O(1).
 */
export function studentT975(df: number): number {
  if (!(df >= 1)) return Infinity;
  if (df === 1) return 12.706204736174707;
  if (df === 2) return 4.302652729749464;
  if (df === 3) return 3.182446305284263;
  const z = Z95;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}
