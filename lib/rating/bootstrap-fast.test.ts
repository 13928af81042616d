import { describe, expect, it } from "vitest";
import { readFixtureBattles, toBattle } from "./__fixtures__/load-fastchat-fixture";
import { bootstrapPairs, bootstrapRatingsFast } from "./bootstrap-fast";
import { collectPairs, pairScores, type PairCounts } from "./cells";
import { fitPairs } from "./fit";
import { createRefitter } from "./refit";
import { bootstrapRatings } from "./__reference__/bootstrap";
import { fitBradleyTerry } from "./__reference__/fit-bradley-terry";
import { aggregateBattles, createRng, quantile, scaleRatings } from "./index";
import { createMultinomialSampler } from "./multinomial-sampler";
import { UniformStream } from "./rng";
import type { Battle, Outcome, PairCell } from "./types";

const battles20k = aggregateBattles(readFixtureBattles("battles-20k.jsonl.gz").map(toBattle));

function randomBattles(seed: number, count: number, nModels: number): Battle[] {
  const rng = createRng(seed);
  const strength = Array.from({ length: nModels }, () => 3 * (rng() - 0.5));
  return Array.from({ length: count }, () => {
    const a = Math.floor(rng() * nModels);
    let b = Math.floor(rng() * nModels);
    while (b === a) b = Math.floor(rng() * nModels);
    const u = rng();
    const aWins = rng() < 1 / (1 + 10 ** (strength[b]! - strength[a]!));
    const outcome: Outcome = u < 0.2 ? "TIE" : u < 0.3 ? "BOTH_BAD" : aWins ? "A" : "B";
    return { modelA: `m${a}`, modelB: `m${b}`, outcome };
  });
}

function columns(rows: Float64Array[], nModels: number): number[][] {
  return Array.from({ length: nModels }, (_, m) => rows.map((row) => row[m]!).sort((x, y) => x - y));
}

describe("bootstrapRatingsFast is FastChat's bootstrap in distribution (20k fixture, 1000 rounds each)", () => {
  const { models, cells } = battles20k;
  const n = models.length;
  const exact = columns(bootstrapRatings(cells, n, 1000, createRng(5)), n);
  const fast = columns(bootstrapRatingsFast(cells, n, 1000, 6), n);
  const point = scaleRatings(fitBradleyTerry(cells, n));
  const sd = (values: number[]) => {
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    return Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1));
  };

  // Monte Carlo: a 2.5% quantile of 1000 rounds has sd ≈ 0.085 of the rating's sd (~8 points here), so two
  // independent bootstraps differ by ~0.9 points (sd) on a bound; 4 points is > 4 sd.
  it("95% bounds within 4 points of each other", () => {
    for (let m = 0; m < n; m++) {
      expect(Math.abs(quantile(fast[m]!, 0.025) - quantile(exact[m]!, 0.025))).toBeLessThan(4);
      expect(Math.abs(quantile(fast[m]!, 0.975) - quantile(exact[m]!, 0.975))).toBeLessThan(4);
    }
  });

  it("the same spread: average standard deviation within 3%", () => {
    const mean = (values: number[]) => values.reduce((s, x) => s + x, 0) / values.length;
    const ratio = mean(fast.map(sd)) / mean(exact.map(sd));
    expect(Math.abs(ratio - 1)).toBeLessThan(0.03);
  });

  // the median of 1000 rounds has sd ≈ 1.25·8/√1000 ≈ 0.3 points
  it("median bootstrap rating at the point rating: within 0.5 points on average, 1.5 at most", () => {
    const gaps = point.map((rating, m) => Math.abs(quantile(fast[m]!, 0.5) - rating));
    expect(gaps.reduce((s, x) => s + x, 0) / n).toBeLessThan(0.5);
    expect(Math.max(...gaps)).toBeLessThan(1.5);
  });
});

/** Runs `rounds` multinomial resamples of `pairs` through the refitter and through Newton; the largest centred difference. */
function refitError(pairs: PairCounts, rounds: number, seed: number): { maxDifference: number; handedOver: number } {
  const n = pairs.nModels;
  const nPairs = pairs.i.length;
  const alpha = Math.log(10);
  const total = new Float64Array(nPairs);
  const scoreI = new Float64Array(nPairs);
  pairScores(pairs.winsI, pairs.winsJ, pairs.draws, total, scoreI);
  const last: { factor: Float64Array | null } = { factor: null };
  const start = fitPairs(pairs, total, scoreI, alpha, undefined, last);
  const counts = new Float64Array(3 * nPairs);
  for (let p = 0; p < nPairs; p++) counts.set([pairs.winsI[p]!, pairs.winsJ[p]!, pairs.draws[p]!], 3 * p);
  const refit = createRefitter(pairs, counts, alpha, start, last.factor);
  const sample = createMultinomialSampler(counts, rounds);
  const source = new UniformStream(seed);
  const draws = new Float64Array(3 * nPairs);
  const strengths = new Float64Array(n);
  const centred = (r: ArrayLike<number>) => {
    const mean = Array.from(r).reduce((s, x) => s + x, 0) / n;
    return Array.from(r, (x) => x - mean);
  };
  let maxDifference = 0;
  let handedOver = 0;
  for (let round = 0; round < rounds; round++) {
    if (refit(sample(source, draws), strengths) < 0) handedOver++;
    pairScores(
      draws.filter((_, k) => k % 3 === 0),
      draws.filter((_, k) => k % 3 === 1),
      draws.filter((_, k) => k % 3 === 2),
      total,
      scoreI,
    );
    const newton = centred(fitPairs(pairs, total, scoreI, alpha, start));
    centred(strengths).forEach((x, m) => (maxDifference = Math.max(maxDifference, Math.abs(x - newton[m]!))));
  }
  return { maxDifference, handedOver };
}

describe("every bootstrap round is the refit, to the fit's tolerance", () => {
  it.each<{ name: string; cells: PairCell[]; n: number }>([
    { name: "20k fixture", ...withN(battles20k) },
    { name: "sparse: 60 models, 900 battles", ...withN(aggregateBattles(randomBattles(1, 900, 60))) },
    {
      name: "tiny: 6 models, 40 battles (never-won and never-lost models, resamples that drop them)",
      ...withN(aggregateBattles(randomBattles(2, 40, 6))),
    },
    {
      name: "two disconnected groups, one unbeaten model",
      ...withN(
        aggregateBattles([
          ...Array.from({ length: 5 }, (): Battle => ({ modelA: "top", modelB: "mid", outcome: "A" })),
          ...Array.from({ length: 3 }, (): Battle => ({ modelA: "mid", modelB: "low", outcome: "A" })),
          ...Array.from({ length: 2 }, (): Battle => ({ modelA: "low", modelB: "mid", outcome: "TIE" })),
          ...Array.from({ length: 4 }, (): Battle => ({ modelA: "x", modelB: "y", outcome: "B" })),
        ]),
      ),
    },
  ])("$name: within 1e-6 (natural units, 0.0004 rating points) of Newton on each resample", ({ cells, n }) => {
    const { maxDifference } = refitError(collectPairs(cells, n), 60, 3);
    expect(maxDifference).toBeLessThan(1e-6);
  });

  function withN(input: { models: string[]; cells: PairCell[] }): { cells: PairCell[]; n: number } {
    return { cells: input.cells, n: input.models.length };
  }
});

describe("bootstrapRatingsFast determinism and invariances", () => {
  const { models, cells } = aggregateBattles(readFixtureBattles("battles-2k.jsonl.gz").map(toBattle));
  const n = models.length;

  it("same cells and seed give identical numbers; another seed other numbers", () => {
    const a = bootstrapRatingsFast(cells, n, 50, 11);
    expect(bootstrapRatingsFast(cells, n, 50, 11)).toEqual(a);
    expect(bootstrapRatingsFast(cells, n, 50, 12)).not.toEqual(a);
  });

  it("the order of the cells, swapped sides with flipped outcomes, and TIE vs BOTH_BAD change nothing", () => {
    const a = bootstrapRatingsFast(cells, n, 50, 11);
    const flip: Record<Outcome, Outcome> = { A: "B", B: "A", TIE: "BOTH_BAD", BOTH_BAD: "TIE" };
    const shuffled = [...cells]
      .reverse()
      .map((cell, k) => (k % 2 === 0 ? cell : { a: cell.b, b: cell.a, outcome: flip[cell.outcome], count: cell.count }));
    expect(bootstrapRatingsFast(shuffled, n, 50, 11)).toEqual(a);
  });

  it("bootstrapPairs with a UniformStream is bootstrapRatingsFast with its seed", () => {
    expect(bootstrapPairs(collectPairs(cells, n), 20, new UniformStream(4))).toEqual(bootstrapRatingsFast(cells, n, 20, 4));
  });

  it("edge cases: no models, no battles, one model, only ties", () => {
    expect(bootstrapRatingsFast([], 0, 5, 1)).toEqual(Array.from({ length: 5 }, () => new Float64Array(0)));
    for (const row of bootstrapRatingsFast([], 3, 5, 1)) expect(Array.from(row)).toEqual([1000, 1000, 1000]);
    for (const row of bootstrapRatingsFast([{ a: 0, b: 0, outcome: "A", count: 4 }], 1, 5, 1)) expect(Array.from(row)).toEqual([1000]);
    const ties: PairCell[] = [
      { a: 0, b: 1, outcome: "TIE", count: 7 },
      { a: 1, b: 2, outcome: "BOTH_BAD", count: 3 },
    ];
    for (const row of bootstrapRatingsFast(ties, 3, 20, 1)) for (const x of row) expect(x).toBeCloseTo(1000, 9);
    expect(() => bootstrapRatingsFast([{ a: 0, b: 1, outcome: "A", count: 1.5 }], 2, 3, 1)).toThrow(RangeError);
    expect(bootstrapRatingsFast(cells, n, 0, 1)).toEqual([]);
  });
});
