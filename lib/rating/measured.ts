/**
 * What `npm run simulate` measured for the promises the methodology page makes (known truth, many replications;
 * see scripts/simulate). Update these from its output whenever a method changes: the page quotes them.
 */
export const MEASURED = {
  /** Share of true population ratings inside the default (voter-clustered) 95% intervals. */
  coverage: { independent: "–", clustered: "–", strong: "–", voteBootstrapClustered: "–" },
  /** Compare: average false discovery proportion among significant differences, and power for 60-point differences. */
  compare: { falseDiscoveryProportion: "–", power: "–" },
} as const;
