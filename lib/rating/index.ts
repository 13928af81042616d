/** Public API of the rating module: pure maths, battles in, leaderboard rows out. */
export type { AggregatedBattles, Battle, Outcome, PairCell, RatingAnchor, RatingOptions, RatingRow, Rng, VotesByVoter } from "./types";
export { aggregateBattles } from "./aggregate-battles";
export { fitPairs, RIDGE_PER_BATTLE } from "./fit";
export { scaleRatings } from "./scale-ratings";
export { bootstrapRatingsFast, type BootstrapOptions } from "./bootstrap-fast";
export { sampleBinomial, sampleMultinomial } from "./sampling";
export { createRng } from "./rng";
export { quantile } from "./quantile";
export { pairwiseWinFractions } from "./pairwise-win-fractions";
export { computeLeaderboard } from "./compute-leaderboard";
export { identifyModels, type Identification } from "./identify";
export { collectPairs } from "./cells";
export { fitStyleControl, STYLE_FEATURES, type StyleFeature, type StyledVoterVotes } from "./style-control";
export { fitIdentified } from "./identified-fit";
export { modelRecords } from "./model-records";
export { rankByIntervals, rankRanges } from "./rank-by-intervals";
export {
  rateSlice,
  sortRatingRows,
  INTERVAL_METHODS,
  MIN_VOTER_BOOTSTRAP_ROUNDS,
  type IntervalMethod,
  type SliceRating,
  type SliceRatingRow,
} from "./rate-slice";
export {
  compareSlices,
  benjaminiHochberg,
  FALSE_DISCOVERY_RATE,
  type ModelDifference,
  type SliceComparison,
  type SliceVotes,
} from "./compare";
