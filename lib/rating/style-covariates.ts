/** The four style covariates of style control and the votes they come with (see ./style-control). */

export const STYLE_FEATURES = ["length", "headers", "lists", "bold"] as const;
export type StyleFeature = (typeof STYLE_FEATURES)[number];
/** How many style covariates there are. */
export const FEATURES = STYLE_FEATURES.length;

/**
 * A slice's votes grouped by voter (the unit of independence), with each vote's style contrasts. Voter g cast votes
 * start[g] .. start[g + 1] − 1; vote v is between models a[v] (shown left) and b[v] (indices < nModels) with
 * outcome[v] 0 = A won, 1 = B won, 2 = tie, 3 = both bad.
 *
 * Each feature is FastChat's contrast of the two answers, `styleContrast(countA, countB)` = (A − B)/(A + B + 1),
 * for all four: tokens (length), markdown headers of all levels, list items (ordered + unordered), bold spans
 * (** + __). FastChat's `preprocess_for_style` applies that ratio to every feature (apply_ratio = [1, 1, 1, 1]), not
 * only to length: with plain differences for the markdown counts its ratings move by up to 7 points on the fixture.
 * A vote with a non-finite feature (style unknown) is left out of the fit.
 */
export interface StyledVoterVotes {
  nModels: number;
  start: Int32Array;
  /**
   * Optional stable voter ids (one per voter, start.length − 1): above MAX_CLUSTERS voters the sandwich pools
   * voters into hashed groups, by id when given (the same grouping whatever the order or the slice, as in
   * `sandwich.ts`), else by position.
   */
  voterId?: Int32Array;
  a: Int32Array;
  b: Int32Array;
  outcome: Uint8Array;
  length: Float64Array;
  headers: Float64Array;
  lists: Float64Array;
  bold: Float64Array;
}

/** FastChat's contrast of one style count between the two answers: (a − b)/(a + b + 1), in (−1, 1) for counts ≥ 0. Cost O(1). */
export function styleContrast(a: number, b: number): number {
  return (a - b) / (a + b + 1);
}
