import "server-only";
import { db } from "@/lib/db";
import { LIST_KEYS, parseLeaderboardFilters, type ListKey } from "@/lib/filters";
import {
  audienceRating,
  groupAudiences,
  headToHeadRecords,
  type AudienceGroup,
  type HeadToHead,
  type ModelFacts,
  type ModelProfile,
} from "@/lib/leaderboard/model-profile";
import type { Policy } from "@/lib/policy";
import { getComparison } from "./compare";
import { getLeaderboard } from "./leaderboard";
import { getVoteIndex } from "@/lib/slice-index/vote-index";
import { listSliceValues } from "./slice-values";
import { countsFromIndex } from "./slice-source";
import { getRatingHistory } from "./snapshots";

/** Slices fitted at once: each is a few small queries plus a bootstrap, so a handful keeps the pool free for others. */
const SLICE_CONCURRENCY = 4;

/** Maps `items` through `fn`, at most `limit` at a time, keeping order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The model's rating in each attribute value big enough to be shown (at least policy.minSliceVoters voters
 * and policy.minModelVotes votes): one leaderboard per value, a few at a time. Smaller values are only counted.
 * The slowest part of a model page on a cold cache (every audience's fit and test; later model pages reuse them),
 * so the page streams it in after the overall rating.
 */
export async function getModelAudiences(modelId: string, overall: number | null, policy: Policy): Promise<AudienceGroup[]> {
  const values = await listSliceValues();
  const candidates = LIST_KEYS.flatMap((key) =>
    values[key]
      .filter((v) => v.voters >= policy.minSliceVoters && v.votes >= policy.minModelVotes)
      .flatMap((v) => {
        // The stored value passes the same schema as a URL filter; anything else is skipped, not guessed at.
        const { filters, problems } = parseLeaderboardFilters({ [key]: v.value });
        return problems.length ? [] : [{ key, value: v.value, filters }];
      }),
  );
  const ratings = await mapLimited(candidates, SLICE_CONCURRENCY, async (c) => {
    // the audience (B) against everyone (A): B − A is this audience's difference from the overall rating
    const [board, comparison] = await Promise.all([getLeaderboard(c.filters, { deprecated: "show" }), getComparison({}, c.filters)]);
    const tested = comparison.models.find((m) => m.modelId === modelId);
    return audienceRating(c.key, c.value, board, modelId, overall, tested);
  });
  return groupAudiences(
    ratings,
    LIST_KEYS,
    Object.fromEntries(LIST_KEYS.map((key) => [key, values[key].length])) as Record<ListKey, number>,
  );
}

/**
 * Overall wins, losses, ties and both-bad against every public model it has met, from the whole board's pair counts
 * in the vote index (every vote counts, as on the leaderboard), with the rating module's win fraction.
 */
async function getHeadToHead(modelId: string, order: readonly string[]): Promise<HeadToHead[]> {
  const [all, opponents] = await Promise.all([
    getVoteIndex().then((index) => countsFromIndex(index, {})),
    // Private-testing and withdrawn variants are never named on public pages.
    db().model.findMany({ where: { id: { not: modelId }, visibility: "PUBLIC" }, select: { id: true, name: true, displayName: true } }),
  ]);
  return headToHeadRecords(all, modelId, opponents, order);
}

/**
 * A public model's roster facts by its name (one indexed lookup), or null for an unknown name or a
 * private-testing or withdrawn variant (those have no public page).
 */
export async function getModelFacts(name: string): Promise<ModelFacts | null> {
  return db().model.findUnique({
    where: { name, visibility: "PUBLIC" },
    select: { id: true, name: true, displayName: true, organization: true, license: true, status: true },
  });
}

/**
 * What the model page shows first: roster facts, the overall leaderboard row, its head-to-head record and its
 * published rating history (its audiences come from getModelAudiences). Null for an unknown name.
 */
export async function getModelProfile(name: string): Promise<ModelProfile | null> {
  const model = await getModelFacts(name);
  if (!model) return null;
  // A deprecated model keeps its page and its scores (no retraction).
  const board = await getLeaderboard({}, { deprecated: "show" });
  const overall = board.rows.find((r) => r.modelId === model.id) ?? null;
  const [headToHead, history] = await Promise.all([
    // Head-to-head records are counts too: none while the whole board is under the voter minimum.
    board.isShown
      ? getHeadToHead(
          model.id,
          board.rows.map((r) => r.modelId),
        )
      : Promise.resolve([]),
    getRatingHistory(model.id, "all"),
  ]);
  return {
    model,
    overall,
    overallRatedModels: board.rows.filter((r) => r.rating !== null).length,
    overallVoters: board.voters,
    replayVotes: board.replayVotes,
    policy: board.policy,
    headToHead,
    history,
  };
}
