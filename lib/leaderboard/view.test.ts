import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, parseLeaderboardView, serializeLeaderboardView } from "./view";

describe("leaderboard view parameters", () => {
  it("defaults to voter-clustered intervals without style control, deprecated hidden", () => {
    expect(parseLeaderboardView({})).toEqual({ view: DEFAULT_VIEW, problems: [] });
  });

  it("reads each choice, case-insensitively, and writes back only what differs from the default", () => {
    const { view, problems } = parseLeaderboardView(new URLSearchParams("interval=Voter-Bootstrap&style=control&deprecated=show"));
    expect(problems).toEqual([]);
    expect(view).toEqual({ interval: "voter-bootstrap", style: "control", deprecated: "show" });
    expect(serializeLeaderboardView(view)).toBe("interval=voter-bootstrap&style=control&deprecated=show");
    expect(serializeLeaderboardView({ ...DEFAULT_VIEW, style: "control" })).toBe("style=control");
  });

  it("reports an unknown value with what to use instead, keeping the default", () => {
    const { view, problems } = parseLeaderboardView({ interval: "jackknife", style: "fancy" });
    expect(view).toEqual(DEFAULT_VIEW);
    expect(problems.map((p) => p.key)).toEqual(["interval", "style"]);
    expect(problems[0]!.message).toMatch(/interval=sandwich/);
  });
});
