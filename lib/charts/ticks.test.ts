import { describe, expect, it } from "vitest";
import { niceStepAtLeast, niceTicks } from "./ticks";

const isRound = (step: number) => {
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9);
};

describe("niceStepAtLeast", () => {
  it.each([
    [0.7, 1],
    [1, 1],
    [1.01, 2],
    [3, 5],
    [7, 10],
    [37.5, 50],
    [110, 200],
    [0.013, 0.02],
  ])("%d -> %d", (raw, step) => expect(niceStepAtLeast(raw)).toBe(step));
  it("falls back to 1 for non-positive input", () => expect(niceStepAtLeast(0)).toBe(1));
});

describe("niceTicks", () => {
  it.each([
    // the uneven axis 675..1225 becomes whole hundreds
    { min: 675, max: 1225, maxTicks: 8, ticks: [600, 700, 800, 900, 1000, 1100, 1200, 1300] },
    { min: 675, max: 1225, maxTicks: 7, ticks: [600, 800, 1000, 1200, 1400] },
    { min: 812, max: 1104, maxTicks: 6, ticks: [800, 900, 1000, 1100, 1200] },
    { min: 960, max: 1045, maxTicks: 6, ticks: [960, 980, 1000, 1020, 1040, 1060] },
    { min: 0, max: 1, maxTicks: 6, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] },
    { min: -7, max: 12, maxTicks: 5, ticks: [-10, 0, 10, 20] },
  ])("$min..$max in at most $maxTicks ticks", ({ min, max, maxTicks, ticks }) => {
    const scale = niceTicks(min, max, maxTicks);
    expect(scale.ticks).toEqual(ticks);
  });

  it("covers the data, keeps within the tick budget, and uses a 1/2/5 step (property over many ranges)", () => {
    for (let i = 0; i < 500; i++) {
      const a = Math.round(((i * 7919) % 2000) - 200 + i / 3);
      const b = a + ((i * 104729) % 900) + 1;
      const maxTicks = 3 + (i % 8);
      const { domain, ticks, step } = niceTicks(a, b, maxTicks);
      expect(domain[0]).toBeLessThanOrEqual(a);
      expect(domain[1]).toBeGreaterThanOrEqual(b);
      expect(ticks.length).toBeLessThanOrEqual(maxTicks);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(isRound(step)).toBe(true);
      for (const t of ticks) expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-9);
    }
  });

  it("pads a single value and swaps reversed bounds", () => {
    expect(niceTicks(1000, 1000, 3).ticks).toEqual([900, 1000, 1100]);
    expect(niceTicks(1100, 900, 3).ticks).toEqual([900, 1000, 1100]);
  });

  it("gives a usable scale for non-finite input", () => {
    expect(niceTicks(Number.NaN, 3)).toEqual({ domain: [0, 1], ticks: [0, 1], step: 1 });
  });
});
