import { describe, expect, it } from "vitest";
import { NO_TASTE, pairDesign, PairSampler, VoteBuffer } from "../../scripts/simulate/arena-data";
import { simulateCompare } from "../../scripts/simulate/compare";
import { simulateCoverage } from "../../scripts/simulate/coverage";
import { expectedSigmoid, expectedScores, gaussHermite, populationRatings } from "../../scripts/simulate/population-truth";
import { fitIdentified } from "./identified-fit";
import { clusteredCovariance } from "./sandwich";
import { UniformStream } from "./rng";

// The simulations' quick runs: the code runs and reports sane figures (not the targets: too few boards for that).
describe("simulation sections (quick)", () => {
  it("coverage: every method reports a coverage in [0, 1] with its Monte Carlo error", { timeout: 60_000 }, () => {
    const section = simulateCoverage({ seed: 1, quick: true });
    expect(section.lines.length).toBeGreaterThan(4);
    const rates = section.lines.flatMap((line) => [...line.matchAll(/coverage (\d\.\d+) ± (\d\.\d+|NaN)/g)].map((m) => Number(m[1])));
    expect(rates.length).toBe(12); // four settings × three methods
    for (const rate of rates) {
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
    }
    const sandwich = section.lines.filter((l) => l.includes("sandwich coverage")).map((l) => Number(/coverage (\d\.\d+)/.exec(l)![1]));
    for (const rate of sandwich) expect(rate).toBeGreaterThan(0.7);
    const ratios = section.lines.filter((l) => l.includes("width sandwich")).map((l) => Number(/voter bootstrap (\d\.\d+)/.exec(l)![1]));
    for (const ratio of ratios) {
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    }
  });

  it("compare: false discovery rate, power and coverage are rates in [0, 1]", { timeout: 60_000 }, () => {
    const section = simulateCompare({ seed: 1, quick: true });
    const figures = section.lines.flatMap((line) => [...line.matchAll(/(?:FDP\)|power|intervals) (\d\.\d+) ± /g)].map((m) => Number(m[1])));
    expect(figures.length).toBe(9); // three scenarios × three figures
    for (const x of figures) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    const power = section.lines.filter((l) => l.includes("power")).map((l) => Number(/power (\d\.\d+)/.exec(l)![1]));
    expect(power[0]).toBeGreaterThan(0.5); // 150 voters × 400 votes find 60-point differences
  });
});

describe("population truth", () => {
  const ratings = [1200, 1100, 1050, 1000, 900, 750];
  const shares = [0.5, 0.4, 0.3, 0.3, 0.3, 0.2];
  const pi = pairDesign(shares);
  const centred = (xs: ArrayLike<number>) => {
    const mean = Array.from(xs).reduce((s, x) => s + x, 0) / xs.length;
    return Array.from(xs, (x) => x - mean);
  };

  it("Gauss–Hermite integrates normal moments and a logistic-normal exactly enough", () => {
    const { x, w } = gaussHermite(128);
    const moment = (p: number) => x.reduce((s, xk, k) => s + w[k]! * (Math.SQRT2 * xk) ** p, 0) / Math.sqrt(Math.PI);
    expect(moment(0)).toBeCloseTo(1, 12);
    expect(moment(2)).toBeCloseTo(1, 12);
    expect(moment(4)).toBeCloseTo(3, 11);
    // against a fine trapezoid rule over ±20 sd
    const sd = 400;
    let trapezoid = 0;
    const h = sd / 100;
    for (let k = -2000; k <= 2000; k++) {
      const z = k * h;
      trapezoid += ((Math.exp(-0.5 * (z / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI))) * h) / (1 + Math.exp((-Math.LN10 * (150 + z)) / 400));
    }
    expect(Math.abs(expectedSigmoid(150, sd) - trapezoid)).toBeLessThan(1e-9);
  });

  it("without tastes, the population ratings are the base ratings (centred), and a large fit lands on them", () => {
    const truth = populationRatings(pi, expectedScores(ratings, NO_TASTE));
    const expected = centred(ratings);
    truth.forEach((r, m) => expect(Math.abs(r - expected[m]!)).toBeLessThan(1e-6));
    const buffer = new VoteBuffer(ratings.length, new PairSampler(pi));
    buffer.append(new UniformStream(7), ratings, NO_TASTE, { mean: 1 }, 400_000, 0);
    const fit = fitIdentified(
      ratings.map((_, m) => `m${m}`),
      buffer.cellsOf(),
    );
    fit.strengths.forEach((s, m) => expect(Math.abs(400 * s - truth[m]!)).toBeLessThan(3)); // se ≈ 0.5–1 point
  });

  it("with tastes, the population ratings are pulled together, and a large fit lands on them, not on the base ratings", () => {
    const taste = { sd: 500, models: 3 };
    const truth = populationRatings(pi, expectedScores(ratings, taste));
    const base = centred(ratings);
    expect(Math.abs(truth[0]! - base[0]!)).toBeGreaterThan(40); // the top model's attenuation
    const buffer = new VoteBuffer(ratings.length, new PairSampler(pi));
    buffer.append(new UniformStream(11), ratings, taste, { mean: 50 }, 20_000, 0);
    const fit = fitIdentified(
      ratings.map((_, m) => `m${m}`),
      buffer.cellsOf(),
    );
    const { covariance } = clusteredCovariance(fit, buffer.votesOf());
    const k = ratings.length;
    fit.strengths.forEach((s, m) => {
      const se = 400 * Math.sqrt(covariance[m * k + m]!);
      expect(Math.abs(400 * s - truth[m]!)).toBeLessThan(4 * se);
    });
  });
});
