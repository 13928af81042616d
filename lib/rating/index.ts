/** Public API of the rating module: pure maths, battles in, leaderboard rows out. */
export type { AggregatedBattles, Battle, Outcome, PairCell, RatingAnchor, RatingOptions, RatingRow, Rng } from "./types";
export { aggregateBattles } from "./aggregate-battles";
export { fitBradleyTerry, RIDGE_PER_BATTLE } from "./fit-bradley-terry";
export { scaleRatings } from "./scale-ratings";
export { bootstrapRatings, type BootstrapOptions } from "./bootstrap";
export { bootstrapRatingsFast } from "./bootstrap-fast";
export { sampleBinomial, sampleMultinomial } from "./sampling";
export { createRng } from "./rng";
export { quantile } from "./quantile";
export { rankByIntervals } from "./rank-by-intervals";
export { pairwiseWinFractions } from "./pairwise-win-fractions";
export { computeLeaderboard } from "./compute-leaderboard";
