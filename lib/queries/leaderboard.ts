import "server-only";
import { db } from "@/lib/db";
import { LruCache } from "@/lib/lru-cache";
import { serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import { buildLeaderboard, type ExcludedVotes, type Leaderboard, type LeaderboardOptions, type ModelInfo } from "@/lib/leaderboard/build";
import type { Uncounted } from "@/lib/slice-index/counting-rules";
import { getPolicy } from "./policy";
import { getVoteIndex } from "@/lib/slice-index/vote-index";
import { countsFromIndex } from "./slice-source";

export type {
  DeprecatedRows,
  ExcludedVotes,
  Leaderboard,
  LeaderboardOptions,
  LeaderboardRow,
  LeaderboardVisibility,
  Pairwise,
  StyleMode,
  UnratedReason,
} from "@/lib/leaderboard/build";

const boardCache = new LruCache<string, Leaderboard>(200);

/** Roster facts for the given model ids. */
export async function getModelInfo(ids: string[]): Promise<Map<string, ModelInfo>> {
  const models = await db().model.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, displayName: true, organization: true, status: true, visibility: true },
  });
  return new Map(models.map((m) => [m.id, m]));
}

/**
 * The Bradley–Terry leaderboard of one slice: the slice's votes are fitted by the rating module
 * with voter-clustered intervals (or the bootstrap options.interval names), under the current
 * data policy. Only counted votes
 * (no identity leaks, no excluded voters) enter; private-testing and withdrawn models are left
 * out unless options.visibility is "all", and deprecated models unless options.deprecated is "show".
 */
export async function getLeaderboard(filters: LeaderboardFilters, options: LeaderboardOptions = {}): Promise<Leaderboard> {
  const [policy, index, roster] = await Promise.all([getPolicy(), getVoteIndex(), getRosterVersion()]);
  // Same votes, policy, roster and options give the same board: a repeated slice is a cache hit.
  const key = JSON.stringify([
    serializeLeaderboardFilters(filters),
    index.version,
    policy,
    roster,
    options.visibility ?? "public",
    options.deprecated ?? "hide",
    options.interval ?? "sandwich",
    options.style ?? "none",
  ]);
  const cached = boardCache.get(key);
  if (cached) return cached;
  const counts = countsFromIndex(index, filters, options.style === "control" ? "style" : "votes");
  const excluded = excludedVotesOf(index.uncounted);
  const board = buildLeaderboard(filters, counts, await getModelInfo(counts.modelIds), policy, options, excluded);
  boardCache.set(key, board);
  return board;
}

/** The votes the index left out, by reason, in the leaderboard's terms. */
export function excludedVotesOf(uncounted: Uncounted): ExcludedVotes {
  const { identityLeak, excludedVoter, replay, unverifiedVoter } = uncounted;
  return {
    identityLeak,
    excludedVoters: excludedVoter,
    replay,
    unverifiedVoters: unverifiedVoter,
    total: identityLeak + excludedVoter + replay + unverifiedVoter,
  };
}

/** Changes whenever a model is added or edited (cache key). */
export async function getRosterVersion(): Promise<string> {
  const [row] = await db().$queryRaw<
    { v: string }[]
  >`SELECT count(*)::text || ':' || coalesce(max("updatedAt")::text, '') AS v FROM "Model"`;
  return row.v;
}
