import { describeSlice, type LeaderboardFilters } from "@/lib/filters";
import type { ModelStatus, Visibility } from "@/lib/generated/prisma/enums";
import type { Policy } from "@/lib/policy";
import type { SliceCounts } from "@/lib/queries/slice-counts";
import { rateSliceWithStyle } from "./style";
import { isSliceShown, publicCount } from "./thin-slice";
import type { StyleFeature } from "@/lib/rating";
import {
  pairwiseWinFractions,
  rankRanges,
  rateSlice,
  type Identification,
  type IntervalMethod,
  type PairCell,
  type SliceRatingRow,
} from "@/lib/rating";

/**
 * The leaderboard of one slice from its counts (pure: no database): identification, exact fit, voter-clustered
 * intervals (or the bootstrap asked for), rank ranges among the rows shown, thresholds and head-to-head matrices.
 */
export interface LeaderboardRow {
  modelId: string;
  name: string;
  displayName: string;
  organization: string;
  status: ModelStatus;
  /** PUBLIC on the public board; PRIVATE_TESTING and WITHDRAWN rows only with { visibility: "all" }. */
  visibility: Visibility;
  /** Null when the row is not rated: see `unrated`. */
  rating: number | null;
  /** The 95% interval (voter-clustered by default: see Leaderboard.method). */
  lower: number | null;
  upper: number | null;
  /** Standard error in rating points (sandwich intervals only). */
  se: number | null;
  /** Best rank the intervals allow (LMArena's rank: 1 + the rows surely better). */
  rank: number | null;
  /** Worst rank the intervals allow (1 + the rows possibly better). */
  rankWorst: number | null;
  /**
   * Why the row has no rating: "few-votes" (under policy.minModelVotes in this slice), or what the votes cannot
   * identify (lib/rating/identify): a perfect or zero record against the rated models, no link to them, or never
   * having met them. Null when rated.
   */
  unrated: UnratedReason | null;
  votes: number;
  voters: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
  /** Shares of this model's votes: won, tied, both judged bad (0 when it has no votes). */
  winRate: number;
  tieRate: number;
  bothBadRate: number;
}

/** Head-to-head matrices over the rated models, in leaderboard order. */
export interface Pairwise {
  modelIds: string[];
  /** P(row model beats column model), ties as half; null where they never met. */
  winFraction: (number | null)[][];
  /** Battles between row and column model. */
  battles: number[][];
}

/** Why a row carries no rating. */
export type UnratedReason = "few-votes" | Exclude<Identification, "rated">;

/** Whether ratings are adjusted for answer style (length, headers, lists, bold), as LMArena's default view is. */
export type StyleMode = "none" | "control";

/** What style control found in a slice: how much each feature sways votes, with voter-clustered 95% intervals. */
export interface StyleSummary {
  /** Log-odds of winning per standard deviation of the feature's difference between the two answers (FastChat's scale). */
  coefficients: { feature: StyleFeature; estimate: number; lower: number; upper: number; se: number }[];
  /** Votes whose answers' style is known: only these enter the style-controlled fit. */
  votes: number;
  /** Votes of the slice left out of it because an answer's style is unknown (imports without conv_metadata). */
  unknown: number;
}

export interface Leaderboard {
  filters: LeaderboardFilters;
  slice: string;
  /**
   * The slice's counted votes and distinct voters, its demo votes and its replay-battle votes: exact only when the
   * slice is shown; null under policy.minSliceVoters (see lib/leaderboard/thin-slice), so that thin slices cannot
   * be subtracted from each other to single out a few voters.
   */
  votes: number | null;
  voters: number | null;
  demoVotes: number | null;
  /**
   * Counted votes in battles that showed a replay answer: public text a voter could look up, so the voter may
   * have known which models answered (0 when policy.excludeReplayVotes leaves them out).
   */
  replayVotes: number | null;
  /** False when fewer than policy.minSliceVoters distinct people voted in the slice. */
  isShown: boolean;
  /** True when the slice is not shown for want of voters: its counts are withheld (the same as !isShown). */
  belowMinimum: boolean;
  /** Rated rows by rating, then rows with too few votes by votes. */
  rows: LeaderboardRow[];
  pairwise: Pairwise;
  policy: Policy;
  /** Style coefficients when style control is on (method.style "control"), else null. */
  style: StyleSummary | null;
  /** How the numbers were computed: the fit, the interval method, and the voters the intervals cluster on. */
  method: { name: string; interval: IntervalMethod; style: StyleMode; voters: number };
  /**
   * Votes left out of every leaderboard, by reason, over all votes (not only this slice): a
   * response named a roster model or organization, an admin excluded the voter after review, the
   * battle showed a replay answer (policy.excludeReplayVotes), or the voter had not verified their
   * email (policy.requireVerifiedEmail). Each vote counts under its first reason only.
   */
  excludedVotes: ExcludedVotes;
  /** Which rows are on the board: public only (the default) or every visibility; deprecated shown or hidden. */
  visibility: LeaderboardVisibility;
  deprecated: DeprecatedRows;
  /** Deprecated models rated or listed in this slice but hidden (deprecated: "hide"). */
  hiddenDeprecated: number;
  /** Time of the latest vote in the slice (ISO), or null (always null for a slice that is not shown). */
  lastVoteAt: string | null;
}

/** Votes left out of every count, by reason (see Leaderboard.excludedVotes). */
export interface ExcludedVotes {
  identityLeak: number;
  excludedVoters: number;
  replay: number;
  unverifiedVoters: number;
  total: number;
}

export interface ModelInfo {
  id: string;
  name: string;
  displayName: string;
  organization: string;
  status: ModelStatus;
  visibility: Visibility;
}

export type LeaderboardVisibility = "public" | "all";
export type DeprecatedRows = "hide" | "show";

export interface LeaderboardOptions {
  /** "sandwich" (default): voter-clustered; "voter-bootstrap"; "vote-bootstrap" (FastChat's, for parity). */
  interval?: IntervalMethod;
  /** "none" (default) or "control": Bradley–Terry with style covariates (answer length, headers, lists, bold). */
  style?: StyleMode;
  /** "public" (default): only public models. "all": private-testing and withdrawn models too (tested-variant reports). */
  visibility?: LeaderboardVisibility;
  /** "hide" (default): deprecated models left out; "show": listed and marked. */
  deprecated?: DeprecatedRows;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

function toRow(
  fit: SliceRatingRow,
  model: ModelInfo,
  voters: number,
  unrated: UnratedReason | null,
  ranks: { best: number; worst: number } | null,
): LeaderboardRow {
  const isRated = unrated === null;
  return {
    modelId: model.id,
    name: model.name,
    displayName: model.displayName,
    organization: model.organization,
    status: model.status,
    visibility: model.visibility,
    rating: isRated ? fit.rating : null,
    lower: isRated ? fit.lower : null,
    upper: isRated ? fit.upper : null,
    se: isRated ? fit.se : null,
    rank: ranks?.best ?? null,
    rankWorst: ranks?.worst ?? null,
    unrated,
    votes: fit.battles,
    voters,
    wins: fit.wins,
    losses: fit.losses,
    ties: fit.ties,
    bothBad: fit.bothBad,
    winRate: share(fit.wins, fit.battles),
    tieRate: share(fit.ties, fit.battles),
    bothBadRate: share(fit.bothBad, fit.battles),
  };
}

/** Battle counts between every two models (symmetric), from the cells. */
function battleMatrix(cells: readonly PairCell[], n: number): number[][] {
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const c of cells) {
    m[c.a][c.b] += c.count;
    m[c.b][c.a] += c.count;
  }
  return m;
}

const NO_EXCLUDED: ExcludedVotes = { identityLeak: 0, excludedVoters: 0, replay: 0, unverifiedVoters: 0, total: 0 };

/**
 * Builds the leaderboard of a slice from its counts: identification, fit, intervals, rank ranges,
 * thresholds. The fit uses every counted vote of the slice (votes against private variants included,
 * so ratings do not depend on who is shown); rows and ranks are then limited to the models on this
 * board. A row is rated when the votes identify its rating and it has policy.minModelVotes votes.
 */
export function buildLeaderboard(
  filters: LeaderboardFilters,
  counts: SliceCounts,
  models: Map<string, ModelInfo>,
  policy: Policy,
  options: LeaderboardOptions = {},
  excludedVotes: Leaderboard["excludedVotes"] = NO_EXCLUDED,
): Leaderboard {
  const visibility = options.visibility ?? "public";
  const interval = options.interval ?? "sandwich";
  const deprecated = options.deprecated ?? "hide";
  const isListed = (id: string) => {
    const m = models.get(id);
    if (!m) return false;
    if (visibility === "public" && m.visibility !== "PUBLIC") return false;
    return deprecated === "show" || m.status !== "DEPRECATED";
  };
  const isShown = isSliceShown(counts, policy.minSliceVoters);
  const base: Leaderboard = {
    filters,
    slice: describeSlice(filters),
    votes: publicCount(counts.votes, isShown),
    voters: publicCount(counts.voters, isShown),
    demoVotes: publicCount(counts.demoVotes, isShown),
    replayVotes: publicCount(counts.replayVotes, isShown),
    isShown,
    belowMinimum: !isShown,
    rows: [],
    pairwise: { modelIds: [], winFraction: [], battles: [] },
    policy,
    style: null,
    method: { name: "Bradley–Terry (maximum likelihood)", interval, style: "none", voters: 0 },
    lastVoteAt: isShown ? (counts.lastVoteAt?.toISOString() ?? null) : null,
    excludedVotes,
    visibility,
    deprecated,
    hiddenDeprecated: 0,
  };
  if (!base.isShown) return base;

  // Style control has voter-clustered intervals only (no bootstrap of the style fit).
  const styled = options.style === "control" && counts.byVoter ? rateSliceWithStyle(counts.modelIds, counts.cells, counts.byVoter) : null;
  const fit = styled
    ? { rows: styled.rows, voters: styled.voters, method: "sandwich" as const }
    : rateSlice(
        { models: counts.modelIds, cells: counts.cells, votes: counts.byVoter },
        { method: interval, rounds: policy.bootstrapRounds, seed: policy.bootstrapSeed },
      );
  const fitted = fit.rows;
  const indexOf = new Map(counts.modelIds.map((id, i) => [id, i]));
  const voters = (id: string) => counts.modelVoters[indexOf.get(id)!] ?? 0;
  const isVisibleDeprecated = (id: string) =>
    models.get(id)?.status === "DEPRECATED" && (visibility === "all" || models.get(id)?.visibility === "PUBLIC");
  const hiddenDeprecated = deprecated === "hide" ? fitted.filter((r) => isVisibleDeprecated(r.model)).length : 0;
  const listed = fitted.filter((r) => isListed(r.model));
  const reasonOf = (r: SliceRatingRow): UnratedReason | null =>
    r.identification !== "rated" ? r.identification : r.battles < policy.minModelVotes ? "few-votes" : null;
  const rated = listed.filter((r) => reasonOf(r) === null);
  // Rank ranges among the rated rows shown: an unrated or unlisted model is not counted as better or worse.
  const ranks = rankRanges(rated.map((r) => ({ lower: r.lower!, upper: r.upper! })));
  const unrated = listed.filter((r) => reasonOf(r) !== null).sort((x, y) => y.battles - x.battles);
  const rows = [
    ...rated.map((r, i) => toRow(r, models.get(r.model)!, voters(r.model), null, ranks[i]!)),
    ...unrated.map((r) => toRow(r, models.get(r.model)!, voters(r.model), reasonOf(r), null)),
  ];

  const order = rated.map((r) => indexOf.get(r.model)!);
  const fractions = pairwiseWinFractions(counts.cells, counts.modelIds.length);
  const battles = battleMatrix(counts.cells, counts.modelIds.length);
  const pairwise: Pairwise = {
    modelIds: rated.map((r) => r.model),
    winFraction: order.map((i) => order.map((j) => (i === j ? null : fractions[i][j]))),
    battles: order.map((i) => order.map((j) => battles[i][j])),
  };
  const method = { ...base.method, interval: fit.method, style: styled ? ("control" as const) : ("none" as const), voters: fit.voters };
  return { ...base, method, style: styled?.style ?? null, rows, pairwise, hiddenDeprecated };
}
