/**
 * Anomalous-voter detector (pure): an e-process over one voter's votes, extended by one factor per
 * vote when the vote is cast, from what was known before it, and never recomputed.
 *
 * THE NULL. For a vote on models x (left) and y (right) the outcomes are, from the left side:
 * 0 x wins, 1 y wins, 2 tie, 3 both bad. The null says that the voter's choice on a pair is
 * exchangeable with the crowd's: the pair's outcomes, everyone's and this voter's together, are draws
 * from one unknown distribution θ, with θ ~ Dirichlet(κ·g) where g is the board-wide outcome shares
 * (both win outcomes given the same share: which model lands on which side is a fair coin). The
 * voter's next choice is then distributed as the Dirichlet-multinomial posterior predictive
 *   p(o) = (n_o + κ·g_o) / (n + κ)
 * where n_o counts the pair's counted votes so far in both orientations, folded to the left model's
 * side. A plug-in estimate of θ is too sure of itself on thin pairs, and 1/p̂ is on average larger
 * than 1/θ, so honest voters' factors averaged above 1; p is the exact conditional law of the next
 * choice under the null, estimation error included. The counts include the voter's own earlier
 * votes: under the null they belong to the same exchangeable record.
 *
 * THE ALTERNATIVES, each a distribution q over the four outcomes, fixed from p and the pair shown
 * before the choice is seen. Six are fixed:
 *   random    a side at random whatever the answers say (ties and both-bad at the crowd's rates),
 *             the side the record rates lower given at most RANDOM_RATIO times its chance;
 *   underdog  the side the record rates lower wins UNDERDOG_SHARE of the time;
 *   left, right, tie, bothBad  always the same button, with SLACK.
 * Two per model m: favours:m (m wins whenever it appears) and against:m (m's opponent wins), both
 * with SLACK and claiming at most MODEL_RATIO times the crowd's chance; on pairs without m, q = p.
 * A "boost" of outcome t sets q(t) and shares 1 − q(t) among the other outcomes in proportion to p,
 * so its factor depends only on whether t was chosen. Why the caps: an honest voter with a strong
 * taste for a weak model picks it about as reliably as a booster would, and against a crowd that
 * gives it 10% an uncapped "always m" would gain ln(0.95/0.1) ≈ 2.3 per battle: a dozen battles,
 * which 200 votes easily hold, would flag them. Capped, every battle adds at most ln 1.35 ≈ 0.3, so
 * it takes about 40 battles with m, far more than an honest voter's 200 votes hold, and still well
 * within the 60 battles allowed to catch a booster of a strong model (whose crowd chance is high
 * anyway). "random" is capped for the same reason (upsets picked out of taste on lopsided pairs).
 * The underdog and same-button alternatives stay bold: their claims are so far from an honest
 * voter's behaviour that every vote unlike them costs a lot, whereas capped versions made mildly
 * unusual honest voters (more ties, a few upsets) drift upwards (measured in the simulation).
 *
 * THE E-PROCESS. Each alternative k keeps a running product E_k = Π q_k(o)/p(o). Given the past and
 * the pair shown, E_p[q(o)/p(o)] = Σ_o q(o) = 1 (every p(o) > 0), so each E_k is a nonnegative
 * martingale starting at 1 under the null (a test martingale). A mixture M = Σ_k w_k·E_k with weights
 * fixed in advance and summing to 1 is then one too, and Ville's inequality gives
 * P(sup_t M_t ≥ 1/α) ≤ α: flagging a voter when M reaches 1/α wrongly flags a voter who meets the null
 * with probability at most α, however long they vote. Weights: each fixed alternative 1/64; the
 * favours and against alternatives of the first MAX_MODEL_ALTERNATIVES models the voter meets share
 * the rest equally. A model met later gets its two components when it first appears, with their prior
 * weight and product 1: a component's factor is exactly 1 on every vote without its model, so it held
 * product 1 all along, and M is the same mixture, fixed in advance, that included it from the start
 * (which model is the j-th one met depends on the pairs shown, never on the voter's choices). Weight
 * not yet given to a model counts in M at product 1, so M starts at exactly 1. Models met after the
 * first MAX_MODEL_ALTERNATIVES get no component (weight 0), which only makes M smaller.
 *
 * WHAT THE NULL IS NOT. A voter with tastes of their own (a favourite model, more ties than most, a
 * slight preference for the left answer) is not exchangeable with the crowd, so for real voters the
 * guarantee is approximate; scripts/simulate/anomaly.ts draws honest voters with strong private
 * tastes and measures the false-flag rate they actually get. And a voter who picks one model in 40
 * battles out of 40 is flagged whatever their reasons: the review decides.
 * Cost: O(1) per vote for the factors, O(components) for M.
 */

/** The false-flag rate promised: P(an honest voter is ever flagged) ≤ α. */
export const ANOMALY_ALPHA = 1e-3;
/** Tested votes a voter needs before they can be flagged (a short streak of votes is not reviewed). */
export const ANOMALY_MIN_VOTES = 20;
/** A cleared voter is flagged again only when the mixture grew by this factor since clearing. */
export const ANOMALY_RECHECK_FACTOR = 1 / ANOMALY_ALPHA;
/** κ: the Dirichlet prior's weight on the board-wide shares, in votes. */
export const PRIOR_VOTES = 10;
/** No outcome's board-wide share is taken below this (keeps a rare outcome from weighing too much). */
export const PRIOR_FLOOR = 0.02;
/** The "always" alternatives leave this probability to the other outcomes (a booster's slip). */
export const SLACK = 0.05;
/** The favours and against alternatives claim at most this multiple of the crowd's chance. */
export const MODEL_RATIO = 1.35;
/** The random alternative gives the side the record rates lower at most this multiple of its chance. */
export const RANDOM_RATIO = 1.5;
/** The underdog alternative's chance for the side the record rates lower. */
export const UNDERDOG_SHARE = 5 / 8;
/** Models per voter that get favours and against alternatives. */
export const MAX_MODEL_ALTERNATIVES = 100;

/** The fixed alternatives, in the order of the first entries of a log-product array. */
export const FIXED_ALTERNATIVES = ["random", "underdog", "left", "right", "tie", "bothBad"] as const;
export type FixedAlternative = (typeof FIXED_ALTERNATIVES)[number];
/** Every kind of alternative (favours and against exist once per model). */
export type AlternativeKind = FixedAlternative | "favours" | "against";

/** Prior weight of each fixed alternative. */
export const FIXED_WEIGHT = 1 / 64;
/** Prior weight of each model's favours and of its against alternative. */
export const MODEL_WEIGHT = (1 - FIXED_ALTERNATIVES.length * FIXED_WEIGHT) / (2 * MAX_MODEL_ALTERNATIVES);
const LOG_FIXED_WEIGHT = Math.log(FIXED_WEIGHT);
const LOG_MODEL_WEIGHT = Math.log(MODEL_WEIGHT);
const FIXED_COUNT = FIXED_ALTERNATIVES.length;

/** A vote's choice from the left model's side: 0 left wins, 1 right wins, 2 tie, 3 both bad. */
export type Choice = 0 | 1 | 2 | 3;
/** Writable numeric storage: a plain array or a typed array. */
type Numbers = { [index: number]: number; readonly length: number };

/**
 * Board-wide outcome shares g (the prior's mean) from counted votes (left wins, right wins, tie, both
 * bad), written to out[0..3]: the two win outcomes share their mean (sides are a fair coin), every
 * share is floored at PRIOR_FLOOR, then normalised. Uniform without votes. O(1).
 */
export function boardPrior(boardCounts: ArrayLike<number>, out: Numbers = [0, 0, 0, 0]): Numbers {
  const n = boardCounts[0] + boardCounts[1] + boardCounts[2] + boardCounts[3];
  if (n <= 0) {
    out[0] = out[1] = out[2] = out[3] = 0.25;
    return out;
  }
  const win = Math.max(PRIOR_FLOOR, (boardCounts[0] + boardCounts[1]) / 2 / n);
  const tie = Math.max(PRIOR_FLOOR, boardCounts[2] / n);
  const bad = Math.max(PRIOR_FLOOR, boardCounts[3] / n);
  const sum = 2 * win + tie + bad;
  out[0] = out[1] = win / sum;
  out[2] = tie / sum;
  out[3] = bad / sum;
  return out;
}

/**
 * The predictive null of one pair, written to out[0..3]: p(o) = (n_o + κ·g_o) / (n + κ), the
 * Dirichlet-multinomial posterior predictive of the next choice given the pair's counts so far
 * (folded to the left model's side) and the board prior g. Every p(o) > 0. O(1).
 */
export function predictiveNull(pairCounts: ArrayLike<number>, prior: ArrayLike<number>, out: Numbers = [0, 0, 0, 0]): Numbers {
  const total = pairCounts[0] + pairCounts[1] + pairCounts[2] + pairCounts[3] + PRIOR_VOTES;
  for (let o = 0; o < 4; o++) out[o] = (pairCounts[o] + PRIOR_VOTES * prior[o]) / total;
  return out;
}

/** log(q(choice)/p(choice)) for the alternative that gives outcome t probability qt and the rest 1 − qt in proportion to p. */
function boostLog(p: ArrayLike<number>, t: number, qt: number, choice: number): number {
  if (qt === p[t]) return 0;
  return choice === t ? Math.log(qt / p[t]) : Math.log((1 - qt) / (1 - p[t]));
}

/** The "always t" alternatives: t wins with 1 − SLACK (never less than the crowd's own chance). */
function alwaysLog(p: ArrayLike<number>, t: number, choice: number): number {
  return boostLog(p, t, Math.max(p[t], 1 - SLACK), choice);
}

/** The model alternatives: as alwaysLog, but claiming at most MODEL_RATIO times the crowd's chance. */
function modelLog(p: ArrayLike<number>, t: number, choice: number): number {
  return boostLog(p, t, Math.max(p[t], Math.min(1 - SLACK, MODEL_RATIO * p[t])), choice);
}

/**
 * Extends one voter's log products in place by one vote's factors log(q_k(choice)/p(choice)).
 * Layout from `offset`: the FIXED_ALTERNATIVES, then per model slot j its favours (at
 * FIXED_ALTERNATIVES.length + 2j) and against (+1) products. `slotLeft` and `slotRight` are the
 * slots of the two models shown (−1: the model has no component); every other model's factor is 1,
 * so its entries are untouched. `p` is the predictive null (predictiveNull). O(1).
 */
export function extendLogProducts(
  logE: Numbers,
  offset: number,
  p: ArrayLike<number>,
  choice: Choice,
  slotLeft: number,
  slotRight: number,
): void {
  // random: a side at random whatever the answers say, ties and both-bad at the crowd's rates; the
  // side the record rates lower gets at most RANDOM_RATIO times its chance. No claim when level.
  if (choice < 2 && p[0] !== p[1]) {
    const low = p[0] < p[1] ? 0 : 1;
    const qLow = Math.min((p[0] + p[1]) / 2, RANDOM_RATIO * p[low]);
    logE[offset] += choice === low ? Math.log(qLow / p[low]) : Math.log((p[0] + p[1] - qLow) / p[1 - low]);
  }
  // underdog: the side the record rates lower wins UNDERDOG_SHARE of the time. No claim when level.
  if (p[0] !== p[1]) {
    const low = p[0] < p[1] ? 0 : 1;
    logE[offset + 1] += boostLog(p, low, Math.max(p[low], UNDERDOG_SHARE), choice);
  }
  for (let t = 0; t < 4; t++) logE[offset + 2 + t] += alwaysLog(p, t, choice);
  if (slotLeft >= 0) {
    const at = offset + FIXED_COUNT + 2 * slotLeft;
    logE[at] += modelLog(p, 0, choice);
    logE[at + 1] += modelLog(p, 1, choice);
  }
  if (slotRight >= 0) {
    const at = offset + FIXED_COUNT + 2 * slotRight;
    logE[at] += modelLog(p, 1, choice);
    logE[at + 1] += modelLog(p, 0, choice);
  }
}

/**
 * log M, M = Σ_k w_k·E_k: the fixed alternatives at FIXED_WEIGHT, the `modelSlots` models' favours
 * and against products at MODEL_WEIGHT, and the weight not yet given to a model at product 1 (so
 * M = 1 before any vote). Computed with a max shift, so extreme products neither overflow nor vanish.
 * O(components).
 */
export function mixtureLog(logE: ArrayLike<number>, offset: number, modelSlots: number): number {
  const end = offset + FIXED_COUNT + 2 * modelSlots;
  const spare = 2 * (MAX_MODEL_ALTERNATIVES - modelSlots);
  let max = spare > 0 ? LOG_MODEL_WEIGHT + Math.log(spare) : -Infinity;
  for (let i = offset; i < end; i++) max = Math.max(max, logE[i] + (i < offset + FIXED_COUNT ? LOG_FIXED_WEIGHT : LOG_MODEL_WEIGHT));
  let sum = spare > 0 ? spare * Math.exp(LOG_MODEL_WEIGHT - max) : 0;
  for (let i = offset; i < offset + FIXED_COUNT; i++) sum += Math.exp(logE[i] + LOG_FIXED_WEIGHT - max);
  for (let i = offset + FIXED_COUNT; i < end; i++) sum += Math.exp(logE[i] + LOG_MODEL_WEIGHT - max);
  return max + Math.log(sum);
}

/** One voter's stored state (VoterEvidence): log products by alternative key, and the mixture. */
export interface EvidenceState {
  /** log E_k by key: the FIXED_ALTERNATIVES, "favours:<modelId>" and "against:<modelId>". */
  logE: Record<string, number>;
  /** log M after the last tested vote. */
  logMixture: number;
  /** The largest log M reached so far (for reviewers; Ville's inequality bounds it too). */
  logMax: number;
  votesTested: number;
}

/** A voter before any tested vote: every product 1, M = 1. */
export const EMPTY_EVIDENCE: EvidenceState = Object.freeze({
  logE: Object.freeze({}) as Record<string, number>,
  logMixture: 0,
  logMax: 0,
  votesTested: 0,
});

/** One cast vote: the models shown left and right, and the choice from the left model's side. */
export interface EvidenceVote {
  modelA: string;
  modelB: string;
  choice: Choice;
}

const FAVOURS = "favours:";
const AGAINST = "against:";

/**
 * Extends a voter's evidence by one vote, returning the new state (the input is not changed). The
 * factor depends only on what was known before the vote: `pairCountsBefore` are the pair's counted
 * votes (both orientations folded to modelA's side: A wins, B wins, tie, both bad) and
 * `boardCountsBefore` every counted vote by outcome, both read before this vote was stored. Models
 * shown for the first time get their favours and against components at product 1 (while fewer than
 * MAX_MODEL_ALTERNATIVES have them). Past factors are never revisited. O(components).
 */
export function extendEvidence(
  state: EvidenceState,
  vote: EvidenceVote,
  pairCountsBefore: ArrayLike<number>,
  boardCountsBefore: ArrayLike<number>,
): EvidenceState {
  const models = Object.keys(state.logE)
    .filter((k) => k.startsWith(FAVOURS))
    .map((k) => k.slice(FAVOURS.length));
  const slotOf = (id: string): number => {
    const at = models.indexOf(id);
    if (at >= 0) return at;
    if (models.length >= MAX_MODEL_ALTERNATIVES) return -1;
    models.push(id);
    return models.length - 1;
  };
  const slotLeft = slotOf(vote.modelA);
  const slotRight = vote.modelB === vote.modelA ? -1 : slotOf(vote.modelB);
  const logE = new Array<number>(FIXED_COUNT + 2 * models.length);
  FIXED_ALTERNATIVES.forEach((k, i) => (logE[i] = state.logE[k] ?? 0));
  models.forEach((id, j) => {
    logE[FIXED_COUNT + 2 * j] = state.logE[FAVOURS + id] ?? 0;
    logE[FIXED_COUNT + 2 * j + 1] = state.logE[AGAINST + id] ?? 0;
  });
  const p = predictiveNull(pairCountsBefore, boardPrior(boardCountsBefore));
  extendLogProducts(logE, 0, p, vote.choice, slotLeft, slotRight);
  const next: Record<string, number> = {};
  FIXED_ALTERNATIVES.forEach((k, i) => (next[k] = logE[i]));
  models.forEach((id, j) => {
    next[FAVOURS + id] = logE[FIXED_COUNT + 2 * j];
    next[AGAINST + id] = logE[FIXED_COUNT + 2 * j + 1];
  });
  const logMixture = mixtureLog(logE, 0, models.length);
  return { logE: next, logMixture, logMax: Math.max(state.logMax, logMixture), votesTested: state.votesTested + 1 };
}

/**
 * The flag rule: M is at least 1/α now, after at least `minVotes` tested votes. The event that this ever
 * happens lies inside {sup_t M_t ≥ 1/α}, so Ville's inequality bounds its chance for an honest voter by α.
 * A streak in the first few votes that has already faded does not flag (it would if the rule used logMax).
 */
export function isFlagged(
  state: Pick<EvidenceState, "logMixture" | "votesTested">,
  alpha = ANOMALY_ALPHA,
  minVotes = ANOMALY_MIN_VOTES,
): boolean {
  return state.votesTested >= minVotes && state.logMixture >= Math.log(1 / alpha);
}

/**
 * Whether a vote takes part in the test. Identity-leak votes do not: the voter could tell which model was
 * which, so the null (a blind choice, exchangeable with the crowd's) says nothing about them, and they are
 * not counted anyway. Decided before the choice is seen, so skipping a vote keeps M a supermartingale.
 */
export function isTestedVote(vote: { isIdentityLeak: boolean }): boolean {
  return !vote.isIdentityLeak;
}

/** The review score column is a float: keep astronomically strong evidence finite. */
const MAX_SCORE = 1e300;

/** M itself, for the review record (capped at 1e300). */
export function mixtureScore(state: Pick<EvidenceState, "logMixture">): number {
  return Math.min(Math.exp(state.logMixture), MAX_SCORE);
}

/** What to do with a voter's review record after a tested vote. */
export type ReviewAction = "none" | "flag" | "refresh" | "reflag";

/**
 * The review step after a tested vote. Without a review: "flag" when isFlagged. An open (FLAGGED) or
 * EXCLUDED review: "refresh" its score. A CLEARED review: "reflag" only when M has grown by
 * ANOMALY_RECHECK_FACTOR since clearing (score then). Conditionally on the state when cleared, Ville's
 * inequality applied from that point bounds the chance of an honest voter's M ever growing that much
 * by 1/ANOMALY_RECHECK_FACTOR, so the guarantee carries over to re-flags.
 */
export function reviewAction(
  state: EvidenceState,
  review: { status: "FLAGGED" | "EXCLUDED" | "CLEARED"; score: number } | null,
): ReviewAction {
  if (!review) return isFlagged(state) ? "flag" : "none";
  if (review.status !== "CLEARED") return "refresh";
  const baseline = Math.log(Math.max(1, review.score));
  return isFlagged(state) && state.logMixture >= baseline + Math.log(ANOMALY_RECHECK_FACTOR) ? "reflag" : "none";
}

/**
 * The kind of alternative that contributes most to M (weight × product) among those whose product grew
 * above 1, for reviewers; null when none did. Never names the model.
 */
export function strongestAlternative(logE: Readonly<Record<string, number>>): AlternativeKind | null {
  let best: AlternativeKind | null = null;
  let bestLog = -Infinity;
  for (const [key, value] of Object.entries(logE)) {
    if (!(value > 0)) continue;
    const kind = key.startsWith(FAVOURS)
      ? "favours"
      : key.startsWith(AGAINST)
        ? "against"
        : (FIXED_ALTERNATIVES as readonly string[]).includes(key)
          ? (key as FixedAlternative)
          : null;
    if (!kind) continue;
    const weighted = value + (kind === "favours" || kind === "against" ? LOG_MODEL_WEIGHT : LOG_FIXED_WEIGHT);
    if (weighted > bestLog) {
      bestLog = weighted;
      best = kind;
    }
  }
  return best;
}
