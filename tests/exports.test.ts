import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "./support/parse-csv";
import { runExport } from "../scripts/commands/export";
import { db } from "../lib/db";
import { setAuthEnv } from "../lib/env";
import { isAppError } from "../lib/errors";
import { CLEAN_BATTLE_COLUMNS, type CleanBattle, type ExportFormat } from "../lib/export-format";
import type { Outcome, VoteSource } from "../lib/generated/prisma/enums";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR, listAudit } from "../lib/queries/audit";
import { exportVotes } from "../lib/queries/exports";
import { getPolicy, updatePolicy } from "../lib/queries/policy";
import { createContributor, resetDatabase } from "./support/database";

const DAY = 86_400_000;
const MINUTE = 60_000;
const ODD_NAME = 'odd, "quoted"\nmodel ';

async function collect(format: ExportFormat, batchSize = 2) {
  const exported = await exportVotes({ format, batchSize });
  let text = "";
  for await (const chunk of exported.chunks) text += chunk;
  return { ...exported, text };
}

async function exportedBattles(): Promise<{ cutoff: Date; battles: CleanBattle[] }> {
  const { cutoff, text } = await collect("jsonl");
  return {
    cutoff,
    battles: text
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as CleanBattle),
  };
}

let models: { id: string; name: string }[] = [];
let odd: { id: string; name: string };
let voter: Awaited<ReturnType<typeof createContributor>>;
let now: Date;

async function addVote(
  at: Date,
  options: {
    source?: VoteSource;
    voterKey?: string;
    voterId?: string | null;
    outcome?: Outcome;
    a?: string;
    b?: string;
    language?: string | null;
  } = {},
) {
  await db().vote.create({
    data: {
      voterKey: options.voterKey ?? voter.id,
      voterId: options.voterId === undefined ? voter.id : options.voterId,
      modelAId: options.a ?? models[0].id,
      modelBId: options.b ?? models[1].id,
      outcome: options.outcome ?? "A",
      source: options.source ?? "ARENA",
      country: "BR",
      region: "americas",
      ageBand: "25-34",
      education: "bachelor",
      language: options.language === undefined ? "pt" : options.language,
      createdAt: at,
    },
  });
}

const ago = (ms: number) => new Date(now.getTime() - ms);
const seconds = (d: Date) => d.getTime() / 1000;

beforeAll(async () => {
  await resetDatabase();
  setAuthEnv({ judgeSecret: "integration-test-secret-0123456789" });
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
  voter = await createContributor();
  models = await db().model.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 2 });
  odd = await db().model.create({
    data: { name: ODD_NAME, displayName: "Odd", organization: "Test, Inc.", license: "proprietary" },
    select: { id: true, name: true },
  });
  now = new Date();
  await addVote(ago(60 * DAY + MINUTE)); // just outside the 60-day holdout: released
  await addVote(ago(60 * DAY - MINUTE)); // just inside: held out
  await addVote(ago(DAY)); // recent: held out
  await addVote(ago(45 * DAY)); // released only once the holdout is 30 days
  await addVote(ago(200 * DAY), { voterKey: "import:alice", voterId: null, outcome: "BOTH_BAD", language: null });
  await addVote(ago(201 * DAY), { voterKey: "import:alice", voterId: null, outcome: "TIE" });
  await addVote(ago(202 * DAY), { voterKey: "import:bob", voterId: null, outcome: "B", a: odd.id, b: models[0].id });
  await addVote(ago(100 * DAY), { source: "DEMO", voterKey: "demo:1", voterId: null });
});

afterAll(async () => {
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
});

describe("vote exports", () => {
  it("leave out identity-leak votes, excluded voters' votes and votes involving a private-testing variant", async () => {
    const secret = await db().model.create({
      data: {
        name: `codename-${Date.now()}`,
        displayName: "Codename",
        organization: "Test, Inc.",
        license: "proprietary",
        visibility: "PRIVATE_TESTING",
      },
      select: { id: true },
    });
    const at = [300, 301, 302].map((d) => ago(d * DAY));
    await addVote(at[0], { voterKey: "import:leak", voterId: null });
    await addVote(at[1], { voterKey: "import:excluded", voterId: null });
    await addVote(at[2], { voterKey: "import:private", voterId: null, b: secret.id });
    await db().vote.updateMany({ where: { voterKey: "import:leak" }, data: { identityLeak: true } });
    await db().vote.updateMany({ where: { voterKey: "import:excluded" }, data: { excluded: true } });
    try {
      const { battles, text } = await exportedBattles().then(async (r) => ({ ...r, text: (await collect("jsonl")).text }));
      for (const t of at) expect(battles.some((b) => b.tstamp === seconds(t))).toBe(false);
      expect(text).not.toContain("codename-");
    } finally {
      await db().vote.deleteMany({ where: { voterKey: { in: ["import:leak", "import:excluded", "import:private"] } } });
    }
  });

  it("release only votes older than the holdout, never demo votes, with the cutoff stated", async () => {
    const { cutoff, battles } = await exportedBattles();
    expect(Math.abs(cutoff.getTime() - ago(60 * DAY).getTime())).toBeLessThan(MINUTE);
    expect(battles.map((b) => b.tstamp).sort()).toEqual(
      [ago(202 * DAY), ago(201 * DAY), ago(200 * DAY), ago(60 * DAY + MINUTE)].map(seconds).sort(),
    );
    for (const b of battles) expect(b.tstamp).toBeLessThan(seconds(cutoff));
    expect(battles.some((b) => b.tstamp === seconds(ago(100 * DAY)))).toBe(false); // the demo vote
    expect(battles.find((b) => b.tstamp === seconds(ago(200 * DAY)))).toMatchObject({
      winner: "tie (bothbad)",
      language: null,
      country: "BR",
      region: "americas",
      age: "25-34",
      education: "bachelor",
    });
    expect(Object.keys(battles[0])).toEqual([...CLEAN_BATTLE_COLUMNS]);
  });

  it("give each voter a stable pseudonymous judge that is not their key, id or email", async () => {
    const first = await exportedBattles();
    const second = await exportedBattles();
    expect(second.battles.map((b) => b.judge)).toEqual(first.battles.map((b) => b.judge));
    const judgeAt = (days: number) => first.battles.find((b) => b.tstamp === seconds(ago(days * DAY)))!.judge;
    expect(judgeAt(200)).toBe(judgeAt(201)); // alice twice
    expect(judgeAt(202)).not.toBe(judgeAt(200)); // bob
    for (const b of first.battles) expect(b.judge).toMatch(/^[0-9a-f]{32}$/);
    const { text } = await collect("csv");
    const raw = JSON.stringify(first.battles) + text;
    for (const secret of [voter.id, voter.email, "alice", "bob", "import:"]) expect(raw).not.toContain(secret);
  });

  it("quote odd values in CSV and JSON lines so they read back unchanged", async () => {
    const { text } = await collect("csv");
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual([...CLEAN_BATTLE_COLUMNS]);
    expect(records).toHaveLength(4);
    const row = records.find((r) => r[0] === ODD_NAME);
    expect(row, "the odd model name survives quoting").toBeDefined();
    expect(row!.slice(1, 3)).toEqual([models[0].name, "model_b"]);
    expect(text).toContain(`"odd, ""quoted""\nmodel "`);
    const bothBad = records.find((r) => r[2] === "tie (bothbad)")!;
    expect(bothBad[CLEAN_BATTLE_COLUMNS.indexOf("language")]).toBe(""); // null is an empty field
    const { battles } = await exportedBattles();
    expect(battles.find((b) => b.model_b === models[0].name && b.winner === "model_b")!.model_a).toBe(ODD_NAME);
  });

  it("read in keyset batches: every released vote once, in insertion order, whatever the batch size", async () => {
    const byOne = await collect("jsonl", 1);
    const byThree = await collect("jsonl", 3);
    const large = await collect("jsonl", 1000);
    expect(byOne.text).toBe(large.text);
    expect(byThree.text).toBe(large.text);
    expect(large.stats.votes).toBe(4);
    // Insertion order (Vote.seq): the first released vote inserted was the 60-days-and-a-minute one.
    expect((JSON.parse(large.text.split("\n")[0]) as CleanBattle).tstamp).toBe(seconds(ago(60 * DAY + MINUTE)));
  });

  it("follow the policy: a shorter holdout moves the cutoff, and the change is audited", async () => {
    const admin = { id: voter.id, email: voter.email };
    await updatePolicy({ ...(await getPolicy()), holdoutDays: 30 }, admin);
    const { cutoff, battles } = await exportedBattles();
    expect(Math.abs(cutoff.getTime() - ago(30 * DAY).getTime())).toBeLessThan(MINUTE);
    expect(battles.map((b) => b.tstamp)).toContain(seconds(ago(45 * DAY)));
    expect(battles.map((b) => b.tstamp)).toContain(seconds(ago(60 * DAY - MINUTE)));
    expect(battles.map((b) => b.tstamp)).not.toContain(seconds(ago(DAY)));
    expect(battles).toHaveLength(6);

    const [entry] = await listAudit({ entity: "policy", take: 1 });
    expect(entry).toMatchObject({ action: "policy.update", actorEmail: voter.email, entityId: "1" });
    expect(entry.before).toMatchObject({ holdoutDays: 60 });
    expect(entry.after).toMatchObject({ holdoutDays: 30 });

    await updatePolicy({ ...(await getPolicy()), holdoutDays: 60 }, admin);
    expect(await exportedBattles().then((e) => e.battles.length)).toBe(4);
  });

  it("write the same file from the command line, and refuse an unknown format", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "showdown-export-")), "votes.csv");
    await runExport(["--format", "csv", "--out", out]);
    expect(fs.readFileSync(out, "utf8")).toBe((await collect("csv")).text);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    const error = await runExport(["--format", "xlsx"]).catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    expect((error as Error).message).toContain("--format must be one of jsonl, csv");
  });
});
