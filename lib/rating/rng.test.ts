import { describe, expect, it } from "vitest";
import { createRng } from "./rng";

describe("createRng", () => {
  it("is reproducible: same seed, same sequence", () => {
    const a = createRng(42);
    const b = createRng(42);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
  });

  it("gives different sequences for different seeds, including seeds that differ above 32 bits", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(0)).not.toEqual(draw(2 ** 32));
  });

  it("returns uniforms in [0, 1) with the right mean", () => {
    const rng = createRng(7);
    const values = Array.from({ length: 100_000 }, rng);
    expect(values.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
  });

  it.each([Number.NaN, 1.5, Number.POSITIVE_INFINITY])("rejects seed %s", (seed) => {
    expect(() => createRng(seed)).toThrow(RangeError);
  });
});
