/**
 * Anomalous-voter detector (pure). A sequential test of one voter's choices against each pair's
 * record from everyone else, in the spirit of LMArena's anomalous-user detection.
 *
 * For each tested vote on pair {x, y}, the null p is the others' outcome distribution on that
 * pair (x wins, y wins, tie, both bad), smoothed towards the board-wide outcome shares g with
 * PRIOR_VOTES pseudo-votes, so sparse pairs borrow strength from the whole board:
 *   p(o) = (n_o + PRIOR_VOTES × g(o)) / (n + PRIOR_VOTES),  g(o) ≥ PRIOR_FLOOR (uniform g by default)
 * The alternative q is fixed before seeing the vote: half "clicks at random" (1/4 each), half
 * "always picks the underdog" (the side the others prefer less; split when they are level):
 *   q(underdog wins) = 5/8, q(other outcomes) = 1/8 each
 * The e-process E = Π q(o)/p(o) has expectation ≤ 1 at every step for a voter who behaves like the
 * crowd, so by Ville's inequality P(E ever ≥ 1/α) ≤ α: flagging at E ≥ 1/α wrongly flags an honest
 * voter with probability at most α. Computed in logs. Cost O(votes).
 */

export const ANOMALY_ALPHA = 1e-3;
/** Votes a voter needs on sufficiently-voted pairs before they can be flagged. */
export const ANOMALY_MIN_VOTES = 20;
/** A pair needs this many votes from others to be informative. */
export const ANOMALY_MIN_PAIR_VOTES = 3;
/** Weight of the board-wide outcome shares in each pair's null, in votes. */
export const PRIOR_VOTES = 10;
/** No outcome's board-wide share is taken below this (keeps a rare outcome from weighing too much). */
export const PRIOR_FLOOR = 0.02;
const UNIFORM = [0.25, 0.25, 0.25, 0.25];
/** A cleared voter is flagged again only when the evidence grew by this factor since clearing. */
export const ANOMALY_RECHECK_FACTOR = 1 / ANOMALY_ALPHA;

/** One vote: counts are from the voter's point of view of the pair, others only. */
export interface TestedVote {
  /** Others' votes on this pair: first model wins, second model wins, tie, both bad. */
  others: [number, number, number, number];
  /** What this voter chose, in the same order (0 first wins, 1 second wins, 2 tie, 3 both bad). */
  choice: 0 | 1 | 2 | 3;
}

export interface AnomalyResult {
  /** log E after all tested votes. */
  logE: number;
  /** E itself (may be Infinity for extreme evidence; store logE when that matters). */
  e: number;
  votesTested: number;
  isFlagged: boolean;
}

/**
 * Board-wide outcome shares as a prior, from counts of (left wins, right wins, tie, both bad):
 * the two win outcomes share their mean (sides are random), each share is floored, then normalised.
 */
export function outcomePrior(counts: readonly number[]): number[] {
  const n = counts[0] + counts[1] + counts[2] + counts[3];
  if (n === 0) return UNIFORM;
  const win = (counts[0] + counts[1]) / 2 / n;
  const raw = [win, win, counts[2] / n, counts[3] / n].map((x) => Math.max(PRIOR_FLOOR, x));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / sum);
}

/** The smoothed null distribution of one pair's outcomes. */
export function nullDistribution(others: readonly number[], prior: readonly number[] = UNIFORM): number[] {
  const n = others[0] + others[1] + others[2] + others[3];
  return others.map((c, o) => (c + PRIOR_VOTES * prior[o]) / (n + PRIOR_VOTES));
}

/** The fixed alternative for one pair: half uniform, half "the underdog wins" (split when level). */
export function alternativeDistribution(others: readonly number[]): number[] {
  const underdog = others[0] < others[1] ? [1, 0] : others[0] > others[1] ? [0, 1] : [0.5, 0.5];
  return [0.125 + 0.5 * underdog[0], 0.125 + 0.5 * underdog[1], 0.125, 0.125];
}

export interface TestOptions {
  alpha?: number;
  minVotes?: number;
  /** Board-wide outcome shares (outcomePrior); uniform when absent. */
  prior?: readonly number[];
}

/**
 * Runs the sequential test over a voter's votes (any order; the product does not depend on it).
 * Votes on pairs with fewer than ANOMALY_MIN_PAIR_VOTES others' votes are skipped.
 */
export function testVoter(votes: readonly TestedVote[], options: TestOptions = {}): AnomalyResult {
  const { alpha = ANOMALY_ALPHA, minVotes = ANOMALY_MIN_VOTES, prior = UNIFORM } = options;
  let logE = 0;
  let tested = 0;
  for (const v of votes) {
    const n = v.others[0] + v.others[1] + v.others[2] + v.others[3];
    if (n < ANOMALY_MIN_PAIR_VOTES) continue;
    const p = nullDistribution(v.others, prior)[v.choice];
    const q = alternativeDistribution(v.others)[v.choice];
    logE += Math.log(q / p);
    tested++;
  }
  return { logE, e: Math.exp(logE), votesTested: tested, isFlagged: tested >= minVotes && logE >= Math.log(1 / alpha) };
}
