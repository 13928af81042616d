import "server-only";
import { db } from "@/lib/db";
import { LruCache } from "@/lib/lru-cache";
import { describeSlice, serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import type { ModelStatus, Visibility } from "@/lib/generated/prisma/enums";
import type { Policy } from "@/lib/policy";
import { computeLeaderboard, pairwiseWinFractions, rankByIntervals, type PairCell, type RatingRow } from "@/lib/rating";
import { getPolicy } from "./policy";
import { getVoteIndex } from "@/lib/slice-index/vote-index";
import { countsFromIndex } from "./slice-source";
import type { SliceCounts } from "./slice-counts";

export interface LeaderboardRow {
  modelId: string;
  name: string;
  displayName: string;
  organization: string;
  status: ModelStatus;
  /** PUBLIC on the public board; PRIVATE_TESTING and WITHDRAWN rows only with { visibility: "all" }. */
  visibility: Visibility;
  /** Null when the model has fewer than policy.minModelVotes votes in this slice. */
  rating: number | null;
  lower: number | null;
  upper: number | null;
  rank: number | null;
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

export interface Leaderboard {
  filters: LeaderboardFilters;
  slice: string;
  votes: number;
  voters: number;
  demoVotes: number;
  /** False when fewer than policy.minSliceVoters distinct people voted in the slice. */
  isShown: boolean;
  /** Rated rows by rating, then rows with too few votes by votes. */
  rows: LeaderboardRow[];
  pairwise: Pairwise;
  policy: Policy;
  method: { name: string; interval: string };
  /**
   * Votes left out of every leaderboard, by reason, over all votes (not only this slice): a
   * response named a roster model or organization, or an admin excluded the voter after review.
   */
  excludedVotes: { identityLeak: number; excludedVoters: number; total: number };
  /** Which rows are on the board: public only (the default) or every visibility; deprecated shown or hidden. */
  visibility: LeaderboardVisibility;
  deprecated: DeprecatedRows;
  /** Deprecated models rated or listed in this slice but hidden (deprecated: "hide"). */
  hiddenDeprecated: number;
  /** Time of the latest vote in the slice (ISO), or null. */
  lastVoteAt: string | null;
}

interface ModelInfo {
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
  /** "public" (default): only public models. "all": private-testing and withdrawn models too (tested-variant reports). */
  visibility?: LeaderboardVisibility;
  /** "hide" (default): deprecated models left out; "show": listed and marked. */
  deprecated?: DeprecatedRows;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

function toRow(fit: RatingRow, model: ModelInfo, voters: number, isRated: boolean, rank: number | null): LeaderboardRow {
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
    rank,
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

const NO_EXCLUDED = { identityLeak: 0, excludedVoters: 0, total: 0 };

/**
 * Builds the leaderboard of a slice from its counts: fit, intervals, ranks, thresholds. The fit
 * uses every counted vote of the slice (votes against private variants included, so ratings do
 * not depend on who is shown); rows and ranks are then limited to the models on this board.
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
  const deprecated = options.deprecated ?? "hide";
  const isListed = (id: string) => {
    const m = models.get(id);
    if (!m) return false;
    if (visibility === "public" && m.visibility !== "PUBLIC") return false;
    return deprecated === "show" || m.status !== "DEPRECATED";
  };
  const base: Leaderboard = {
    filters,
    slice: describeSlice(filters),
    votes: counts.votes,
    voters: counts.voters,
    demoVotes: counts.demoVotes,
    isShown: counts.voters >= policy.minSliceVoters && counts.votes > 0,
    rows: [],
    pairwise: { modelIds: [], winFraction: [], battles: [] },
    policy,
    method: { name: "Bradley–Terry (maximum likelihood)", interval: "95% bootstrap" },
    lastVoteAt: counts.lastVoteAt?.toISOString() ?? null,
    excludedVotes,
    visibility,
    deprecated,
    hiddenDeprecated: 0,
  };
  if (!base.isShown) return base;

  const fitted = computeLeaderboard({ models: counts.modelIds, cells: counts.cells }, { rounds: policy.bootstrapRounds, seed: policy.bootstrapSeed });
  const indexOf = new Map(counts.modelIds.map((id, i) => [id, i]));
  const voters = (id: string) => counts.modelVoters[indexOf.get(id)!] ?? 0;
  // Ranks are recomputed among the rated rows only: an unrated model is not shown as better.
  const isVisibleDeprecated = (id: string) => models.get(id)?.status === "DEPRECATED" && (visibility === "all" || models.get(id)?.visibility === "PUBLIC");
  const hiddenDeprecated = deprecated === "hide" ? fitted.filter((r) => isVisibleDeprecated(r.model)).length : 0;
  const listed = fitted.filter((r) => isListed(r.model));
  const rated = listed.filter((r) => r.battles >= policy.minModelVotes);
  const ranks = rankByIntervals(rated);
  const unrated = listed.filter((r) => r.battles < policy.minModelVotes).sort((x, y) => y.battles - x.battles);
  const rows = [
    ...rated.map((r, i) => toRow(r, models.get(r.model)!, voters(r.model), true, ranks[i])),
    ...unrated.map((r) => toRow(r, models.get(r.model)!, voters(r.model), false, null)),
  ];

  const order = rated.map((r) => indexOf.get(r.model)!);
  const fractions = pairwiseWinFractions(counts.cells, counts.modelIds.length);
  const battles = battleMatrix(counts.cells, counts.modelIds.length);
  const pairwise: Pairwise = {
    modelIds: rated.map((r) => r.model),
    winFraction: order.map((i) => order.map((j) => (i === j ? null : fractions[i][j]))),
    battles: order.map((i) => order.map((j) => battles[i][j])),
  };
  return { ...base, rows, pairwise, hiddenDeprecated };
}

const boardCache = new LruCache<string, Leaderboard>(200);

/** Roster facts for the given model ids. */
async function getModelInfo(ids: string[]): Promise<Map<string, ModelInfo>> {
  const models = await db().model.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, displayName: true, organization: true, status: true, visibility: true },
  });
  return new Map(models.map((m) => [m.id, m]));
}

/**
 * The Bradley–Terry leaderboard of one slice: the slice's pair counts are fitted by the rating
 * module with seeded bootstrap intervals, under the current data policy. Only counted votes
 * (no identity leaks, no excluded voters) enter; private-testing and withdrawn models are left
 * out unless options.visibility is "all", and deprecated models unless options.deprecated is "show".
 */
export async function getLeaderboard(filters: LeaderboardFilters, options: LeaderboardOptions = {}): Promise<Leaderboard> {
  const [policy, index, roster] = await Promise.all([getPolicy(), getVoteIndex(), getRosterVersion()]);
  // Same votes, policy, roster and options give the same board: a repeated slice is a cache hit.
  const key = JSON.stringify([serializeLeaderboardFilters(filters), index.version, policy, roster, options.visibility ?? "public", options.deprecated ?? "hide"]);
  const cached = boardCache.get(key);
  if (cached) return cached;
  const counts = countsFromIndex(index, filters);
  const { identityLeak, excludedVoter } = index.uncounted;
  const excluded = { identityLeak, excludedVoters: excludedVoter, total: identityLeak + excludedVoter };
  const board = buildLeaderboard(filters, counts, await getModelInfo(counts.modelIds), policy, options, excluded);
  boardCache.set(key, board);
  return board;
}

/** Changes whenever a model is added or edited (cache key). */
async function getRosterVersion(): Promise<string> {
  const [row] = await db().$queryRaw<{ v: string }[]>`SELECT count(*)::text || ':' || coalesce(max("updatedAt")::text, '') AS v FROM "Model"`;
  return row.v;
}

/** The deprecated toggle from a URL parameter: "show" shows deprecated models; anything else hides them. */
export function parseDeprecatedParam(value: string | string[] | null | undefined): DeprecatedRows {
  const v = Array.isArray(value) ? value[0] : value;
  return v === "show" ? "show" : "hide";
}
