import { describe, expect, it } from "vitest";
import type { Leaderboard, LeaderboardRow } from "./build";
import type { AudienceComparison } from "./compare";
import { compareSlices } from "./compare-slices";

const row = (id: string, rating: number | null, rank: number | null = 1, rankWorst: number | null = rank): LeaderboardRow =>
  ({
    modelId: id,
    name: id,
    displayName: id.toUpperCase(),
    organization: "Org",
    rating,
    lower: rating === null ? null : rating - 20,
    upper: rating === null ? null : rating + 20,
    rank: rating === null ? null : rank,
    rankWorst: rating === null ? null : rankWorst,
    votes: 100,
  }) as LeaderboardRow;
const board = (rows: LeaderboardRow[], isShown = true) => ({ isShown, rows }) as unknown as Leaderboard;
const comparison = (differences: Record<string, number>) =>
  ({
    models: Object.entries(differences).map(([modelId, difference]) => ({
      modelId,
      difference,
      lower: difference - 30,
      upper: difference + 30,
      p: 0.01,
      q: 0.02,
      significant: Math.abs(difference) > 30,
    })),
  }) as unknown as AudienceComparison;

describe("compareSlices", () => {
  const a = board([row("p", 1100, 1, 2), row("q", 1050, 1, 3), row("r", 1000, 3), row("s", 950, 4), row("t", null)]);
  const b = board([row("p", 1090), row("q", 1120), row("r", 900), row("s", 960), row("t", null), row("u", 1010)]);
  const tested = comparison({ p: -10, q: 70, r: -100, s: 10 });

  it("sorts by the size of the difference, either way, then the untested models by A's rating, then B's", () => {
    expect(compareSlices(a, b, tested, "difference").map((r) => r.modelId)).toEqual(["r", "q", "p", "s", "u", "t"]);
  });

  it("sorts by A's rating on request, unrated in A last (by B's rating)", () => {
    expect(compareSlices(a, b, tested, "a").map((r) => r.modelId)).toEqual(["p", "q", "r", "s", "u", "t"]);
  });

  it("keeps each side's rank range, and says why a side has no rating", () => {
    const rows = new Map(compareSlices(a, b, tested, "difference").map((r) => [r.modelId, r]));
    expect(rows.get("q")!.a).toMatchObject({ state: "rated", rank: 1, rankWorst: 3 });
    expect(rows.get("u")!.a).toEqual({ state: "not_enough_votes", votes: 0 });
    expect(rows.get("t")!.b).toEqual({ state: "not_enough_votes", votes: 100 });
    expect(compareSlices(board([], false), b, comparison({}), "a")[0]!.a).toEqual({ state: "slice_too_small" });
    expect(rows.get("r")!.test).toMatchObject({ difference: -100, significant: true });
    expect(rows.get("u")!.test).toBeNull();
  });
});
