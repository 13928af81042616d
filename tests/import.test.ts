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
