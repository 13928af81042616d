import "server-only";
import { serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import { buildComparison, type AudienceComparison } from "@/lib/leaderboard/compare";
import { LruCache } from "@/lib/lru-cache";
import { getVoteIndex, type VoteIndex } from "@/lib/slice-index/vote-index";
import { getModelInfo, getRosterVersion } from "./leaderboard";
import { getPolicy } from "./policy";
import type { SliceCounts } from "./slice-counts";
import { countsFromIndex } from "./slice-source";

const comparisonCache = new LruCache<string, AudienceComparison>(100);
/**
 * A slice's counts by voter, kept for two slices (they hold each vote's record: 4 bytes a vote): the model page
 * compares every audience with everyone, whose counts are then read once.
 */
const countsCache = new LruCache<string, SliceCounts>(2);

function cachedCounts(index: VoteIndex, filters: LeaderboardFilters): SliceCounts {
  const key = JSON.stringify([serializeLeaderboardFilters(filters), index.version]);
  const cached = countsCache.get(key);
  if (cached) return cached;
  const counts = countsFromIndex(index, filters);
  countsCache.set(key, counts);
  return counts;
}

/**
 * Each model's rating difference between audiences A and B, tested with voter-clustered errors and
 * Benjamini–Hochberg across the models compared (see lib/leaderboard/compare). Cached like boards:
 * same votes, policy and roster give the same answer.
 */
export async function getComparison(a: LeaderboardFilters, b: LeaderboardFilters): Promise<AudienceComparison> {
  const [policy, index, roster] = await Promise.all([getPolicy(), getVoteIndex(), getRosterVersion()]);
  const key = JSON.stringify([serializeLeaderboardFilters(a), serializeLeaderboardFilters(b), index.version, policy, roster]);
  const cached = comparisonCache.get(key);
  if (cached) return cached;
  const counts = { a: cachedCounts(index, a), b: cachedCounts(index, b) };
  const models = await getModelInfo([...new Set([...counts.a.modelIds, ...counts.b.modelIds])]);
  const comparison = buildComparison({ a, b }, counts, models, policy);
  comparisonCache.set(key, comparison);
  return comparison;
}
