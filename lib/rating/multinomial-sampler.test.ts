import { describe, expect, it } from "vitest";
import { createMultinomialSampler, createPoissonSampler, logGamma, ptrsParameters, samplePoissonPtrs } from "./multinomial-sampler";
import { UniformStream } from "./rng";

function draws(counts: number[], times: number, seed: number, drawsPlanned = times, make = createMultinomialSampler): number[][] {
  const sample = make(counts, drawsPlanned);
  const source = new UniformStream(seed);
  const out = new Float64Array(counts.length);
  return Array.from({ length: times }, () => Array.from(sample(source, out)));
}

function binomialPmf(n: number, p: number): number[] {
  return Array.from({ length: n + 1 }, (_, k) =>
    Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p)),
  );
}

/** Pearson's χ² of observed counts against expected ones, pooling bins until each expects ≥ 5; and its degrees of freedom. */
function chiSquare(observed: number[], expected: number[]): { chi2: number; df: number } {
  let chi2 = 0;
  let bins = 0;
  let o = 0;
  let e = 0;
  for (let k = 0; k < expected.length; k++) {
    o += observed[k] ?? 0;
    e += expected[k]!;
    if (e >= 5 || k === expected.length - 1) {
      chi2 += (o - e) ** 2 / Math.max(e, 1e-12);
      bins++;
      o = 0;
      e = 0;
    }
  }
  return { chi2, df: bins - 1 };
}

describe("createMultinomialSampler", () => {
  it.each([
    { mode: "single battles (few battles per category)", counts: [1, 0, 2, 1, 0, 3] },
    { mode: "Poisson splitting with tables", counts: [10, 0, 15, 5, 30, 30, 1] },
    { mode: "Poisson splitting with PTRS (large distinct counts, one draw planned)", counts: [5000, 0, 7000, 9000, 20] },
  ])("$mode: every draw has N battles, whole and ≥ 0, none where the count is 0", ({ counts }) => {
    const total = counts.reduce((s, x) => s + x, 0);
    for (const draw of draws(counts, 300, 1, 1)) {
      expect(draw.reduce((s, x) => s + x, 0)).toBe(total);
      draw.forEach((x, c) => {
        expect(Number.isInteger(x) && x >= 0).toBe(true);
        if (counts[c] === 0) expect(x).toBe(0);
      });
    }
  });

  it.each([
    { mode: "single battles", counts: [3, 4, 1], planned: 20_000 },
    { mode: "Poisson splitting with tables", counts: [10, 15, 5], planned: 20_000 },
    { mode: "Poisson splitting with PTRS", counts: [300, 450, 150], planned: 1 },
  ])("$mode: a category's count is exactly Binomial(N, count / N) (χ² over 20k draws)", ({ counts, planned }) => {
    const total = counts.reduce((s, x) => s + x, 0);
    const rows = draws(counts, 20_000, 2, planned);
    for (let c = 0; c < counts.length; c++) {
      const observed = new Array<number>(total + 1).fill(0);
      for (const row of rows) observed[row[c]!]!++;
      const expected = binomialPmf(total, counts[c]! / total).map((p) => p * rows.length);
      const { chi2, df } = chiSquare(observed, expected);
      expect(chi2).toBeLessThan(df + 6 * Math.sqrt(2 * df)); // far out in the tail of χ²(df)
    }
    // and the categories compete: correlation −√(p₀p₁ / ((1 − p₀)(1 − p₁)))
    const [p0, p1] = [counts[0]! / total, counts[1]! / total];
    const xs = rows.map((row) => row[0]!);
    const ys = rows.map((row) => row[1]!);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const [mx, my] = [mean(xs), mean(ys)];
    const cov = mean(xs.map((x, k) => (x - mx) * (ys[k]! - my)));
    const sd = (v: number[], m: number) => Math.sqrt(mean(v.map((x) => (x - m) ** 2)));
    const correlation = cov / (sd(xs, mx) * sd(ys, my));
    expect(correlation).toBeCloseTo(-Math.sqrt((p0 * p1) / ((1 - p0) * (1 - p1))), 1);
  });

  it("many categories sharing tables: per-category means match N·p (z-scores)", () => {
    const counts = Array.from({ length: 300 }, (_, c) => 1 + ((c * 37) % 50));
    const total = counts.reduce((s, x) => s + x, 0);
    const rows = draws(counts, 2000, 3);
    const z = counts.map((count, c) => {
      const p = count / total;
      const mean = rows.reduce((s, row) => s + row[c]!, 0) / rows.length;
      return (mean - total * p) / Math.sqrt((total * p * (1 - p)) / rows.length);
    });
    expect(Math.max(...z.map(Math.abs))).toBeLessThan(4.5);
    const meanSquare = z.reduce((s, x) => s + x * x, 0) / z.length;
    expect(meanSquare).toBeGreaterThan(0.75);
    expect(meanSquare).toBeLessThan(1.3);
  });

  it("is reproducible from the seed, and all-zero counts draw zeros", () => {
    const counts = [12, 0, 7, 40, 3];
    expect(draws(counts, 50, 4)).toEqual(draws(counts, 50, 4));
    expect(draws(counts, 50, 4)).not.toEqual(draws(counts, 50, 5));
    expect(draws([0, 0, 0], 3, 1)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(() => createMultinomialSampler([1, 2.5], 1)).toThrow(RangeError);
  });
});

describe("createPoissonSampler", () => {
  it.each([
    { mode: "tables", counts: [1, 0, 7, 66, 66, 400, 3], planned: 20_000 },
    { mode: "PTRS (one draw planned)", counts: [60, 0, 900, 4000], planned: 1 },
  ])("$mode: independent Poisson(count) per category, zero where the count is 0 (χ² over 20k draws)", ({ counts, planned }) => {
    const rows = draws(counts, 20_000, 8, planned, createPoissonSampler);
    counts.forEach((count, c) => {
      if (count === 0) {
        expect(rows.every((row) => row[c] === 0)).toBe(true);
        return;
      }
      const top = Math.ceil(count + 10 * Math.sqrt(count) + 10);
      const observed = new Array<number>(top + 1).fill(0);
      for (const row of rows) observed[Math.min(row[c]!, top)]!++;
      const pmf = Array.from({ length: top + 1 }, (_, k) => Math.exp(-count + k * Math.log(count) - logGamma(k + 1)));
      const expected = pmf.map((p) => p * rows.length);
      const { chi2, df } = chiSquare(observed, expected);
      expect(chi2).toBeLessThan(df + 6 * Math.sqrt(2 * df));
    });
    // the total varies as Poisson(N): variance N, not 0
    const total = counts.reduce((sum, x) => sum + x, 0);
    const sums = rows.map((row) => row.reduce((sum, x) => sum + x, 0));
    const mean = sums.reduce((sum, x) => sum + x, 0) / sums.length;
    const variance = sums.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (sums.length - 1);
    expect(Math.abs(mean - total)).toBeLessThan(5 * Math.sqrt(total / sums.length));
    expect(variance / total).toBeGreaterThan(0.95);
    expect(variance / total).toBeLessThan(1.05);
  });
});

describe("samplePoissonPtrs and logGamma", () => {
  it("logGamma matches known values (Python's math.lgamma)", () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247004, 12);
    expect(logGamma(1)).toBe(0);
    expect(logGamma(3.5)).toBeCloseTo(1.2009736023470738, 12);
    expect(logGamma(10)).toBeCloseTo(12.801827480081467, 11);
    expect(logGamma(1001)).toBeCloseTo(5912.128178488163, 8);
  });

  it.each([10, 73.5, 1e4, 3e6])("Poisson(%d) has the right mean and variance over 50k draws", (lambda) => {
    const params = ptrsParameters(lambda);
    const source = new UniformStream(7);
    const values = Array.from({ length: 50_000 }, () => samplePoissonPtrs(params, source));
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / values.length));
    expect(variance / lambda).toBeGreaterThan(0.97);
    expect(variance / lambda).toBeLessThan(1.03);
    expect(values.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });
});
