import { describe, expect, it } from "vitest";
import { studentT975, Z95 } from "./student-t";

describe("Student's t 97.5% quantile", () => {
  it.each([
    [4, 2.7764451051977987],
    [9, 2.2621571627409915],
    [19, 2.0930240544083096],
    [124, 1.9792801137018262],
    [1023, 1.9623134877887326],
  ])("t(%i) = %f within 0.001", (df, exact) => {
    expect(Math.abs(studentT975(df) - exact)).toBeLessThan(0.001);
  });

  it("tends to the normal quantile and has no finite value without degrees of freedom", () => {
    expect(studentT975(1e9)).toBeCloseTo(Z95, 6);
    expect(studentT975(0)).toBe(Infinity);
  });
});
