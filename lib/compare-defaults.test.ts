import { describe, expect, it } from "vitest";
import { parseLeaderboardFilters } from "@/lib/filters";
import { pickPrefixed } from "@/components/leaderboard/prefixed-filters";
import { DEFAULT_COMPARISON, defaultComparisonHref } from "./compare-defaults";

describe("the comparison's default audiences", () => {
  it("sends a request with no audience to the README's example versus all voters", () => {
    const href = defaultComparisonHref({})!;
    expect(href).toBe("/leaderboard/compare?a.country=BR&a.age=25-34&a.language=pt");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseLeaderboardFilters(pickPrefixed(params, "a.")).filters).toEqual(DEFAULT_COMPARISON.a);
    expect(parseLeaderboardFilters(pickPrefixed(params, "b.")).filters).toEqual({});
  });

  it("keeps the other parameters and leaves requests that name an audience alone", () => {
    expect(defaultComparisonHref({ sort: "a" })).toBe("/leaderboard/compare?a.country=BR&a.age=25-34&a.language=pt&sort=a");
    expect(defaultComparisonHref({ "a.region": "europe" })).toBeNull();
    expect(defaultComparisonHref({ "b.language": ["en"], sort: "difference" })).toBeNull();
  });
});
