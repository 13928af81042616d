import { describe, expect, it } from "vitest";
import { MAX_FILTER_VALUES, describeSlice, isAllVoters, parseLeaderboardFilters, serializeLeaderboardFilters } from "./filters";

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

describe("long filter lists", () => {
  const codes = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26) % 26) + String.fromCharCode(65 + (i % 26)) + (i >= 676 ? String(i) : ""));

  it("summarises many invalid values in one short problem per filter", () => {
    const { filters, problems } = parseLeaderboardFilters({ country: ["BR", "XX", "QQ", "ZZ", "QZ"].join(","), language: "xx,yy" });
    expect(filters.country).toEqual(["BR"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ key: "country", value: "XX,QQ,ZZ,…" });
    expect(problems[0]!.message).toContain("4 values were ignored");
    expect(problems[1]).toMatchObject({ key: "language", value: "xx,yy" });
  });

  it(`refuses more than ${MAX_FILTER_VALUES} values per filter whole, and echoes only a few`, () => {
    const { filters, problems } = parseLeaderboardFilters(new URLSearchParams({ country: codes(3000).join(",") }));
    expect(filters.country).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(`At most ${MAX_FILTER_VALUES}`);
    expect(JSON.stringify(problems).length).toBeLessThan(300);
  });

  it("clips a single very long value", () => {
    const { problems } = parseLeaderboardFilters({ country: "X".repeat(10_000) });
    expect(problems[0]!.value.length).toBeLessThanOrEqual(41);
  });
});
