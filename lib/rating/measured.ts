/**
 * What `npm run simulate` measured for the promises the methodology page makes (known truth, many replications;
 * see scripts/simulate; seed 1). Update these from its output whenever a method changes: the page quotes them.
 */
export const MEASURED = {
  /** Share of true population ratings inside the default (voter-clustered) 95% intervals, ± Monte Carlo error. */
  coverage: { independent: "0.949 ± 0.002", clustered: "0.946 ± 0.002", strong: "0.946 ± 0.002", voteBootstrapClustered: "0.747 ± 0.008" },
  /** Compare (two audiences of 150 voters): mean false discovery proportion, and power for 60-point differences. */
  compare: { falseDiscoveryProportion: "0.037 ± 0.003", power: "0.966 ± 0.003" },
} as const;
