import { describe, expect, it } from "vitest";
import {
  MAX_FILTER_VALUES,
  describeSlice,
  isAllVoters,
  isCompleteFilterDate,
  parseLeaderboardFilters,
  searchWithFilters,
  serializeLeaderboardFilters,
} from "./filters";

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
    expect(problems.map((p) => [p.key, p.value])).toEqual([
      ["country", "XX"],
      ["age", "12-17"],
      ["from", "2025-02-30"],
    ]);
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
    const query = serializeLeaderboardFilters({
      ...filters,
      region: [...filters.region],
      country: [...filters.country],
      language: [...filters.language],
    });
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
  const codes = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => String.fromCharCode(65 + (Math.floor(i / 26) % 26)) + String.fromCharCode(65 + (i % 26)) + (i >= 676 ? String(i) : ""),
    );

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

describe("a date typed into a filter", () => {
  it.each([
    ["2026-01-15", true],
    ["2024-02-29", true],
    ["2000-01-01", true],
    // what a date field holds while its year is typed one key at a time
    ["0002-01-15", false],
    ["0020-01-15", false],
    ["0202-01-15", false],
    ["1999-12-31", false],
    ["2023-02-29", false],
    ["2026-13-01", false],
    ["2026-1-5", false],
    ["", false],
  ])("%s is complete: %s", (value, complete) => {
    expect(isCompleteFilterDate(value)).toBe(complete);
  });
});

describe("the leaderboard URL for a new filter set", () => {
  it("writes the filters in canonical order and keeps the view's parameters", () => {
    expect(searchWithFilters("?deprecated=show&region=asia&style=control", { region: ["africa", "europe"], from: "2026-01-15" })).toBe(
      "region=africa,europe&from=2026-01-15&deprecated=show&style=control",
    );
  });
  it("drops every filter parameter when the set is empty", () => {
    expect(searchWithFilters("region=asia&country=BR&from=2026-01-01&to=2026-02-01", {})).toBe("");
  });
  it("round-trips: parsing the written query gives the same filters", () => {
    const filters = { country: ["BR", "PT"], age: ["25-34" as const], language: ["pt"], to: "2026-03-01" };
    expect(parseLeaderboardFilters(new URLSearchParams(searchWithFilters("", filters))).filters).toEqual(filters);
  });
});
