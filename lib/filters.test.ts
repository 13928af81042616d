import { describe, expect, it } from "vitest";
import { describeSlice, isAllVoters, parseLeaderboardFilters, serializeLeaderboardFilters } from "./filters";

describe("leaderboard filters", () => {
  it("parses single, repeated and comma-separated values, normalised and sorted", () => {
    const params = new URLSearchParams("country=pt,br&country=BR&language=PT&age=25-34&region=Europe&education=master");
    const { filters, problems } = parseLeaderboardFilters(params);
    expect(problems).toEqual([]);
    expect(filters).toEqual({ country: ["BR", "PT"], language: ["pt"], age: ["25-34"], region: ["europe"], education: ["master"] });
  });

  it("drops each invalid value with a message and keeps the valid ones", () => {
    const { filters, problems } = parseLeaderboardFilters({ country: ["BR", "XX"], age: "12-17", from: "2025-02-30" });
    expect(filters).toEqual({ country: ["BR"] });
    expect(problems.map((p) => [p.key, p.value])).toEqual([["country", "XX"], ["age", "12-17"], ["from", "2025-02-30"]]);
    expect(problems[0].message).toContain("ISO 3166-1");
  });

  it("accepts a date range and refuses an inverted one", () => {
    expect(parseLeaderboardFilters({ from: "2025-01-01", to: "2025-01-31" }).filters).toEqual({ from: "2025-01-01", to: "2025-01-31" });
    const inverted = parseLeaderboardFilters({ from: "2025-02-01", to: "2025-01-31" });
    expect(inverted.filters).toEqual({ from: "2025-02-01" });
    expect(inverted.problems[0].message).toContain("before the start");
  });

  it("round-trips through the URL", () => {
    const filters = { region: ["asia", "europe"], country: ["BR"], language: ["en"], from: "2025-01-01" } as const;
    const query = serializeLeaderboardFilters({ ...filters, region: [...filters.region], country: [...filters.country], language: [...filters.language] });
    expect(query).toBe("region=asia,europe&country=BR&language=en&from=2025-01-01");
    expect(parseLeaderboardFilters(new URLSearchParams(query)).filters).toEqual(filters);
  });

  it("describes slices in words", () => {
    expect(describeSlice({})).toBe("All voters");
    expect(isAllVoters({ country: [] })).toBe(true);
    expect(describeSlice({ country: ["BR", "PT"], age: ["25-34"], language: ["pt"] })).toBe("Brazil or Portugal · 25-34 · Portuguese");
  });
});
