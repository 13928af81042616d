import { describe, expect, it } from "vitest";
import { aggregateBattles } from "./aggregate-battles";
import type { Battle } from "./types";

describe("aggregateBattles", () => {
  const battles: Battle[] = [
    { modelA: "zeta", modelB: "alpha", outcome: "A" },
    { modelA: "alpha", modelB: "zeta", outcome: "TIE" },
    { modelA: "zeta", modelB: "alpha", outcome: "A" },
    { modelA: "mid", modelB: "alpha", outcome: "BOTH_BAD" },
    { modelA: "alpha", modelB: "mid", outcome: "B" },
    { modelA: "same", modelB: "same", outcome: "A" },
  ];

  it("indexes models by name and counts distinct (a, b, outcome) cells, dropping self-battles", () => {
    expect(aggregateBattles(battles)).toEqual({
      models: ["alpha", "mid", "zeta"],
      cells: [
        { a: 0, b: 1, outcome: "B", count: 1 },
        { a: 0, b: 2, outcome: "TIE", count: 1 },
        { a: 1, b: 0, outcome: "BOTH_BAD", count: 1 },
        { a: 2, b: 0, outcome: "A", count: 2 },
      ],
    });
  });

  it("does not depend on the order of the battles", () => {
    expect(aggregateBattles([...battles].reverse())).toEqual(aggregateBattles(battles));
  });

  it("keeps the total battle count", () => {
    const { cells } = aggregateBattles(battles);
    expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(5);
  });

  it("handles no battles", () => {
    expect(aggregateBattles([])).toEqual({ models: [], cells: [] });
  });
});
