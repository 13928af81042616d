import { describe, expect, it } from "vitest";
import { bootstrapRatings } from "./__reference__/bootstrap";
import { fitBradleyTerry } from "./__reference__/fit-bradley-terry";
import { createRng } from "./rng";
import { scaleRatings } from "./scale-ratings";
import type { PairCell } from "./types";

describe("fitBradleyTerry", () => {
  it.each([
    { wins: 3, losses: 1, ties: 0 },
    { wins: 9, losses: 1, ties: 0 },
    { wins: 2, losses: 2, ties: 6 },
    { wins: 5, losses: 1, ties: 4 },
  ])("two models, $wins-$losses with $ties ties: r_x − r_y = log10(score / (n − score))", ({ wins, losses, ties }) => {
    const cells: PairCell[] = [
      { a: 0, b: 1, outcome: "A", count: wins },
      { a: 1, b: 0, outcome: "A", count: losses },
      { a: 0, b: 1, outcome: "TIE", count: ties },
    ];
    const score = wins + ties / 2;
    const [x = NaN, y = NaN] = fitBradleyTerry(cells, 2);
    expect(x - y).toBeCloseTo(Math.log10(score / (wins + losses + ties - score)), 4);
    expect(x + y).toBeCloseTo(0, 12);
  });

  it("a base only rescales the strengths", () => {
    const cells: PairCell[] = [
      { a: 0, b: 1, outcome: "A", count: 5 },
      { a: 1, b: 2, outcome: "A", count: 4 },
      { a: 2, b: 0, outcome: "A", count: 2 },
      { a: 1, b: 0, outcome: "A", count: 2 },
    ];
    const base10 = fitBradleyTerry(cells, 3, 10);
    const baseE = fitBradleyTerry(cells, 3, Math.E);
    base10.forEach((r, m) => expect(baseE[m]).toBeCloseTo(r * Math.log(10), 4));
  });
});

describe("scaleRatings", () => {
  it("maps r to initRating + scale·(r − mean r)", () => {
    expect(Array.from(scaleRatings([0.5, -0.25, -0.25]))).toEqual([1200, 900, 900]);
    expect(Array.from(scaleRatings([1, 2], 100, 0))).toEqual([-50, 50]);
    expect(Array.from(scaleRatings([]))).toEqual([]);
  });

  it("an anchor shifts everything so the anchor model has its rating", () => {
    expect(Array.from(scaleRatings([0.5, -0.25, -0.25], 400, 1000, { index: 1, rating: 1114 }))).toEqual([1414, 1114, 1114]);
  });
});

describe("bootstrapRatings", () => {
  const cells: PairCell[] = [
    { a: 0, b: 1, outcome: "A", count: 30 },
    { a: 1, b: 0, outcome: "A", count: 20 },
    { a: 1, b: 2, outcome: "TIE", count: 10 },
    { a: 2, b: 1, outcome: "B", count: 15 },
  ];

  it("returns rounds × models ratings averaging initRating", () => {
    const samples = bootstrapRatings(cells, 3, 20, createRng(4));
    expect(samples).toHaveLength(20);
    for (const round of samples) {
      expect(round).toHaveLength(3);
      expect(Array.from(round).reduce((s, x) => s + x, 0) / 3).toBeCloseTo(1000, 9);
    }
  });

  it("is reproducible from the rng and varies between rounds", () => {
    const a = bootstrapRatings(cells, 3, 10, createRng(4));
    expect(bootstrapRatings(cells, 3, 10, createRng(4))).toEqual(a);
    expect(a[0]).not.toEqual(a[1]);
  });

  it("zero rounds give an empty matrix", () => {
    expect(bootstrapRatings(cells, 3, 0, createRng(4))).toEqual([]);
  });
});
