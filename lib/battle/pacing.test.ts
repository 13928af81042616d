import { describe, expect, it } from "vitest";
import { frameCount, frameDelta, playoutMs } from "./pacing";

describe("identity-hiding playout", () => {
  it("lasts longer for longer answers, within 0.6 to 4 seconds", () => {
    expect(playoutMs("", "")).toBe(600);
    expect(playoutMs("x".repeat(1000), "y")).toBe(2000);
    expect(playoutMs("x".repeat(100_000), "y")).toBe(4000);
  });

  it.each([
    ["short", "a much longer answer that takes more frames to show"],
    ["😀😀😀 emoji stay whole", "b"],
    ["", "only B has text"],
  ])("rebuilds both texts exactly and finishes both in the same frame (%j, %j)", (a, b) => {
    const frames = frameCount(a, b);
    let shownA = "";
    let shownB = "";
    for (let f = 1; f <= frames; f++) {
      const d = frameDelta(a, b, f, frames);
      shownA += d.a;
      shownB += d.b;
      if (f < frames) expect(shownA.length < a.length || shownB.length < b.length || (a === "" && b === "")).toBe(true);
    }
    expect(shownA).toBe(a);
    expect(shownB).toBe(b);
  });

  it("shows the same fraction of each side at every frame", () => {
    const a = "a".repeat(100);
    const b = "b".repeat(400);
    const d = frameDelta(a, b, 1, 10);
    expect(d.a.length / a.length).toBeCloseTo(d.b.length / b.length, 5);
  });
});
