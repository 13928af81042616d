import type { AudienceComparison, ComparedModel } from "./compare";
import type { Leaderboard, LeaderboardRow } from "./build";

export type ComparisonSort = "difference" | "a";

/** One model in one audience: rated, listed with too few votes, or in a slice too small to show. */
export type SideStanding =
  | { state: "rated"; rating: number; lower: number; upper: number; rank: number; rankWorst: number | null; votes: number }
  | { state: "not_enough_votes"; votes: number }
  | { state: "slice_too_small" };

export interface ComparisonRow {
  modelId: string;
  name: string;
  displayName: string;
  organization: string;
  a: SideStanding;
  b: SideStanding;
  /**
   * The tested difference B − A of the model's ratings, centred over the models compared, with its 95% interval,
   * p and Benjamini–Hochberg q; null unless the model is rated in both audiences.
   */
  test: Pick<ComparedModel, "difference" | "lower" | "upper" | "p" | "q" | "significant"> | null;
  difference: number | null;
}

function standing(board: Leaderboard, row: LeaderboardRow | undefined): SideStanding {
  if (!board.isShown) return { state: "slice_too_small" };
  if (!row || row.rating === null) return { state: "not_enough_votes", votes: row?.votes ?? 0 };
  return {
    state: "rated",
    rating: row.rating,
    lower: row.lower!,
    upper: row.upper!,
    rank: row.rank!,
    rankWorst: row.rankWorst,
    votes: row.votes,
  };
}

const ratingOf = (s: SideStanding) => (s.state === "rated" ? s.rating : -Infinity);

/**
 * Every model of either leaderboard with its standing in A and in B. Sorted by the size of the difference (|B − A|,
 * largest first, so the widest gaps in either direction lead) or by A's rating; models without a difference, or
 * without a rating in A, follow in rating order.
 */
export function compareSlices(a: Leaderboard, b: Leaderboard, comparison: AudienceComparison, sort: ComparisonSort): ComparisonRow[] {
  const tests = new Map(comparison.models.map((m) => [m.modelId, m]));
  const rowsA = new Map(a.rows.map((r) => [r.modelId, r]));
  const rowsB = new Map(b.rows.map((r) => [r.modelId, r]));
  const models = new Map([...b.rows, ...a.rows].map((r) => [r.modelId, r]));
  const rows = [...models.values()].map((m): ComparisonRow => {
    const sa = standing(a, rowsA.get(m.modelId));
    const sb = standing(b, rowsB.get(m.modelId));
    const test = tests.get(m.modelId);
    return {
      modelId: m.modelId,
      name: m.name,
      displayName: m.displayName,
      organization: m.organization,
      a: sa,
      b: sb,
      test: test
        ? { difference: test.difference, lower: test.lower, upper: test.upper, p: test.p, q: test.q, significant: test.significant }
        : null,
      difference: test?.difference ?? null,
    };
  });
  // A missing value sorts as -Infinity; two missing give NaN, which is falsy, so `||` falls through to the next key.
  const byRatings = (x: ComparisonRow, y: ComparisonRow) =>
    ratingOf(y.a) - ratingOf(x.a) || ratingOf(y.b) - ratingOf(x.b) || x.displayName.localeCompare(y.displayName);
  const size = (r: ComparisonRow) => (r.difference === null ? -Infinity : Math.abs(r.difference));
  const byDifference = (x: ComparisonRow, y: ComparisonRow) => size(y) - size(x) || byRatings(x, y);
  return rows.sort(sort === "difference" ? byDifference : byRatings);
}
