import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { removeDemoVotes, seedDemoVotes, type DemoSeedResult } from "../lib/demo";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR } from "../lib/queries/audit";
import { getComparison } from "../lib/queries/compare";
import { getLeaderboard } from "../lib/queries/leaderboard";
import { updatePolicy } from "../lib/queries/policy";
import { seedRoster } from "../lib/seed";
import type { LeaderboardFilters } from "../lib/filters";
import { resetDatabase } from "./support/database";

const rated = async (filters: LeaderboardFilters) => (await getLeaderboard(filters)).rows.filter((r) => r.rating !== null);
const ratingOf = async (filters: LeaderboardFilters, name: string) => (await rated(filters)).find((r) => r.name === name);

let seeded: DemoSeedResult;

beforeAll(async () => {
  await resetDatabase();
  await seedRoster();
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
  seeded = await seedDemoVotes({ now: new Date("2026-06-01T00:00:00Z") });
}, 120_000);

describe("the demo seed", () => {
  it("adds about 40,000 labelled votes from about 3,000 voters, in 20+ countries and 8+ languages, quickly", async () => {
    expect(seeded).toMatchObject({ created: 40_000, voters: 3_000, skipped: false });
    expect(seeded.ms).toBeLessThan(30_000);
    const [row] = await db().$queryRaw<
      {
        votes: number;
        voters: number;
        countries: number;
        languages: number;
        ages: number;
        educations: number;
        styled: number;
        sources: string[];
        oldest: Date;
        newest: Date;
      }[]
    >`
      SELECT count(*)::int AS votes, count(DISTINCT "voterKey")::int AS voters, count(DISTINCT country)::int AS countries,
             count(DISTINCT language)::int AS languages, count(DISTINCT "ageBand")::int AS ages, count(DISTINCT education)::int AS educations,
             count(*) FILTER (WHERE "tokensA" IS NOT NULL AND "boldB" IS NOT NULL)::int AS styled, array_agg(DISTINCT source::text) AS sources,
             min("createdAt") AS oldest, max("createdAt") AS newest
      FROM "Vote"`;
    expect(row).toMatchObject({ votes: 40_000, voters: 3_000, ages: 6, educations: 6, styled: 40_000, sources: ["DEMO"] });
    expect(row!.countries).toBeGreaterThanOrEqual(20);
    expect(row!.languages).toBeGreaterThanOrEqual(8);
    expect(row!.newest.getTime()).toBeLessThanOrEqual(Date.parse("2026-06-01T00:00:00Z"));
    expect(row!.oldest.getTime()).toBeGreaterThan(Date.parse("2026-06-01T00:00:00Z") - 181 * 86_400_000);
    // a second seed adds nothing
    expect((await seedDemoVotes()).skipped).toBe(true);
  });

  it("rates every model overall, in single countries, regions, languages, every age band and education level", async () => {
    expect(await rated({})).toHaveLength(14);
    for (const country of ["US", "IN", "BR", "DE", "GB"]) expect((await rated({ country: [country] })).length, country).toBe(14);
    for (const region of ["americas", "asia", "europe", "africa"] as const)
      expect((await rated({ region: [region] })).length, region).toBe(14);
    for (const language of ["en", "es", "pt", "hi", "de", "fr", "ja", "zh", "ar"])
      expect((await rated({ language: [language] })).length, language).toBeGreaterThanOrEqual(12);
    for (const age of ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"] as const)
      expect((await rated({ age: [age] })).length, age).toBeGreaterThanOrEqual(13);
    for (const education of ["primary", "secondary", "vocational", "bachelor", "master", "doctorate"] as const)
      expect((await rated({ education: [education] })).length, education).toBeGreaterThanOrEqual(12);
    // the README's example audience
    expect((await rated({ country: ["BR"], age: ["25-34"], language: ["pt"] })).length).toBeGreaterThanOrEqual(12);
    // the late entry is unrated in a small audience that is shown
    const portugal = await getLeaderboard({ country: ["PT"] });
    expect(portugal.isShown).toBe(true);
    expect(portugal.rows.find((r) => r.name === "gpt-4o-mini-2024-07-18")?.unrated).toBe("few-votes");
    // Oceania stays under the voter minimum on purpose
    expect((await getLeaderboard({ region: ["oceania"] })).isShown).toBe(false);
  });

  it("shows the built-in audience differences", async () => {
    const llama = "Meta-Llama-3.1-70B-Instruct-Turbo";
    const showcase: LeaderboardFilters = { country: ["BR"], age: ["25-34"], language: ["pt"] };
    const [inShowcase, overall] = [(await ratingOf(showcase, llama))!, (await ratingOf({}, llama))!];
    expect(inShowcase.rating! - overall.rating!).toBeGreaterThan(100);
    expect(inShowcase.rank).toBeLessThanOrEqual(2);
    const comparison = await getComparison(showcase, {});
    expect(comparison.models.find((m) => m.modelId === inShowcase.modelId)?.significant).toBe(true);
    const qwen = "Qwen2-72B-Instruct";
    expect((await ratingOf({ region: ["asia"] }, qwen))!.rating!).toBeGreaterThan(
      (await ratingOf({ region: ["europe"] }, qwen))!.rating! + 50,
    );
  });

  it("carries style features that style control picks up: older voters prefer shorter answers, doctorates less markdown", async () => {
    const coefficient = async (filters: LeaderboardFilters, feature: string) =>
      (await getLeaderboard(filters, { style: "control" })).style!.coefficients.find((c) => c.feature === feature)!;
    expect((await coefficient({ age: ["18-24", "25-34"] }, "length")).lower).toBeGreaterThan(0);
    expect((await coefficient({ age: ["55-64", "65+"] }, "length")).upper).toBeLessThan(0);
    const markdown = ["headers", "lists", "bold"];
    const sum = async (filters: LeaderboardFilters) =>
      (await getLeaderboard(filters, { style: "control" }))
        .style!.coefficients.filter((c) => markdown.includes(c.feature))
        .reduce((s, c) => s + c.estimate, 0);
    expect(await sum({ education: ["doctorate"] })).toBeLessThan(await sum({ education: ["bachelor"] }));
  });

  it("answers a board over the demo well under a second", async () => {
    const started = performance.now();
    await getLeaderboard({ country: ["US"], age: ["25-34", "35-44"] });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("removes every demo vote and nothing else", async () => {
    expect(await removeDemoVotes()).toBe(40_000);
    expect(await db().vote.count()).toBe(0);
  });
});
