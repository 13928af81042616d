import { describe, expect, it } from "vitest";
import { createNumpySeed0Rng } from "./__fixtures__/numpy-pcg64";
import { createRng } from "./rng";
import { sampleBinomial, sampleMultinomial } from "./sampling";

describe("sampleBinomial", () => {
  // numpy 2.4: g = np.random.default_rng(0); [g.binomial(n, p) for _ in range(8)]
  it.each([
    { n: 20, p: 0.3, numpy: [7, 5, 3, 2, 8, 9, 6, 7], path: "inversion" },
    { n: 50, p: 0.9, numpy: [44, 46, 48, 49, 43, 42, 45, 44], path: "inversion of 1 − p" },
    { n: 7, p: 0.5, numpy: [4, 3, 1, 1, 5, 5, 4, 4], path: "inversion at p = 0.5" },
    { n: 1000, p: 0.1, numpy: [92, 101, 101, 110, 114, 101, 114, 102], path: "BTPE" },
    { n: 100000, p: 0.37, numpy: [37191, 37013, 37025, 36929, 36869, 37006, 37263, 36992], path: "BTPE, squeeze" },
    { n: 1000000, p: 0.6, numpy: [599385, 599960, 599921, 600231, 600431, 599990, 599152, 600028], path: "BTPE of 1 − p" },
  ])("Binomial($n, $p) via $path draws numpy's numbers from numpy's stream", ({ n, p, numpy }) => {
    const rng = createNumpySeed0Rng();
    expect(numpy.map(() => sampleBinomial(n, p, rng))).toEqual(numpy);
  });

  it.each([
    { n: 0, p: 0.5, expected: 0 },
    { n: 10, p: 0, expected: 0 },
    { n: 10, p: 1, expected: 10 },
    { n: 10, p: -0.1, expected: 0 },
    { n: 10, p: 1.0000000001, expected: 10 },
  ])("Binomial($n, $p) is $expected without drawing", ({ n, p, expected }) => {
    const rng = () => {
      throw new Error("should not draw");
    };
    expect(sampleBinomial(n, p, rng)).toBe(expected);
  });

  it.each([
    { n: 40, p: 0.2 },
    { n: 5000, p: 0.3 },
    { n: 2_000_000, p: 0.001 },
    { n: 300, p: 0.97 },
  ])("Binomial($n, $p) has the right mean and variance over 20k draws", ({ n, p }) => {
    const rng = createRng(11);
    const draws = Array.from({ length: 20_000 }, () => sampleBinomial(n, p, rng));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws.length));
    expect(variance / (sd * sd)).toBeGreaterThan(0.95);
    expect(variance / (sd * sd)).toBeLessThan(1.05);
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
  });
});

describe("sampleMultinomial", () => {
  it("draws numpy's multinomial from numpy's stream", () => {
    // numpy 2.4: np.random.default_rng(0).multinomial(50, [0.5, 0.25, 0.125, 0.125], size=3)
    const rng = createNumpySeed0Rng();
    const rows = [0, 1, 2].map(() => Array.from(sampleMultinomial(50, [0.5, 0.25, 0.125, 0.125], rng)));
    expect(rows).toEqual([
      [26, 10, 4, 10],
      [18, 19, 9, 4],
      [26, 14, 5, 5],
    ]);
  });

  it("always sums to n, never negative, zero where p = 0", () => {
    const rng = createRng(5);
    const pvals = [0.2, 0, 0.3, 0.1, 0, 0.4];
    for (let round = 0; round < 200; round++) {
      const draw = sampleMultinomial(1234, pvals, rng);
      expect(draw.reduce((s, x) => s + x, 0)).toBe(1234);
      expect(draw[1]).toBe(0);
      expect(draw[4]).toBe(0);
      expect(Array.from(draw).every((x) => x >= 0)).toBe(true);
    }
  });

  it("handles no categories and n = 0", () => {
    const rng = createRng(1);
    expect(Array.from(sampleMultinomial(10, [], rng))).toEqual([]);
    expect(Array.from(sampleMultinomial(0, [0.5, 0.5], rng))).toEqual([0, 0]);
  });
});
