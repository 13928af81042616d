import { FILTER_KEYS, serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The filter parameters of one side of a comparison, with the prefix removed: `a.region=europe` -> `region=europe`
 * for prefix "a.". The result goes to parseLeaderboardFilters as is, so both sides are validated like the leaderboard.
 */
export function pickPrefixed(params: RawParams, prefix: string): Record<string, string[]> {
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) => [v ?? []].flat().map((x): [string, string] => [k, x]));
  const picked: Record<string, string[]> = {};
  for (const [key, value] of entries) {
    if (!key.startsWith(prefix)) continue;
    const bare = key.slice(prefix.length);
    if ((FILTER_KEYS as readonly string[]).includes(bare)) (picked[bare] ??= []).push(value);
  }
  return picked;
}

/** Query parameters of a filter set under a prefix, in the leaderboard's canonical form: `a.region=europe,asia`. */
export function prefixedEntries(filters: LeaderboardFilters, prefix: string): [string, string][] {
  return [...new URLSearchParams(serializeLeaderboardFilters(filters)).entries()].map(([k, v]) => [`${prefix}${k}`, v]);
}

/** A query string from entries, keeping commas readable as serializeLeaderboardFilters does. */
export function toQuery(entries: [string, string][]): string {
  return new URLSearchParams(entries).toString().replace(/%2C/g, ",");
}
