import { serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import { SHOWCASE_AUDIENCE } from "@/lib/demo/preferences";

/**
 * The comparison page's audiences when the URL names none: side A the README's example (25–34 year-olds in Brazil
 * writing in Portuguese, whose built-in demo preference for Llama 3.1 70B shows as a clear difference), side B all
 * voters. The page redirects to them, so the URL stays the one source of truth for both sides.
 */
export const DEFAULT_COMPARISON: { a: LeaderboardFilters; b: LeaderboardFilters } = {
  a: { country: [SHOWCASE_AUDIENCE.country], age: [...SHOWCASE_AUDIENCE.age], language: [SHOWCASE_AUDIENCE.language] },
  b: {},
};

const prefixed = (filters: LeaderboardFilters, prefix: string) => {
  const query = serializeLeaderboardFilters(filters);
  return query ? query.split("&").map((kv) => `${prefix}${kv}`) : [];
};

/**
 * Where to send a comparison request that names no audience on either side (no "a." or "b." parameter): the default
 * audiences, keeping the request's other parameters (the sort). Null when the request names an audience.
 */
export function defaultComparisonHref(params: Record<string, string | string[] | undefined>): string | null {
  const keys = Object.keys(params);
  if (keys.some((k) => k.startsWith("a.") || k.startsWith("b."))) return null;
  const others = keys.flatMap((k) => [params[k] ?? []].flat().map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
  return `/leaderboard/compare?${[...prefixed(DEFAULT_COMPARISON.a, "a."), ...prefixed(DEFAULT_COMPARISON.b, "b."), ...others].join("&")}`;
}
