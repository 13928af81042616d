import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { serverEnv } from "../lib/env";
import { seedRoster } from "../lib/seed";
import { acceptAll } from "../lib/slice-index/compile-filter";
import { VoteIndex } from "../lib/slice-index/vote-index";
import { checkVoteIndex } from "../lib/slice-index/check";
import { resetDatabase } from "./support/database";

let pool: pg.Pool;
let models: string[];

async function insertVote(client: pg.ClientBase | pg.Pool, voter: string, country = "DE"): Promise<number> {
  const r = await client.query<{ seq: string }>(
    `INSERT INTO "Vote" ("voterKey", "modelAId", "modelBId", outcome, source, country, region, "createdAt")
     VALUES ($1, $2, $3, 'A', 'IMPORT', $4, 'europe', now()) RETURNING seq::text`,
    [voter, models[0], models[1], country],
  );
  return Number(r.rows[0].seq);
}

const total = (index: VoteIndex) => index.scan(acceptAll()).votes;

beforeAll(async () => {
  await resetDatabase();
  await seedRoster();
  models = (await db().model.findMany({ select: { id: true }, orderBy: { name: "asc" }, take: 2 })).map((m) => m.id);
  pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 4 });
});

afterAll(async () => {
  await pool.end();
});

describe("the in-memory vote index", () => {
  it("catches up on new votes, including one that took a lower seq but committed later", async () => {
    const index = new VoteIndex(pool);
    await insertVote(pool, "v1");
    await index.sync();
    expect(total(index)).toBe(1);

    const slow = await pool.connect();
    await slow.query("BEGIN");
    const lowSeq = await insertVote(slow, "v-slow"); // takes a seq now, commits later
    const highSeq = await insertVote(pool, "v2");
    expect(lowSeq).toBeLessThan(highSeq);
    await index.sync();
    expect(total(index)).toBe(2); // v1, v2: the slow one is not committed yet

    await slow.query("COMMIT");
    slow.release();
    await index.sync();
    expect(total(index)).toBe(3);
    await index.sync();
    expect(total(index)).toBe(3); // nothing counted twice
    expect(index.scan(acceptAll()).voters).toBe(3);
  });

  it("skips rolled-back sequence numbers and keeps going", async () => {
    const index = new VoteIndex(pool);
    await index.sync();
    const before = total(index);
    const aborted = await pool.connect();
    await aborted.query("BEGIN");
    await insertVote(aborted, "v-rolled-back");
    await aborted.query("ROLLBACK");
    aborted.release();
    await insertVote(pool, "v3");
    await index.sync();
    await index.sync();
    expect(total(index)).toBe(before + 1);
  });

  it("rebuilds after votes are deleted", async () => {
    const index = new VoteIndex(pool);
    await index.sync();
    const before = total(index);
    const version = index.version;
    await pool.query(`DELETE FROM "Vote" WHERE "voterKey" = 'v1'`);
    await index.sync();
    expect(total(index)).toBe(before - 1);
    expect(index.version).not.toBe(version);
  });

  it("agrees with SQL on a slice after many writes from two connections", async () => {
    const index = new VoteIndex(pool);
    await index.sync();
    const other = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 2 });
    await Promise.all(Array.from({ length: 40 }, (_, i) => insertVote(i % 2 ? pool : other, `w${i % 7}`, i % 3 ? "DE" : "FR")));
    await other.end();
    await index.sync();
    await index.sync();
    const [{ n, voters }] = await db().$queryRaw<
      { n: number; voters: number }[]
    >`SELECT count(*)::int AS n, count(DISTINCT "voterKey")::int AS voters FROM "Vote"`;
    const scan = index.scan(acceptAll());
    expect([scan.votes, scan.voters]).toEqual([n, voters]);
  });

  it("leaves identity-leak and excluded votes out of every count, and counts them by reason", async () => {
    await pool.query(`DELETE FROM "Vote"`);
    const index = new VoteIndex(pool);
    const add = (voter: string, outcome: string, flags: { leak?: boolean; excluded?: boolean } = {}, source = "ARENA") =>
      pool.query(
        `INSERT INTO "Vote" ("voterKey", "modelAId", "modelBId", outcome, source, country, region, "identityLeak", excluded)
         VALUES ($1, $2, $3, $4::"Outcome", $5::"VoteSource", 'DE', 'europe', $6, $7)`,
        [voter, models[0], models[1], outcome, source, flags.leak ?? false, flags.excluded ?? false],
      );
    await add("x1", "A");
    await add("x2", "B");
    await add("x3", "A", { leak: true });
    await add("x4", "TIE", { excluded: true });
    await add("x5", "A", { leak: true, excluded: true });
    await add("imp", "A", {}, "IMPORT");
    await index.sync();
    const scan = index.scan(acceptAll());
    expect([scan.votes, scan.voters]).toEqual([3, 3]);
    expect(index.uncounted).toEqual({ identityLeak: 2, excludedVoter: 1, replay: 0, unverifiedVoter: 0 });
    expect(index.arenaVotes).toBe(5);
    const [a, b] = [index.modelCodeOf(models[0]), index.modelCodeOf(models[1])];
    expect(index.pairs.pair(a, b)).toBe(3);
    expect(index.pairs.pair(b, a)).toBe(3);
    expect(index.pairs.model(a)).toBe(3);
    expect(index.pairs.cell(a, b, 0)).toBe(2);
    expect((await checkVoteIndex()).mismatches).toEqual([]);

    // Excluding a voter is an UPDATE: every index rebuilds and stops counting the vote.
    await pool.query(`UPDATE "Vote" SET excluded = true WHERE "voterKey" = 'x1'`);
    await index.sync();
    expect(index.scan(acceptAll()).votes).toBe(2);
    expect(index.uncounted).toEqual({ identityLeak: 2, excludedVoter: 2, replay: 0, unverifiedVoter: 0 });
    expect(index.pairs.pair(a, b)).toBe(2);
    expect((await checkVoteIndex()).mismatches).toEqual([]);
  });

  it("follows the policy's counting rules: replay-battle and unverified votes leave every count when the policy says, on the next sync", async () => {
    await pool.query(`DELETE FROM "Vote"`);
    await pool.query(`UPDATE "PolicySettings" SET "excludeReplayVotes" = false, "requireVerifiedEmail" = false`);
    const index = new VoteIndex(pool);
    const other = new VoteIndex(pool); // a second replica
    const add = (voter: string, flags: { replay?: boolean; unverified?: boolean; leak?: boolean } = {}) =>
      pool.query(
        `INSERT INTO "Vote" ("voterKey", "modelAId", "modelBId", outcome, source, country, region, replay, "voterUnverified", "identityLeak")
         VALUES ($1, $2, $3, 'A', 'ARENA', 'DE', 'europe', $4, $5, $6)`,
        [voter, models[0], models[1], flags.replay ?? false, flags.unverified ?? false, flags.leak ?? false],
      );
    await add("r1", { replay: true });
    await add("r2", { replay: true, unverified: true });
    await add("u1", { unverified: true });
    await add("p1");
    await add("l1", { replay: true, leak: true }); // counted under its first reason only
    await Promise.all([index.sync(), other.sync()]);
    expect(index.scan(acceptAll())).toMatchObject({ votes: 4, voters: 4, replayVotes: 2 });
    expect(index.replayCounted).toBe(2);
    expect((await checkVoteIndex()).mismatches).toEqual([]);

    // An admin changes the policy (in the database, where every replica reads it).
    await pool.query(`INSERT INTO "PolicySettings" (id, "excludeReplayVotes", "updatedAt") VALUES (1, true, now())
                      ON CONFLICT (id) DO UPDATE SET "excludeReplayVotes" = true`);
    await Promise.all([index.sync(), other.sync()]);
    for (const replica of [index, other]) {
      expect(replica.scan(acceptAll())).toMatchObject({ votes: 2, voters: 2, replayVotes: 0 });
      expect(replica.uncounted).toEqual({ identityLeak: 1, excludedVoter: 0, replay: 2, unverifiedVoter: 0 });
    }
    expect((await checkVoteIndex()).mismatches).toEqual([]);

    await pool.query(`UPDATE "PolicySettings" SET "requireVerifiedEmail" = true`);
    await index.sync();
    expect(index.scan(acceptAll())).toMatchObject({ votes: 1, voters: 1 });
    expect(index.uncounted).toEqual({ identityLeak: 1, excludedVoter: 0, replay: 2, unverifiedVoter: 1 });
    expect((await checkVoteIndex()).mismatches).toEqual([]);

    // A contributor verifies: their votes' flag is cleared (an UPDATE) and they count again.
    await pool.query(`UPDATE "Vote" SET "voterUnverified" = false WHERE "voterKey" = 'u1'`);
    await index.sync();
    expect(index.scan(acceptAll())).toMatchObject({ votes: 2, voters: 2 });

    await pool.query(`UPDATE "PolicySettings" SET "excludeReplayVotes" = false, "requireVerifiedEmail" = false`);
    await index.sync();
    expect(index.scan(acceptAll())).toMatchObject({ votes: 4, replayVotes: 2 });
    expect(index.uncounted).toEqual({ identityLeak: 1, excludedVoter: 0, replay: 0, unverifiedVoter: 0 });
  });
});
