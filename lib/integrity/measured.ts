/**
 * What the anomalous-voter simulation measured (scripts/simulate/anomaly.ts, full run, seed 1), quoted by the
 * methodology page. Update these from its output whenever the detector or the simulation changes.
 */
export const ANOMALY_MEASURED = {
  honestVoters: 100_000,
  votesPerVoter: 200,
  /** Honest voters (with strong private tastes) ever flagged. */
  falseFlags: 25,
  /** Median battles with their model before a booster (honest otherwise) was flagged. */
  medianBattles: { weakest: 41, middling: 42, strong: 49 },
} as const;
