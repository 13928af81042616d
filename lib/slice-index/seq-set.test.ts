import { describe, expect, it } from "vitest";
import { SeqSet } from "./seq-set";

describe("SeqSet", () => {
  it("holds what was added and everything below its floor", () => {
    const s = new SeqSet();
    for (const n of [3, 5, 20_000, 9]) s.add(n);
    expect([1, 3, 4, 5, 9, 10, 20_000, 20_001].map((n) => s.has(n))).toEqual([false, true, false, true, true, false, true, false]);
    s.raiseFloor(5);
    expect([1, 4, 5, 6, 9, 20_000, 20_001].map((n) => s.has(n))).toEqual([true, true, true, false, true, true, false]);
    s.raiseFloor(4); // never lowers
    expect(s.lowest).toBe(5);
    s.add(6);
    s.raiseFloor(7_001);
    expect([6, 7_001, 7_002, 20_000].map((n) => s.has(n))).toEqual([true, true, false, true]);
  });
});
