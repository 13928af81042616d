import { describe, expect, it } from "vitest";
import { pairwiseWinFractions } from "./pairwise-win-fractions";
import type { PairCell } from "./types";

describe("pairwiseWinFractions", () => {
  it("counts wins on either side and ties or both-bad as half; null where models never met", () => {
    const cells: PairCell[] = [
      { a: 0, b: 1, outcome: "A", count: 3 },
      { a: 1, b: 0, outcome: "A", count: 1 },
      { a: 1, b: 0, outcome: "TIE", count: 2 },
      { a: 0, b: 1, outcome: "BOTH_BAD", count: 2 },
    ];
    // model 0 vs 1: 3 wins, 1 loss, 4 half-wins over 8 battles -> 5/8
    expect(pairwiseWinFractions(cells, 3)).toEqual([
      [null, 5 / 8, null],
      [3 / 8, null, null],
      [null, null, null],
    ]);
  });

  it("row and column are complementary", () => {
    const cells: PairCell[] = [
      { a: 0, b: 1, outcome: "B", count: 7 },
      { a: 2, b: 1, outcome: "TIE", count: 1 },
      { a: 2, b: 0, outcome: "A", count: 4 },
      { a: 0, b: 2, outcome: "A", count: 1 },
    ];
    const matrix = pairwiseWinFractions(cells, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const forward = matrix[i]?.[j];
        const backward = matrix[j]?.[i];
        if (forward === null || backward === null) expect(forward).toBe(backward);
        else expect((forward ?? NaN) + (backward ?? NaN)).toBeCloseTo(1, 12);
      }
    }
  });

  it("is empty for no models", () => {
    expect(pairwiseWinFractions([], 0)).toEqual([]);
  });
});
