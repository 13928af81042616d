import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnv } from "../lib/env";
import type { LeaderboardFilters } from "../lib/filters";
import { seedRoster } from "../lib/seed";
import { compileFilter } from "../lib/slice-index/compile-filter";
import { IndexCache } from "../lib/slice-index/index-cache";
import { VoteIndex } from "../lib/slice-index/vote-index";
import { resetDatabase } from "./support/database";

let pool: pg.Pool;
let dir: string;
const logs: string[] = [];
const cacheAt = (file: string) => new IndexCache(file, pool, (m) => logs.push(m));

const FILTERS: LeaderboardFilters[] = [
  {},
  { country: ["DE"] },
  { region: ["asia"], age: ["25-34", "35-44"] },
  { language: ["en"], education: ["master"] },
  { from: "2025-03-01", to: "2025-06-30" },
];

/** Everything an index answers, in a comparable form. */
function answers(index: VoteIndex) {
  return {
    scans: FILTERS.map((f) => index.scan(compileFilter(f), "style")),
    uncounted: index.uncounted,
    arenaVotes: index.arenaVotes,
    replayCounted: index.replayCounted,
    modelIds: index.modelIds,
    heldRows: index.heldRows,
    pairs: index.modelIds.map((_, a) => index.modelIds.map((__, b) => [0, 1, 2, 3].map((o) => index.pairs.cell(a, b, o)))),
    outcomes: index.pairs.outcomes,
  };
}

/** `n` votes of every kind: counted, identity leaks, excluded voters, replay battles, unverified voters, demo, with and without style. */
async function addVotes(n: number, offset: number) {
  await pool.query(
    `INSERT INTO "Vote" ("voterKey", "modelAId", "modelBId", outcome, source, country, region, "ageBand", education, language, "createdAt",
                         "identityLeak", excluded, replay, "voterUnverified", "tokensA", "tokensB", "headersA", "headersB", "listsA", "listsB", "boldA", "boldB")
     SELECT 'v:' || (i % 997), m[1 + i % 7], m[1 + (i + 1 + i % 5) % 7], (ARRAY['A','B','TIE','BOTH_BAD'])[1 + i % 4]::"Outcome",
            (ARRAY['ARENA','IMPORT','DEMO'])[1 + i % 3]::"VoteSource",
            (ARRAY['DE','IN','US',NULL,'JP'])[1 + i % 5], (ARRAY['europe','asia','americas',NULL,'asia'])[1 + i % 5],
            (ARRAY['25-34','35-44',NULL])[1 + i % 3], (ARRAY['master','bachelor',NULL,'doctorate'])[1 + i % 4], (ARRAY['en','de',NULL])[1 + i % 3],
            timestamp '2025-01-01' + (i % 300) * interval '1 day',
            i % 101 = 0, i % 103 = 0, i % 7 = 0, i % 11 = 0,
            CASE WHEN i % 9 = 0 THEN NULL ELSE 100 + i % 50 END, 120, i % 3, 1, i % 4, 2, i % 2, 0
     FROM generate_series($1::int, $1::int + $2::int - 1) i, (SELECT array_agg(id ORDER BY name) AS m FROM (SELECT id, name FROM "Model" ORDER BY name LIMIT 7) x) models`,
    [offset, n],
  );
}

const setRules = (excludeReplayVotes: boolean, requireVerifiedEmail: boolean) =>
  pool.query(
    `INSERT INTO "PolicySettings" (id, "excludeReplayVotes", "requireVerifiedEmail", "updatedAt") VALUES (1, $1, $2, now())
     ON CONFLICT (id) DO UPDATE SET "excludeReplayVotes" = $1, "requireVerifiedEmail" = $2`,
    [excludeReplayVotes, requireVerifiedEmail],
  );

beforeAll(async () => {
  await resetDatabase();
  await seedRoster();
  pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 4 });
  await setRules(true, true);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "showdown-index-file-"));
  // Enough votes for a voter-sorted main part (sealed past 50,000) and a tail.
  await addVotes(60_000, 0);
});

afterAll(async () => {
  await setRules(false, false);
  await pool.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the persisted vote index", () => {
  it("gives exactly the index the table gives, uncounted votes included, and catches up on newer votes after a restore", async () => {
    const file = path.join(dir, "votes.idx");
    const fromTable = new VoteIndex(pool);
    await fromTable.sync();
    expect(fromTable.uncounted.identityLeak).toBeGreaterThan(0);
    expect(fromTable.uncounted.replay).toBeGreaterThan(0);
    expect(fromTable.uncounted.unverifiedVoter).toBeGreaterThan(0);

    // A process that loads from the table writes the file; new votes arrive, land in its tail, and it saves again.
    const writer = new VoteIndex(pool, cacheAt(file));
    await writer.sync();
    await addVotes(3000, 60_000); // the tail
    await writer.sync();
    const writerCache = (writer as unknown as { cache: IndexCache }).cache;
    await writerCache.flush();
    expect(fs.existsSync(file)).toBe(true);
    expect(writerCache.lastEvent?.kind).toBe("saved");

    // A restart: the new process starts from the file.
    await fromTable.sync();
    const restoredCache = cacheAt(file);
    const restored = new VoteIndex(pool, restoredCache);
    await restored.sync();
    expect(restoredCache.lastEvent?.kind).toBe("restored");
    expect(answers(restored)).toEqual(answers(fromTable));

    // Newer votes after the file was written are read from the table as usual.
    await addVotes(500, 70_000);
    await Promise.all([fromTable.sync(), restored.sync()]);
    expect(answers(restored)).toEqual(answers(fromTable));
    expect(restored.heldRows).toBe(63_500);
  });

  it("is not used when the table changed under it (update, delete, other rules) and the index loads from the table", async () => {
    const file = path.join(dir, "stale.idx");
    const writer = new VoteIndex(pool, cacheAt(file));
    await writer.sync();
    await (writer as unknown as { cache: IndexCache }).cache.flush();
    expect(fs.existsSync(file)).toBe(true);

    // An admin excludes a voter: an UPDATE bumps the vote generation.
    await pool.query(`UPDATE "Vote" SET excluded = true WHERE "voterKey" = 'v:5'`);
    const afterUpdate = cacheAt(file);
    const index = new VoteIndex(pool, afterUpdate);
    await index.sync();
    expect(afterUpdate.lastEvent).toMatchObject({ kind: "rejected", detail: expect.stringContaining("updated or deleted") });
    const fromTable = new VoteIndex(pool);
    await fromTable.sync();
    expect(answers(index)).toEqual(answers(fromTable));

    // Saved again after that load; then the counting rules change.
    await (index as unknown as { cache: IndexCache }).cache.flush();
    await setRules(false, true);
    const afterRules = cacheAt(file);
    await new VoteIndex(pool, afterRules).sync();
    expect(afterRules.lastEvent).toMatchObject({ kind: "rejected", detail: expect.stringContaining("counting rules") });
    await afterRules.flush(); // it saves its own index (under the other rules) in the background
    await setRules(true, true);

    // A change that bypassed the generation trigger (e.g. applied with triggers off): the file passes the quick
    // checks, is used for a moment, and the background count finds the difference and makes the index rebuild.
    const saver = new VoteIndex(pool, cacheAt(file));
    await saver.sync();
    await (saver as unknown as { cache: IndexCache }).cache.flush();
    await pool.query(`ALTER TABLE "Vote" DISABLE TRIGGER "Vote_generation"`);
    try {
      await pool.query(`DELETE FROM "Vote" WHERE seq IN (SELECT seq FROM "Vote" ORDER BY seq LIMIT 3)`);
    } finally {
      await pool.query(`ALTER TABLE "Vote" ENABLE TRIGGER "Vote_generation"`);
    }
    const bypassed = cacheAt(file);
    const fooled = new VoteIndex(pool, bypassed);
    await fooled.sync();
    await bypassed.flush();
    expect(bypassed.lastEvent).toMatchObject({ kind: "rejected", detail: expect.stringContaining("the table has") });
    expect(fs.existsSync(file)).toBe(false);
    await fooled.sync(); // rebuilt from the table, and saved again
    await bypassed.flush();
    expect(bypassed.lastEvent?.kind).toBe("saved");
    const truth = new VoteIndex(pool);
    await truth.sync();
    expect(answers(fooled)).toEqual(answers(truth));

    // A table with other votes but the same count and generation (e.g. a restored backup): the last votes differ.
    const stamp = JSON.parse(
      fs
        .readFileSync(file)
        .subarray(8, 8 + fs.readFileSync(file).readUInt32LE(4))
        .toString("utf8"),
    ) as { fingerprint: string };
    expect(stamp.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const corrupt = path.join(dir, "corrupt.idx");
    fs.writeFileSync(corrupt, "not an index file");
    const junk = cacheAt(corrupt);
    const fine = new VoteIndex(pool, junk);
    await fine.sync();
    expect(fine.heldRows).toBe(truth.heldRows);
  });
});
