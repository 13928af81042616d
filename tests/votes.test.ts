import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { createBattle, getOrCreateOpenBattle } from "../lib/queries/battles";
import { updateProfile } from "../lib/queries/users";
import { getVoteHistory } from "../lib/queries/history";
import { recordVote } from "../lib/queries/votes";
import { createContributor, resetDatabase } from "./support/database";

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : `unexpected: ${String(error)}`;
  }
  return "no error";
}

beforeAll(resetDatabase);

describe("battles", () => {
  it("pairs two different active models on a corpus prompt with their real responses", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    const row = await db().battle.findUniqueOrThrow({ where: { id: battle.id }, include: { prompt: true } });
    expect(row.modelAId).not.toEqual(row.modelBId);
    expect(row.state).toBe("OPEN");
    expect(battle.prompt).toBe(row.prompt.text);
    expect(battle.responseA.length).toBeGreaterThan(0);
    expect(Object.keys(battle).sort()).toEqual(["id", "isSampled", "prompt", "responseA", "responseB", "state", "voidReason"]);
  });

  it("shows the same open battle again until it is voted on", async () => {
    const user = await createContributor();
    const first = await getOrCreateOpenBattle(user.id);
    expect((await getOrCreateOpenBattle(user.id)).id).toBe(first.id);
    await recordVote({ battleId: first.id, userId: user.id, outcome: "A" });
    expect((await getOrCreateOpenBattle(user.id)).id).not.toBe(first.id);
  });

  it("draws models from the whole roster and randomises which one is on the left", async () => {
    const user = await createContributor();
    const models = new Set<string>();
    let firstByNameOnLeft = 0;
    for (let i = 0; i < 60; i++) {
      const b = await createBattle(user.id);
      const row = await db().battle.findUniqueOrThrow({
        where: { id: b.id },
        select: { modelA: { select: { name: true } }, modelB: { select: { name: true } } },
      });
      models.add(row.modelA.name).add(row.modelB.name);
      if (row.modelA.name < row.modelB.name) firstByNameOnLeft += 1;
    }
    expect(models.size).toBeGreaterThan(10);
    // Binomial(60, 1/2): outside 15..45 has probability below 1e-4; a fixed order gives 0 or 60.
    expect(firstByNameOnLeft).toBeGreaterThanOrEqual(15);
    expect(firstByNameOnLeft).toBeLessThanOrEqual(45);
  });
});

describe("votes", () => {
  it("snapshots the voter's demographics; later profile edits do not rewrite history", async () => {
    const user = await createContributor({ country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" });
    const first = await createBattle(user.id);
    const reveal = await recordVote({ battleId: first.id, userId: user.id, outcome: "TIE" });
    expect(reveal.modelA.displayName).toBeTruthy();
    expect(reveal.modelB.organization).toBeTruthy();

    await updateProfile(user.id, { country: "DE", ageBand: null, education: "master", language: "de" });
    const second = await createBattle(user.id);
    await recordVote({ battleId: second.id, userId: user.id, outcome: "BOTH_BAD" });

    const votes = await db().vote.findMany({ where: { voterId: user.id }, orderBy: { createdAt: "asc" } });
    expect(votes.map((v) => [v.country, v.region, v.ageBand, v.education, v.language, v.outcome])).toEqual([
      ["BR", "americas", "25-34", "bachelor", "pt", "TIE"],
      ["DE", "europe", null, "master", "de", "BOTH_BAD"],
    ]);
    const battle = await db().battle.findUniqueOrThrow({ where: { id: first.id } });
    expect(battle.state).toBe("VOTED");
    expect([votes[0].modelAId, votes[0].modelBId]).toEqual([battle.modelAId, battle.modelBId]);
  });

  it("accepts one vote per battle: a repeat gets vote_already_cast and changes nothing", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    await recordVote({ battleId: battle.id, userId: user.id, outcome: "A" });
    expect(await errorCode(recordVote({ battleId: battle.id, userId: user.id, outcome: "B" }))).toBe("vote_already_cast");
    const votes = await db().vote.findMany({ where: { battleId: battle.id } });
    expect(votes.map((v) => v.outcome)).toEqual(["A"]);
  });

  it("answers a retry of the same vote with the same reveal and creates nothing", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    const first = await recordVote({ battleId: battle.id, userId: user.id, outcome: "B" });
    const retry = await recordVote({ battleId: battle.id, userId: user.id, outcome: "B" });
    expect(first.isNew).toBe(true);
    expect(retry).toEqual({ ...first, isNew: false });
    expect(await db().vote.count({ where: { battleId: battle.id } })).toBe(1);
  });

  it("turns a double click (two identical submissions at once) into one vote", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    const results = await Promise.all([1, 2, 3].map(() => recordVote({ battleId: battle.id, userId: user.id, outcome: "A" })));
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(new Set(results.map((r) => r.modelA.displayName)).size).toBe(1);
    expect(await db().vote.count({ where: { battleId: battle.id } })).toBe(1);
  });

  it("refuses votes on a battle that is not finished yet", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    for (const state of ["PENDING", "GENERATING"] as const) {
      await db().battle.update({ where: { id: battle.id }, data: { state } });
      expect(await errorCode(recordVote({ battleId: battle.id, userId: user.id, outcome: "A" }))).toBe("battle_closed");
    }
    expect(await db().vote.count({ where: { battleId: battle.id } })).toBe(0);
  });

  it("counts exactly one of two simultaneous submissions", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    const results = await Promise.allSettled([
      recordVote({ battleId: battle.id, userId: user.id, outcome: "A" }),
      recordVote({ battleId: battle.id, userId: user.id, outcome: "B" }),
      recordVote({ battleId: battle.id, userId: user.id, outcome: "TIE" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(isAppError((r as PromiseRejectedResult).reason) && (r as PromiseRejectedResult).reason.code).toBe("vote_already_cast");
    }
    expect(await db().vote.count({ where: { battleId: battle.id } })).toBe(1);
  });

  it("has the database itself refuse a second vote row for a battle", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    await recordVote({ battleId: battle.id, userId: user.id, outcome: "A" });
    const row = await db().vote.findFirstOrThrow({ where: { battleId: battle.id } });
    await expect(
      db().vote.create({
        data: {
          battleId: battle.id,
          voterKey: user.id,
          voterId: user.id,
          modelAId: row.modelAId,
          modelBId: row.modelBId,
          outcome: "B",
          source: "ARENA",
        },
      }),
    ).rejects.toThrow();
  });

  it("refuses votes on someone else's battle, unknown battles and void battles", async () => {
    const owner = await createContributor();
    const other = await createContributor();
    const battle = await createBattle(owner.id);
    expect(await errorCode(recordVote({ battleId: battle.id, userId: other.id, outcome: "A" }))).toBe("not_found");
    expect(await errorCode(recordVote({ battleId: "no-such-battle", userId: owner.id, outcome: "A" }))).toBe("not_found");
    await db().battle.update({ where: { id: battle.id }, data: { state: "VOID" } });
    expect(await errorCode(recordVote({ battleId: battle.id, userId: owner.id, outcome: "A" }))).toBe("battle_closed");
    expect(await db().vote.count({ where: { battleId: battle.id } })).toBe(0);
  });

  it("requires a completed profile", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    await db().user.update({ where: { id: user.id }, data: { profileCompletedAt: null } });
    expect(await errorCode(recordVote({ battleId: battle.id, userId: user.id, outcome: "A" }))).toBe("profile_incomplete");
  });
});

describe("vote flags recorded at cast time", () => {
  it("marks a vote replay when the battle showed a replay answer, and unverified when the voter had not verified their email", async () => {
    const user = await createContributor();
    await db().user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
    const first = await createBattle(user.id);
    const models = await db().battle.findUniqueOrThrow({
      where: { id: first.id },
      select: { modelA: { select: { provider: true } }, modelB: { select: { provider: true } } },
    });
    expect([models.modelA.provider, models.modelB.provider]).toContain("replay"); // the seeded roster is served from the corpus
    await recordVote({ battleId: first.id, userId: user.id, outcome: "A" });
    expect(await db().vote.findUniqueOrThrow({ where: { battleId: first.id }, select: { replay: true, voterUnverified: true } })).toEqual({
      replay: true,
      voterUnverified: true,
    });

    // Verified, and both models now served live: neither flag.
    await db().user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    const second = await createBattle(user.id);
    const battle = await db().battle.findUniqueOrThrow({ where: { id: second.id }, select: { modelAId: true, modelBId: true } });
    const live = await db().model.findMany({
      where: { id: { in: [battle.modelAId, battle.modelBId] } },
      select: { id: true, provider: true },
    });
    await db().model.updateMany({ where: { id: { in: live.map((m) => m.id) } }, data: { provider: "openai-compatible" } });
    try {
      await recordVote({ battleId: second.id, userId: user.id, outcome: "B" });
    } finally {
      for (const m of live) await db().model.update({ where: { id: m.id }, data: { provider: m.provider } });
    }
    expect(await db().vote.findUniqueOrThrow({ where: { battleId: second.id }, select: { replay: true, voterUnverified: true } })).toEqual({
      replay: false,
      voterUnverified: false,
    });
  });
});

describe("history", () => {
  it("lists the contributor's own votes, newest first, with both models, their choice and the total", async () => {
    const user = await createContributor();
    const other = await createContributor();
    const first = await createBattle(user.id);
    await recordVote({ battleId: first.id, userId: user.id, outcome: "A" });
    const second = await createBattle(user.id);
    const reveal = await recordVote({ battleId: second.id, userId: user.id, outcome: "BOTH_BAD" });
    const foreign = await createBattle(other.id);
    await recordVote({ battleId: foreign.id, userId: other.id, outcome: "B" });

    const history = await getVoteHistory(user.id);
    expect(history).toMatchObject({ total: 2, page: 1, pages: 1 });
    expect(history.entries.map((e) => e.outcome)).toEqual(["BOTH_BAD", "A"]);
    expect(history.entries[0]).toMatchObject({ modelA: reveal.modelA, modelB: reveal.modelB, isIdentityLeak: false });
    expect(second.prompt.replace(/\s+/g, " ").trim()).toContain(history.entries[0].promptExcerpt.replace(/…$/, ""));
    expect(history.entries[0].promptExcerpt.length).toBeLessThanOrEqual(140);
    expect((await getVoteHistory(user.id, 99)).page).toBe(1);
  });
});
