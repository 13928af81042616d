/**
 * Plain data types of the rating module. Nothing here knows about the database or the web:
 * battles (or counts of them) go in, leaderboard rows come out.
 */

/** Result of one battle: A = model_a (left) won, B = model_b (right) won. TIE and BOTH_BAD count as half a win each in the fit. */
export type Outcome = "A" | "B" | "TIE" | "BOTH_BAD";

/** One vote between two named models, in the order they were shown (A = left). */
export interface Battle {
  modelA: string;
  modelB: string;
  outcome: Outcome;
}

/** Aggregated cell: `count` battles between model index a (left) and b (right) with this outcome. */
export interface PairCell {
  a: number;
  b: number;
  outcome: Outcome;
  count: number;
}

/** Models (index -> name) and the aggregated cells that refer to them by index. */
export interface AggregatedBattles {
  models: string[];
  cells: PairCell[];
}

/** Shift all ratings so that `model` sits at `rating` (FastChat's "baseline model"); ignored when the model is absent. */
export interface RatingAnchor {
  model: string;
  rating: number;
}

export interface RatingOptions {
  /** Bootstrap rounds for the interval; 0 gives lower = upper = rating. */
  rounds: number;
  /** Seed of the bootstrap's random source: same seed, same numbers. */
  seed: number;
  /** Odds base: `scale` rating points = a factor of `base` in odds. Default 10. */
  base?: number;
  /** Default 400. */
  scale?: number;
  /** Mean rating (when no anchor applies). Default 1000. */
  initRating?: number;
  /** Optional anchor model instead of the mean. */
  anchor?: RatingAnchor;
}

export interface RatingRow {
  model: string;
  rating: number;
  lower: number;
  upper: number;
  rank: number;
  battles: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
}

/** A source of uniform numbers in [0, 1). Pass a seeded one (see `createRng`) for reproducible bootstraps. */
export type Rng = () => number;

/**
 * A slice's votes grouped by voter, the unit of independence: voter g cast votes start[g] .. start[g + 1] − 1.
 * Each vote is a cell code (a·stride + b)·4 + outcome, with a, b model codes (a shown left) and outcome 0 = A won,
 * 1 = B won, 2 = tie, 3 = both bad (the vote index's own encoding, so a scan hands its records over without
 * copying); `modelOf` maps a model code to the model's index in the fit (−1: not in it).
 */
export interface VotesByVoter {
  start: Int32Array;
  /** Stable voter ids, ascending: the same person has the same id in every slice (see `compareSlices`). */
  voterId: Int32Array;
  code: Uint32Array;
  stride: number;
  modelOf: Int32Array;
  /** Each vote's answer-style contrasts, for style control (length NaN: unknown); absent when not asked for. */
  style?: { length: Float64Array; headers: Float64Array; lists: Float64Array; bold: Float64Array };
}
