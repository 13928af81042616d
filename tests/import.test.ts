import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { importBattlesFile } from "../lib/import";
import { resetDatabase } from "./support/database";

function temp(name: string, content: string | Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "showdown-import-")), name);
  fs.writeFileSync(file, content);
  return file;
}

// Shaped like LMArena's public clean_battle_*.json: a JSON array, language names, extra fields.
const lmarena = [
  {
    model_a: "gpt-4-0613",
    model_b: "claude-2.1",
    winner: "model_a",
    judge: "arena_user_1",
    turn: 1,
    anony: true,
    language: "English",
    tstamp: 1700000000.5,
    conv_metadata: { sum_user_tokens: 12 },
    dedup_tag: { high_freq: false, sampled: true },
  },
  {
    model_a: "claude-2.1",
    model_b: "gpt-4-0613",
    winner: "tie (bothbad)",
    judge: "arena_user_2",
    anony: true,
    language: "Portuguese",
    tstamp: 1700000100,
  },
  {
    model_a: "claude-2.1",
    model_b: "gpt-4-0613",
    winner: "model_b",
    judge: "arena_user_3",
    anony: false,
    language: "English",
    tstamp: 1700000200,
  },
  {
    model_a: "gpt-4-0613",
    model_b: "claude-2.1",
    winner: "tie",
    judge: "arena_user_4",
    anony: true,
    language: "English",
    tstamp: 1700000300,
    dedup_tag: { high_freq: true, sampled: false },
  },
  {
    model_a: "gpt-4-0613",
    model_b: "claude-2.1",
    winner: "model_b",
    judge: "arena_user_5",
    anony: true,
    language: "unknown",
    tstamp: 1700000400,
  },
];

beforeAll(resetDatabase);

describe("importing LMArena's clean_battle export", () => {
  it("reads the JSON array shape, keeps anonymous battles, applies the dedup rule and maps language names", async () => {
    const file = temp("clean_battle.json", JSON.stringify(lmarena, null, 2));
    const result = await importBattlesFile(file);
    expect(result).toMatchObject({ lines: 5, added: 3, alreadyPresent: 0, skippedNotAnonymous: 1, skippedDeduplicated: 1 });
    expect(result.modelsCreated).toEqual(["claude-2.1", "gpt-4-0613"]);
    const votes = await db().vote.findMany({
      orderBy: { createdAt: "asc" },
      select: { outcome: true, language: true, voterKey: true, country: true, createdAt: true },
    });
    expect(votes.map((v) => [v.outcome, v.language, v.voterKey, v.country])).toEqual([
      ["A", "en", "import:arena_user_1", null],
      ["BOTH_BAD", "pt", "import:arena_user_2", null],
      ["B", null, "import:arena_user_5", null],
    ]);
    expect(votes[0].createdAt.getTime()).toBe(1700000000500);
    expect((await importBattlesFile(file)).added).toBe(0);
  });

  it("reads gzipped JSON lines the same way", async () => {
    const lines = lmarena.map((b) => JSON.stringify({ ...b, judge: `${b.judge}-gz` })).join("\n");
    const result = await importBattlesFile(temp("battles.jsonl.gz", zlib.gzipSync(lines)));
    expect(result).toMatchObject({ lines: 5, added: 3 });
  });

  it("refuses a bad language code and a truncated array with line numbers", async () => {
    const bad = temp("bad.jsonl", `${JSON.stringify({ model_a: "a", model_b: "b", winner: "tie", language: "xx" })}\n`);
    await expect(importBattlesFile(bad)).rejects.toThrow('line 1: language "xx" is not an ISO 639-1 code or a language name');
    const truncated = temp("truncated.json", '[{"model_a": "a", "model_b": "b", "winner": "tie"},\n {"model_a": "a", "mod');
    await expect(importBattlesFile(truncated)).rejects.toThrow("line 2: not valid JSON");
    expect(await db().model.count({ where: { name: { in: ["a", "b"] } } })).toBe(0);
  });
});

describe("importing style metadata (conv_metadata)", () => {
  const counts = (h: number[], ordered: number, unordered: number, stars: number, underscores: number) => ({
    header: Object.fromEntries(h.map((n, i) => [`h${i + 1}`, n])),
    list: { ordered, unordered },
    bold: { "**": stars, __: underscores },
  });
  const a = counts([1, 2, 0, 0, 0, 1], 3, 4, 5, 1);
  const b = counts([0, 0, 0, 0, 0, 0], 0, 2, 0, 0);
  const base = { model_a: "style-a", model_b: "style-b", winner: "model_a", anony: true };

  it("stores tokens and summed header, list and bold counts per side, and null where a file does not say", async () => {
    const lines = [
      {
        ...base,
        judge: "style_1",
        tstamp: 1700001000,
        conv_metadata: {
          sum_user_tokens: 20,
          turns: 1,
          sum_assistant_a_tokens: 512,
          sum_assistant_b_tokens: 128,
          header_count_a: a.header,
          header_count_b: b.header,
          list_count_a: a.list,
          list_count_b: b.list,
          bold_count_a: a.bold,
          bold_count_b: b.bold,
        },
      },
      // bare counts, as FastChat's style control also accepts
      {
        ...base,
        judge: "style_2",
        tstamp: 1700001001,
        conv_metadata: {
          sum_assistant_a_tokens: 7,
          sum_assistant_b_tokens: 9,
          header_count_a: 2,
          header_count_b: 0,
          list_count_a: 1,
          list_count_b: 3,
          bold_count_a: 0,
          bold_count_b: 4,
        },
      },
      // tokens only (older exports), and no metadata at all
      { ...base, judge: "style_3", tstamp: 1700001002, conv_metadata: { sum_assistant_a_tokens: 300, sum_assistant_b_tokens: 200 } },
      { ...base, judge: "style_4", tstamp: 1700001003 },
    ];
    const result = await importBattlesFile(temp("style.jsonl", lines.map((l) => JSON.stringify(l)).join("\n")));
    expect(result).toMatchObject({ lines: 4, added: 4 });
    const votes = await db().vote.findMany({
      where: { voterKey: { startsWith: "import:style_" } },
      orderBy: { voterKey: "asc" },
      select: { tokensA: true, tokensB: true, headersA: true, headersB: true, listsA: true, listsB: true, boldA: true, boldB: true },
    });
    expect(votes).toEqual([
      { tokensA: 512, tokensB: 128, headersA: 4, headersB: 0, listsA: 7, listsB: 2, boldA: 6, boldB: 0 },
      { tokensA: 7, tokensB: 9, headersA: 2, headersB: 0, listsA: 1, listsB: 3, boldA: 0, boldB: 4 },
      { tokensA: 300, tokensB: 200, headersA: null, headersB: null, listsA: null, listsB: null, boldA: null, boldB: null },
      { tokensA: null, tokensB: null, headersA: null, headersB: null, listsA: null, listsB: null, boldA: null, boldB: null },
    ]);
  });

  it("refuses malformed style metadata with the line and field, importing nothing", async () => {
    const lines = [
      { ...base, model_a: "style-bad-a", judge: "bad_1", conv_metadata: { sum_assistant_a_tokens: 12.5, sum_assistant_b_tokens: 3 } },
      { ...base, model_a: "style-bad-a", judge: "bad_2", conv_metadata: { header_count_a: { h1: -1 } } },
      { ...base, model_a: "style-bad-a", judge: "bad_3", conv_metadata: { bold_count_b: "many" } },
    ];
    const file = temp("bad-style.jsonl", lines.map((l) => JSON.stringify(l)).join("\n"));
    const error = importBattlesFile(file);
    await expect(error).rejects.toThrow("line 1: conv_metadata.sum_assistant_a_tokens: must be a whole number from 0 to 100000000");
    await expect(importBattlesFile(file)).rejects.toThrow(
      "line 2: conv_metadata.header_count_a: must be a whole number from 0 to 100000000, or an object of them by kind",
    );
    await expect(importBattlesFile(file)).rejects.toThrow(
      "line 3: conv_metadata.bold_count_b: must be a whole number from 0 to 100000000, or an object of them by kind",
    );
    expect(await db().model.count({ where: { name: "style-bad-a" } })).toBe(0);
  });
});

describe("imports are all or nothing", () => {
  const line = (i: number, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      model_a: `atomic-a-${i % 3}`,
      model_b: "atomic-b",
      winner: "model_a",
      judge: `atomic_${i}`,
      tstamp: 1700000000 + i,
      ...extra,
    });
  const snapshot = async () => ({
    votes: await db().vote.count(),
    models: await db().model.count({ where: { name: { startsWith: "atomic-" } } }),
  });

  it("refuses a tstamp that is no real date (1e13 on the last line), naming the line, and writes nothing", async () => {
    const before = await snapshot();
    const lines = Array.from({ length: 12_000 }, (_, i) => line(i));
    lines.push(line(12_000, { tstamp: 1e13 }));
    const error = await importBattlesFile(temp("late.jsonl", lines.join("\n"))).catch((e: unknown) => e);
    expect(isAppError(error) && error.status).toBe(400);
    expect((error as Error).message).toMatch(/line 12001: tstamp: tstamp must be unix seconds no later than/);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      "a tstamp before 2000 (milliseconds read as seconds are caught the other way)",
      { tstamp: 86_400 },
      "tstamp must be unix seconds from 2000-01-01",
    ],
    ["a NUL in a model name", { model_a: "bad\u0000name" }, "model_a contains a control character"],
    ["a model name longer than 200 characters", { model_b: "m".repeat(201) }, "model_b is longer than 200 characters"],
    ["a judge longer than 200 characters", { judge: "j".repeat(201) }, "judge is longer than 200 characters"],
    ["a country longer than 100 characters", { country: "x".repeat(101) }, "country is longer than 100 characters"],
    [
      "a style count whose sum would overflow an INTEGER",
      { conv_metadata: { sum_assistant_a_tokens: 2_000_000_000, sum_assistant_b_tokens: 2_000_000_000 } },
      "must be a whole number from 0 to 100000000",
    ],
    ["a replay flag that is not a boolean", { replay: "yes" }, "replay must be true or false"],
  ])("refuses %s", async (_, extra, message) => {
    const before = await snapshot();
    const file = temp("bad.jsonl", [line(1), line(2, extra)].join("\n"));
    await expect(importBattlesFile(file)).rejects.toThrow(`line 2: `);
    await expect(importBattlesFile(file)).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
  });

  it("rolls back every batch and every created model when the database refuses a line mid-way", async () => {
    const before = await snapshot();
    // An operator-side fault the validation cannot see: the database refuses line 7000 (in the second batch).
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_vote() RETURNS trigger AS $$
      BEGIN IF NEW."voterKey" = 'import:atomic_6999' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_vote BEFORE INSERT ON "Vote" FOR EACH ROW EXECUTE FUNCTION test_refuse_vote()`,
    );
    try {
      const file = temp("midway.jsonl", Array.from({ length: 8000 }, (_, i) => line(i)).join("\n"));
      const error = await importBattlesFile(file).catch((e: unknown) => e);
      expect(isAppError(error) && error.status).toBe(400);
      expect((error as Error).message).toContain("lines 5001–8000");
      expect((error as Error).message).toContain("refused by test trigger");
      expect((error as Error).message).toContain("nothing was imported");
      expect(await snapshot()).toEqual(before);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_vote ON "Vote"`);
      await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_refuse_vote()`);
    }
    // and the same file imports in full once the fault is gone
    const file = temp("after.jsonl", Array.from({ length: 8000 }, (_, i) => line(i)).join("\n"));
    expect(await importBattlesFile(file)).toMatchObject({
      added: 8000,
      modelsCreated: ["atomic-a-0", "atomic-a-1", "atomic-a-2", "atomic-b"],
    });
  });
});
