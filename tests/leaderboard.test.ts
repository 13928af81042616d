import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { importBattlesFile } from "../lib/import";
import { getLeaderboard } from "../lib/queries/leaderboard";
import type { LeaderboardFilters } from "../lib/filters";
import { getModelFacts } from "../lib/queries/model-profile";
import { countSliceFromVotes } from "../lib/queries/slice-counts";
import { markVotesChanged } from "../lib/slice-index/vote-index";
import { resetDatabase } from "./support/database";

const FIXTURES = path.resolve(import.meta.dirname, "../lib/rating/__fixtures__/fastchat");
const expected = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8")) as {
    n: number;
    models: Record<string, { rating: number; lower: number; upper: number }>;
  };

/** Compares a slice of the database's leaderboard with FastChat's recorded output. */
async function expectParity(filters: LeaderboardFilters, file: string) {
  const board = await getLeaderboard(filters);
  const reference = expected(file);
  expect(board.votes).toBe(reference.n);
  expect(board.isShown).toBe(true);
  expect(board.rows.map((r) => r.name).sort()).toEqual(Object.keys(reference.models).sort());
  for (const row of board.rows) {
    const ref = reference.models[row.name];
    expect(Math.abs(row.rating! - ref.rating), `${row.name} rating`).toBeLessThan(0.5);
    // Bounds come from other random draws than numpy's (exact draw-for-draw parity is a unit test
    // of lib/rating); 100 rounds leave them this noisy: within 0.45 of FastChat's interval width.
    const tolerance = 0.45 * (ref.upper - ref.lower);
    expect(Math.abs(row.lower! - ref.lower), `${row.name} lower`).toBeLessThan(tolerance);
    expect(Math.abs(row.upper! - ref.upper), `${row.name} upper`).toBeLessThan(tolerance);
  }
  return board;
}

function tempFile(lines: string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "showdown-import-")), "battles.jsonl");
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

describe("leaderboard on the 2k fixture", () => {
  beforeAll(async () => {
    await resetDatabase();
    await importBattlesFile(path.join(FIXTURES, "battles-2k.jsonl.gz"));
  });

  it("matches FastChat's ratings and bootstrap bounds", async () => {
    const board = await expectParity({}, "battles-2k.fastchat.json");
    const ranks = board.rows.map((r) => r.rank!);
    expect(ranks[0]).toBe(1);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks); // sorted by rating, so ranks never decrease
  });

  it("re-importing the same file adds nothing", async () => {
    const again = await importBattlesFile(path.join(FIXTURES, "battles-2k.jsonl.gz"));
    expect(again).toMatchObject({ lines: 2000, added: 0, alreadyPresent: 2000, modelsCreated: [] });
    expect(await db().vote.count()).toBe(2000);
  });

  it("rejects a file with a bad line as a whole, naming the line", async () => {
    const good = JSON.stringify({
      model_a: "model-000",
      model_b: "model-001",
      winner: "model_a",
      judge: "j1",
      tstamp: 1735700000,
      country: "DE",
    });
    const file = tempFile([
      good,
      '{"model_a": "model-000", "model_b": "model-001", "winner": "draw"}',
      "not json",
      JSON.stringify({ model_a: "x", model_b: "y", winner: "tie", country: "ZZ" }),
    ]);
    let message = "";
    try {
      await importBattlesFile(file);
    } catch (error) {
      expect(isAppError(error)).toBe(true);
      message = (error as Error).message;
    }
    expect(message).toContain("3 invalid line(s)");
    expect(message).toContain("line 2: winner");
    expect(message).toContain("line 3: not valid JSON");
    expect(message).toContain('line 4: country "ZZ"');
    expect(await db().vote.count()).toBe(2000);
    expect(await db().model.count({ where: { name: { in: ["x", "y"] } } })).toBe(0);
  });

  it("says a slice is too small instead of ranking it", async () => {
    const board = await getLeaderboard({ country: ["IS"] });
    expect(board.voters).toBeNull(); // fewer than the minimum: no exact count (lib/leaderboard/thin-slice)
    expect(board.votes).toBeNull();
    expect(board.belowMinimum).toBe(true);
    expect((await countSliceFromVotes({ country: ["IS"] })).voters).toBeLessThan(board.policy.minSliceVoters);
    expect(board.isShown).toBe(false);
    expect(board.rows).toEqual([]);
  });
});

describe("leaderboard on the 20k fixture, sliced", () => {
  beforeAll(async () => {
    await resetDatabase();
    const result = await importBattlesFile(path.join(FIXTURES, "battles-20k.jsonl.gz"));
    expect(result.added).toBe(20000);
  }, 120_000);

  it("matches FastChat on all votes", async () => {
    await expectParity({}, "battles-20k.fastchat.json");
  });

  it("matches FastChat on country = DE", async () => {
    await expectParity({ country: ["DE"] }, "battles-20k.country-DE.fastchat.json");
  });

  it("matches FastChat on language = en and age = 25-34", async () => {
    await expectParity({ language: ["en"], age: ["25-34"] }, "battles-20k.language-en.age-25-34.fastchat.json");
  });

  it("filters by region through the countries' UN M49 regions", async () => {
    // Europe in this file: DE 1280 + ES 516 + FR 936 + GB 1241 + PL 318 (TR is in Asia under M49).
    expect((await getLeaderboard({ region: ["europe"] })).votes).toBe(4291);
    expect((await countSliceFromVotes({ region: ["oceania"] })).votes).toBe(355);
    expect((await getLeaderboard({ region: ["oceania"] })).votes).toBeNull(); // under 20 voters: withheld
  });

  it("filters by education and combines attributes", async () => {
    const all = await getLeaderboard({});
    const doctorate = await getLeaderboard({ education: ["doctorate"] });
    const both = await getLeaderboard({ education: ["doctorate"], language: ["en"] });
    expect(doctorate.votes).toBe(await db().vote.count({ where: { education: "doctorate" } }));
    expect(both.votes).toBe(await db().vote.count({ where: { education: "doctorate", language: "en" } }));
    expect(both.votes).toBeLessThan(doctorate.votes!);
    expect(doctorate.votes).toBeLessThan(all.votes!);
  });

  it("takes several values of an attribute (OR) and a date range", async () => {
    const de = await getLeaderboard({ country: ["DE"] });
    const fr = await getLeaderboard({ country: ["FR"] });
    expect((await getLeaderboard({ country: ["DE", "FR"] })).votes).toBe(de.votes! + fr.votes!);
    const [{ first, last }] = await db().$queryRaw<
      { first: Date; last: Date }[]
    >`SELECT min("createdAt") AS first, max("createdAt") AS last FROM "Vote"`;
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect((await getLeaderboard({ from: day(first), to: day(last) })).votes).toBe(20000);
    const endOfFirstDay = new Date(new Date(`${day(first)}T00:00:00Z`).getTime() + 86_400_000);
    const firstDay = await db().vote.count({ where: { createdAt: { lt: endOfFirstDay } } });
    expect((await getLeaderboard({ to: day(first) })).votes).toBe(firstDay);
    expect(firstDay).toBeGreaterThan(0);
  });

  it("reports distinct voters and outcome rates per model", async () => {
    const board = await getLeaderboard({ country: ["DE"] });
    const row = board.rows[0];
    const [{ voters }] = await db().$queryRaw<{ voters: number }[]>`
      SELECT count(DISTINCT "voterKey")::int AS voters FROM "Vote" v JOIN "Model" m ON m.id IN (v."modelAId", v."modelBId")
      WHERE v.country = 'DE' AND m.name = ${row.name}`;
    expect(row.voters).toBe(voters);
    expect(row.winRate + row.tieRate + row.bothBadRate + row.losses / row.votes).toBeCloseTo(1, 10);
    expect(board.pairwise.modelIds).toHaveLength(board.rows.filter((r) => r.rating !== null).length);
    const [i, j] = [0, 1];
    const f = board.pairwise.winFraction;
    expect(f[i][j]! + f[j][i]!).toBeCloseTo(1, 10);
    expect(board.pairwise.battles[i][j]).toBe(board.pairwise.battles[j][i]);
  });

  it("lists a model with too few votes in a slice without a rating", async () => {
    // Kenya: 460 votes by 24 voters; two models have fewer than 30 votes there.
    const board = await getLeaderboard({ country: ["KE"] });
    expect(board.isShown).toBe(true);
    const unrated = board.rows.filter((r) => r.rating === null);
    expect(unrated).toHaveLength(2);
    for (const row of board.rows) expect(row.rating === null).toBe(row.votes < board.policy.minModelVotes);
    expect(board.rows.slice(-2)).toEqual(unrated); // listed after the rated models
  });
});

describe("leaderboard governance and exclusions", () => {
  /** Four models, a clear order a > b > c > d, with 40 voters so the slice is shown. */
  async function seedBoard() {
    await resetDatabase();
    const names = ["gov-a", "gov-b", "gov-c", "gov-d"];
    const models = await Promise.all(
      names.map((name) =>
        db().model.create({
          data: { name, displayName: name.toUpperCase(), organization: "Org", license: "proprietary" },
          select: { id: true, name: true },
        }),
      ),
    );
    const id = Object.fromEntries(models.map((m) => [m.name, m.id]));
    const rows: { voterKey: string; modelAId: string; modelBId: string; outcome: "A" | "B"; source: "IMPORT" }[] = [];
    for (let v = 0; v < 40; v++) {
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          rows.push({
            voterKey: `gov-voter-${v}`,
            modelAId: id[names[i]],
            modelBId: id[names[j]],
            outcome: v % 5 === 0 ? "B" : "A",
            source: "IMPORT",
          });
        }
      }
    }
    await db().vote.createMany({ data: rows });
    markVotesChanged();
    return id;
  }

  it("hides private-testing and withdrawn models, re-ranks the rest, and shows them with visibility all", async () => {
    const id = await seedBoard();
    await db().model.update({ where: { id: id["gov-b"] }, data: { visibility: "PRIVATE_TESTING" } });
    await db().model.update({ where: { id: id["gov-c"] }, data: { visibility: "WITHDRAWN" } });
    const board = await getLeaderboard({});
    expect(board.rows.map((r) => r.name)).toEqual(["gov-a", "gov-d"]);
    expect(board.rows.map((r) => r.rank)).toEqual([1, 2]);
    expect(board.pairwise.modelIds).toEqual([id["gov-a"], id["gov-d"]]);
    const all = await getLeaderboard({}, { visibility: "all" });
    expect(all.rows.map((r) => [r.name, r.visibility])).toEqual([
      ["gov-a", "PUBLIC"],
      ["gov-b", "PRIVATE_TESTING"],
      ["gov-c", "WITHDRAWN"],
      ["gov-d", "PUBLIC"],
    ]);
    // Ratings do not depend on who is shown: the fit uses every counted vote.
    expect(all.rows.find((r) => r.name === "gov-a")!.rating).toBe(board.rows[0].rating);
  });

  it("gives private-testing and withdrawn models no public model page", async () => {
    const id = await seedBoard();
    await db().model.update({ where: { id: id["gov-b"] }, data: { visibility: "PRIVATE_TESTING" } });
    await db().model.update({ where: { id: id["gov-c"] }, data: { visibility: "WITHDRAWN" } });
    expect(await getModelFacts("gov-b")).toBeNull();
    expect(await getModelFacts("gov-c")).toBeNull();
    expect(await getModelFacts("gov-a")).toMatchObject({ name: "gov-a" });
  });

  it("hides deprecated models by default and shows them marked on request", async () => {
    const id = await seedBoard();
    await db().model.update({
      where: { id: id["gov-a"] },
      data: { status: "DEPRECATED", deprecatedAt: new Date(), deprecationReason: "test" },
    });
    const hidden = await getLeaderboard({});
    expect(hidden.rows.map((r) => r.name)).toEqual(["gov-b", "gov-c", "gov-d"]);
    expect(hidden.rows[0].rank).toBe(1);
    expect(hidden.hiddenDeprecated).toBe(1);
    const shown = await getLeaderboard({}, { deprecated: "show" });
    expect(shown.rows.map((r) => [r.name, r.status])).toEqual([
      ["gov-a", "DEPRECATED"],
      ["gov-b", "ACTIVE"],
      ["gov-c", "ACTIVE"],
      ["gov-d", "ACTIVE"],
    ]);
    expect(shown.hiddenDeprecated).toBe(0);
  });

  it("leaves identity-leak and excluded votes out and states how many, by reason", async () => {
    const id = await seedBoard();
    const before = await getLeaderboard({});
    expect(before.excludedVotes).toEqual({ identityLeak: 0, excludedVoters: 0, replay: 0, unverifiedVoters: 0, total: 0 });
    const [first, second] = await db().vote.findMany({
      where: { voterKey: "gov-voter-1" },
      select: { seq: true },
      take: 2,
      orderBy: { seq: "asc" },
    });
    await db().vote.update({ where: { seq: first.seq }, data: { identityLeak: true } });
    await db().vote.update({ where: { seq: second.seq }, data: { excluded: true } });
    await db().vote.updateMany({ where: { voterKey: "gov-voter-2" }, data: { excluded: true } });
    markVotesChanged();
    const after = await getLeaderboard({});
    expect(after.excludedVotes).toEqual({ identityLeak: 1, excludedVoters: 7, replay: 0, unverifiedVoters: 0, total: 8 });
    expect(after.votes).toBe(before.votes! - 8);
    expect(after.voters).toBe(before.voters! - 1);
    const sql = await countSliceFromVotes({});
    expect(sql.votes).toBe(after.votes);
    expect(id["gov-a"]).toBeDefined();
  });
});
