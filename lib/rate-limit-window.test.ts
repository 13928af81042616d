import { describe, expect, it } from "vitest";
import { retryAfterSeconds, slidingEstimate, WINDOW_MS, windowStart } from "./rate-limit-window";

const start = Date.UTC(2026, 10, 22, 13, 0, 0);

describe("sliding window", () => {
  it("weights the previous window by the share of the current hour still ahead", () => {
    expect(windowStart(start + 1234)).toBe(start);
    expect(slidingEstimate(60, 0, start)).toBe(60);
    expect(slidingEstimate(60, 10, start + WINDOW_MS / 4)).toBe(55);
    expect(slidingEstimate(60, 10, start + WINDOW_MS - 1)).toBeCloseTo(10, 3);
  });

  it("retries within the hour once the previous window has decayed enough", () => {
    // 60 last hour, 30 this hour, a quarter in: 60(1 - f) + 30 + 1 <= 60 once f >= 31/60
    expect(retryAfterSeconds(60, 30, 60, start + WINDOW_MS / 4)).toBe(960); // (31/60 − 1/4) h = 16 min
    // previous 60, current 0, limit 60 at the window start: allowed again once 60(1-f) <= 59
    expect(retryAfterSeconds(60, 0, 60, start)).toBe(Math.ceil(WINDOW_MS / 60 / 1000));
  });

  it("waits into the next window when this window alone is full", () => {
    // 60 this hour at half past: next window starts in 30 min, then 60(1-g) <= 59 -> g = 1/60 (1 min)
    expect(retryAfterSeconds(0, 60, 60, start + WINDOW_MS / 2)).toBe(30 * 60 + 60);
  });

  it("is at least one second", () => {
    expect(retryAfterSeconds(0, 0, 1, start + WINDOW_MS - 1)).toBeGreaterThanOrEqual(1);
  });
});
