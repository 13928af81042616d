import { describe, expect, it } from "vitest";
import { exportReleaseOf } from "./export-release";

const NOW = new Date("2026-12-04T12:00:00Z");

describe("exportReleaseOf", () => {
  it.each([
    { name: "no exportable vote", oldest: null, days: 14, expected: { status: "none" } },
    {
      name: "oldest vote inside the holdout",
      oldest: "2026-12-01T08:30:00Z",
      days: 14,
      expected: { status: "pending", releaseAt: new Date("2026-12-15T08:30:00Z") },
    },
    { name: "oldest vote outside the holdout", oldest: "2026-11-01T00:00:00Z", days: 14, expected: { status: "released" } },
    { name: "no holdout", oldest: "2026-12-04T11:59:59Z", days: 0, expected: { status: "released" } },
    {
      name: "exactly at the cutoff (exports take votes strictly before it)",
      oldest: "2026-11-20T12:00:00Z",
      days: 14,
      expected: { status: "pending", releaseAt: NOW },
    },
  ])("$name", ({ oldest, days, expected }) => {
    expect(exportReleaseOf(oldest ? new Date(oldest) : null, days, NOW)).toEqual(expected);
  });
});
