import { describe, expect, it } from "vitest";
import { rankByIntervals } from "./rank-by-intervals";

describe("rankByIntervals: 1 + models whose lower bound is strictly above my upper bound", () => {
  it.each([
    { name: "no rows", rows: [], ranks: [] },
    { name: "one row", rows: [{ lower: 990, upper: 1010 }], ranks: [1] },
    {
      name: "separated intervals rank 1, 2, 3",
      rows: [
        { lower: 1100, upper: 1120 },
        { lower: 1000, upper: 1020 },
        { lower: 900, upper: 920 },
      ],
      ranks: [1, 2, 3],
    },
    {
      name: "overlapping intervals share the rank",
      rows: [
        { lower: 1000, upper: 1050 },
        { lower: 990, upper: 1040 },
        { lower: 980, upper: 1030 },
      ],
      ranks: [1, 1, 1],
    },
    {
      name: "touching bounds are not 'above' (strict)",
      rows: [
        { lower: 1020, upper: 1040 },
        { lower: 1000, upper: 1020 },
      ],
      ranks: [1, 1],
    },
    {
      name: "ranks can skip: two models confidently above, one not",
      rows: [
        { lower: 1200, upper: 1220 },
        { lower: 1150, upper: 1210 },
        { lower: 1100, upper: 1160 },
        { lower: 1000, upper: 1120 },
      ],
      // third: only the first has lower 1200 > 1160 -> 2; fourth: 1200 and 1150 > 1120 -> 3
      ranks: [1, 1, 2, 3],
    },
    {
      name: "order of rows does not matter",
      rows: [
        { lower: 900, upper: 920 },
        { lower: 1100, upper: 1120 },
        { lower: 1000, upper: 1020 },
      ],
      ranks: [3, 1, 2],
    },
    {
      name: "equal intervals tie",
      rows: [
        { lower: 1000, upper: 1000 },
        { lower: 1000, upper: 1000 },
      ],
      ranks: [1, 1],
    },
  ])("$name", ({ rows, ranks }) => {
    expect(rankByIntervals(rows)).toEqual(ranks);
  });
});
