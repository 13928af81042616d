import type { LeaderboardFilters } from "@/lib/filters";
import { REGION_CODES, isLanguageCode } from "@/lib/slices";

/** The leaderboard filters of a snapshot slice key. */
export function filtersOfSliceKey(key: string): LeaderboardFilters {
  if (key === "all") return {};
  const [kind, code] = key.split(":");
  if (kind === "region" && (REGION_CODES as readonly string[]).includes(code)) return { region: [code as (typeof REGION_CODES)[number]] };
  if (kind === "language" && isLanguageCode(code)) return { language: [code] };
  throw new Error(`Unknown snapshot slice key "${key}"`);
}

/** The slices a snapshot holds: all votes, each region, and each of `languages` (those with votes), sorted. */
export function snapshotSliceKeys(languages: readonly string[]): string[] {
  return ["all", ...REGION_CODES.map((r) => `region:${r}`), ...[...languages].sort().map((l) => `language:${l}`)];
}

/** "all" first, then regions, then languages, each alphabetically. */
export function sliceOrder(a: string, b: string): number {
  const rank = (k: string) => (k === "all" ? 0 : k.startsWith("region:") ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}
