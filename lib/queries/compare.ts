import "server-only";
import { serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import { buildComparison, type AudienceComparison } from "@/lib/leaderboard/compare";
import { LruCache } from "@/lib/lru-cache";
import { getVoteIndex } from "@/lib/slice-index/vote-index";
import { getModelInfo, getRosterVersion } from "./leaderboard";
import { getPolicy } from "./policy";
import { countsFromIndex } from "./slice-source";

const comparisonCache = new LruCache<string, AudienceComparison>(100);

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
  const counts = { a: countsFromIndex(index, a), b: countsFromIndex(index, b) };
  const models = await getModelInfo([...new Set([...counts.a.modelIds, ...counts.b.modelIds])]);
  const comparison = buildComparison({ a, b }, counts, models, policy);
  comparisonCache.set(key, comparison);
  return comparison;
}
