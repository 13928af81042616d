import { describe, expect, it } from "vitest";
import { readFixtureBattles, toBattle } from "./__fixtures__/load-fastchat-fixture";
import { fitBradleyTerry } from "./__reference__/fit-bradley-terry";
import { aggregateBattles, computeLeaderboard, createRng, pairwiseWinFractions, type Battle, type Outcome, type RatingRow } from "./index";

const FLIPPED: Record<Outcome, Outcome> = { A: "B", B: "A", TIE: "TIE", BOTH_BAD: "BOTH_BAD" };
const battles2k = readFixtureBattles("battles-2k.jsonl.gz").map(toBattle);
const OPTIONS = { rounds: 100, seed: 1 };

function byModel(rows: RatingRow[]): Map<string, RatingRow> {
  return new Map(rows.map((row) => [row.model, row]));
}

function randomBattles(seed: number, count: number, models: string[], outcomes: Outcome[]): Battle[] {
  const rng = createRng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(rng() * items.length)] as T;
  return Array.from({ length: count }, () => {
    const modelA = pick(models);
    let modelB = pick(models);
    while (modelB === modelA) modelB = pick(models);
    return { modelA, modelB, outcome: pick(outcomes) };
  });
}

describe("swapping sides with the winner flipped", () => {
  const swapped = battles2k.map((b) => ({ modelA: b.modelB, modelB: b.modelA, outcome: FLIPPED[b.outcome] }));
  const original = aggregateBattles(battles2k);
  const mirrored = aggregateBattles(swapped);

  it("leaves the fit, the ratings and every count unchanged", () => {
    expect(mirrored.models).toEqual(original.models);
    const fitA = fitBradleyTerry(original.cells, original.models.length);
    const fitB = fitBradleyTerry(mirrored.cells, mirrored.models.length);
    fitA.forEach((r, m) => expect(fitB[m]).toBeCloseTo(r, 10));

    const before = byModel(computeLeaderboard(original, OPTIONS));
    const after = byModel(computeLeaderboard(mirrored, OPTIONS));
    for (const [model, row] of before) {
      const other = after.get(model);
      expect(other?.rating).toBeCloseTo(row.rating, 8);
      const { battles, wins, losses, ties, bothBad } = row;
      expect(other && [other.battles, other.wins, other.losses, other.ties, other.bothBad]).toEqual([battles, wins, losses, ties, bothBad]);
    }
  });

  it("leaves pairwise win fractions unchanged", () => {
    expect(pairwiseWinFractions(mirrored.cells, mirrored.models.length)).toEqual(
      pairwiseWinFractions(original.cells, original.models.length),
    );
  });

  it("leaves the bounds identical too (the bootstrap draws the fit's per-pair categories, which swapping does not change)", () => {
    const before = computeLeaderboard(original, OPTIONS);
    expect(computeLeaderboard(mirrored, OPTIONS)).toEqual(before);
  });
});

describe("all ties", () => {
  it.each([
    { name: "TIE only", outcomes: ["TIE"] as Outcome[] },
    { name: "TIE and BOTH_BAD", outcomes: ["TIE", "BOTH_BAD"] as Outcome[] },
  ])("$name: every model rates exactly the same, with a zero-width interval and rank 1", ({ outcomes }) => {
    const models = ["m1", "m2", "m3", "m4", "m5", "m6"];
    const rows = computeLeaderboard(aggregateBattles(randomBattles(3, 500, models, outcomes)), OPTIONS);
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.rating).toBeCloseTo(1000, 9);
      expect(row.lower).toBeCloseTo(1000, 9);
      expect(row.upper).toBeCloseTo(1000, 9);
      expect(row.rank).toBe(1);
      expect(row.wins + row.losses).toBe(0);
    }
  });
});

describe("determinism", () => {
  const input = aggregateBattles(battles2k);

  it("same input and seed give identical numbers", () => {
    expect(computeLeaderboard(input, OPTIONS)).toEqual(computeLeaderboard(input, OPTIONS));
  });

  it("the order of the battles does not matter", () => {
    const reversed = aggregateBattles([...battles2k].reverse());
    expect(computeLeaderboard(reversed, OPTIONS)).toEqual(computeLeaderboard(input, OPTIONS));
  });

  it("nor the order of the cells (as a database might return them), on the 20k fixture with its Poisson weights", () => {
    const large = aggregateBattles(readFixtureBattles("battles-20k.jsonl.gz").map(toBattle));
    const shuffled = { models: large.models, cells: [...large.cells].sort((x, y) => x.count - y.count || y.b - x.b) };
    const a = computeLeaderboard(large, OPTIONS);
    expect(computeLeaderboard(shuffled, OPTIONS)).toEqual(a);
    expect(computeLeaderboard(large, OPTIONS)).toEqual(a);
  });

  it("another seed moves only the bounds", () => {
    const a = computeLeaderboard(input, OPTIONS);
    const b = computeLeaderboard(input, { ...OPTIONS, seed: 2 });
    expect(b.map((row) => row.rating)).toEqual(a.map((row) => row.rating));
    expect(b.map((row) => row.lower)).not.toEqual(a.map((row) => row.lower));
  });
});

describe("scale", () => {
  const threeToOne = aggregateBattles([
    ...Array.from({ length: 3 }, () => ({ modelA: "x", modelB: "y", outcome: "A" as const })),
    { modelA: "y", modelB: "x", outcome: "A" as const },
  ]);

  it("400 points per factor of 10 in odds, averaging 1000: 3 wins to 1 is 400·log10(3) apart", () => {
    const [x, y] = computeLeaderboard(threeToOne, { rounds: 0, seed: 0 });
    expect((x?.rating ?? NaN) - (y?.rating ?? NaN)).toBeCloseTo(400 * Math.log10(3), 2);
    expect(((x?.rating ?? NaN) + (y?.rating ?? NaN)) / 2).toBeCloseTo(1000, 9);
  });

  it("honours base, scale and initRating", () => {
    const [x, y] = computeLeaderboard(threeToOne, { rounds: 0, seed: 0, base: 2, scale: 100, initRating: 1500 });
    expect((x?.rating ?? NaN) - (y?.rating ?? NaN)).toBeCloseTo(100 * Math.log2(3), 2);
    expect(((x?.rating ?? NaN) + (y?.rating ?? NaN)) / 2).toBeCloseTo(1500, 9);
  });

  it("an anchor pins one model in the fit and in every bootstrap round, keeping the differences", () => {
    const input = aggregateBattles(battles2k);
    const plain = byModel(computeLeaderboard(input, OPTIONS));
    const anchored = byModel(computeLeaderboard(input, { ...OPTIONS, anchor: { model: "model-003", rating: 1114 } }));
    const anchor = anchored.get("model-003");
    expect(anchor?.rating).toBeCloseTo(1114, 9);
    // as FastChat's scale_and_offset: intervals are then relative to the anchor, which has none of its own
    expect(anchor?.lower).toBeCloseTo(1114, 9);
    expect(anchor?.upper).toBeCloseTo(1114, 9);
    const shift = 1114 - (plain.get("model-003")?.rating ?? NaN);
    for (const [model, row] of plain) {
      expect(anchored.get(model)?.rating).toBeCloseTo(row.rating + shift, 8);
    }
  });

  it("an anchor naming an absent model is ignored (FastChat's behaviour)", () => {
    const input = aggregateBattles(battles2k);
    expect(computeLeaderboard(input, { ...OPTIONS, anchor: { model: "absent", rating: 1114 } })).toEqual(
      computeLeaderboard(input, OPTIONS),
    );
  });
});
