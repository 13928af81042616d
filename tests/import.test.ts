import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { importBattlesFile } from "../lib/import";
import { resetDatabase } from "./helpers";

function temp(name: string, content: string | Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "showdown-import-")), name);
  fs.writeFileSync(file, content);
  return file;
}

// Shaped like LMArena's public clean_battle_*.json: a JSON array, language names, extra fields.
const lmarena = [
  { model_a: "gpt-4-0613", model_b: "claude-2.1", winner: "model_a", judge: "arena_user_1", turn: 1, anony: true, language: "English", tstamp: 1700000000.5, conv_metadata: { sum_user_tokens: 12 }, dedup_tag: { high_freq: false, sampled: true } },
  { model_a: "claude-2.1", model_b: "gpt-4-0613", winner: "tie (bothbad)", judge: "arena_user_2", anony: true, language: "Portuguese", tstamp: 1700000100 },
  { model_a: "claude-2.1", model_b: "gpt-4-0613", winner: "model_b", judge: "arena_user_3", anony: false, language: "English", tstamp: 1700000200 },
  { model_a: "gpt-4-0613", model_b: "claude-2.1", winner: "tie", judge: "arena_user_4", anony: true, language: "English", tstamp: 1700000300, dedup_tag: { high_freq: true, sampled: false } },
  { model_a: "gpt-4-0613", model_b: "claude-2.1", winner: "model_b", judge: "arena_user_5", anony: true, language: "unknown", tstamp: 1700000400 },
];

beforeAll(resetDatabase);

describe("importing LMArena's clean_battle export", () => {
  it("reads the JSON array shape, keeps anonymous battles, applies the dedup rule and maps language names", async () => {
    const file = temp("clean_battle.json", JSON.stringify(lmarena, null, 2));
    const result = await importBattlesFile(file);
    expect(result).toMatchObject({ lines: 5, added: 3, alreadyPresent: 0, skippedNotAnonymous: 1, skippedDeduplicated: 1 });
    expect(result.modelsCreated).toEqual(["claude-2.1", "gpt-4-0613"]);
    const votes = await db().vote.findMany({ orderBy: { createdAt: "asc" }, select: { outcome: true, language: true, voterKey: true, country: true, createdAt: true } });
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
      { ...base, judge: "style_2", tstamp: 1700001001, conv_metadata: { sum_assistant_a_tokens: 7, sum_assistant_b_tokens: 9, header_count_a: 2, header_count_b: 0, list_count_a: 1, list_count_b: 3, bold_count_a: 0, bold_count_b: 4 } },
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
    await expect(error).rejects.toThrow("line 1: conv_metadata.sum_assistant_a_tokens: must be a whole number ≥ 0");
    await expect(importBattlesFile(file)).rejects.toThrow("line 2: conv_metadata.header_count_a: must be a whole number ≥ 0, or an object of them by kind");
    await expect(importBattlesFile(file)).rejects.toThrow("line 3: conv_metadata.bold_count_b: must be a whole number ≥ 0, or an object of them by kind");
    expect(await db().model.count({ where: { name: "style-bad-a" } })).toBe(0);
  });
});
