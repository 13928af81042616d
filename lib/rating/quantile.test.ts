import { describe, expect, it } from "vitest";
import { quantile } from "./quantile";

const ONE_TO_HUNDRED = Array.from({ length: 100 }, (_, i) => i + 1);

describe("quantile", () => {
  // Expected values are numpy 2.4's np.quantile(values, q) (default method "linear"), printed with repr.
  it.each([
    { values: [1, 2, 3, 4], q: 0.25, numpy: 1.75 },
    { values: [1, 2, 3, 4, 5], q: 0.5, numpy: 3.0 },
    { values: [0, 10], q: 0.975, numpy: 9.75 },
    { values: ONE_TO_HUNDRED, q: 0.025, numpy: 3.475 },
    { values: ONE_TO_HUNDRED, q: 0.975, numpy: 97.52499999999999 },
    { values: [7], q: 0.3, numpy: 7.0 },
    { values: [0.1, 0.2, 0.7], q: 0.3, numpy: 0.16 },
    { values: [0.1, 0.2, 0.7], q: 0.8, numpy: 0.5 },
    { values: [-5, -1, 2, 8], q: 0, numpy: -5.0 },
    { values: [-5, -1, 2, 8], q: 1, numpy: 8.0 },
    { values: [1000.5, 1001.25, 1003.0, 1010.75], q: 0.975, numpy: 1010.16875 },
    { values: [1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7], q: 0.025, numpy: 1.2650000000000001 },
  ])("q=$q of $values.length values is numpy's $numpy to the last bit", ({ values, q, numpy }) => {
    expect(quantile(values, q)).toBe(numpy);
  });

  it("accepts typed arrays", () => {
    expect(quantile(Float64Array.from([1, 2, 3, 4]), 0.25)).toBe(1.75);
  });

  it.each([
    { values: [], q: 0.5 },
    { values: [1, 2], q: -0.1 },
    { values: [1, 2], q: 1.5 },
    { values: [1, 2], q: Number.NaN },
  ])("rejects q=$q on $values.length values", ({ values, q }) => {
    expect(() => quantile(values, q)).toThrow(RangeError);
  });
});
