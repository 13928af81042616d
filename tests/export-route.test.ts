import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as exportRoute from "../app/api/export/route";
import { db } from "../lib/db";
import { setAuthEnv } from "../lib/env";
import { CLEAN_BATTLE_COLUMNS } from "../lib/export-format";
import { importBattlesFile } from "../lib/import";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR } from "../lib/queries/audit";
import { updatePolicy } from "../lib/queries/policy";
import { resetDatabase } from "./support/database";
import { parseCsv } from "./support/parse-csv";
import { createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

const EVIL = '=HYPERLINK("http://evil.example","x")';
const OLD = Date.UTC(2024, 0, 15) / 1000; // well past the holdout

async function download(format: "csv" | "jsonl"): Promise<{ status: number; text: string }> {
  const response = await exportRoute.GET(new Request(`http://localhost/api/export?format=${format}`));
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  await resetDatabase();
  setAuthEnv({ judgeSecret: "integration-test-secret-0123456789" });
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
  // A model name is whatever an imported file says: here a spreadsheet formula, and a name starting with "-".
  const lines = [
    { model_a: EVIL, model_b: "-negative-name", winner: "model_a", judge: "csv_1", tstamp: OLD },
    { model_a: "-negative-name", model_b: "plain-model", winner: "tie", judge: "@csv_2", tstamp: OLD + 1 },
    { model_a: "plain-model", model_b: EVIL, winner: "model_b", judge: "csv_3", tstamp: OLD + 2, replay: true },
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "showdown-export-route-")), "evil.jsonl");
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
  expect(await importBattlesFile(file)).toMatchObject({ added: 3 });
  signInAs(await createAccount("CUSTOMER"));
});

afterAll(async () => {
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
  signInAs(null);
});

describe("CSV exports through GET /api/export", () => {
  it("neutralise cells that a spreadsheet would run as formulas, and quote them", async () => {
    const { status, text } = await download("csv");
    expect(status).toBe(200);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual([...CLEAN_BATTLE_COLUMNS]);
    expect(records).toHaveLength(3);
    const cells = records.flat();
    // no cell starts with a formula character any more
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(records[0]![0]).toBe(`'${EVIL}`);
    expect(records[0]![1]).toBe("'-negative-name");
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    // numbers stay numbers
    expect(records[0]![CLEAN_BATTLE_COLUMNS.indexOf("tstamp")]).toBe(String(OLD));
  });

  it("keep JSON lines exact (only CSV is read by spreadsheets)", async () => {
    const { text } = await download("jsonl");
    const battles = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(battles[0]!.model_a).toBe(EVIL);
  });

  it("carry the replay flag as a column, so users of the data can filter replay battles out", async () => {
    const { text } = await download("csv");
    const [, ...records] = parseCsv(text);
    expect(records.map((r) => r[CLEAN_BATTLE_COLUMNS.indexOf("replay")])).toEqual(["false", "false", "true"]);
    // whatever the board policy says, the export keeps replay votes (with the flag)
    await updatePolicy({ ...DEFAULT_POLICY, excludeReplayVotes: true }, CLI_ACTOR);
    const again = parseCsv((await download("csv")).text);
    expect(again).toHaveLength(4);
  });

  it("leave out unverified contributors' votes while the policy requires verified email", async () => {
    await db().vote.updateMany({ where: { voterKey: "import:csv_1" }, data: { voterUnverified: true } });
    await updatePolicy({ ...DEFAULT_POLICY, requireVerifiedEmail: true }, CLI_ACTOR);
    expect(parseCsv((await download("csv")).text)).toHaveLength(3);
    await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
    expect(parseCsv((await download("csv")).text)).toHaveLength(4);
  });
});
