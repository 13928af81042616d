import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { ANOMALY_MIN_VOTES, EMPTY_EVIDENCE, extendEvidence } from "../lib/integrity/anomaly";
import { listAudit } from "../lib/queries/audit";
import { excludeVoter, listContributors, restoreVoter } from "../lib/queries/contributors";
import { getLeaderboard } from "../lib/queries/leaderboard";
import { getRecordBefore } from "../lib/queries/voter-review";
import { recordVote } from "../lib/queries/votes";
import { markVotesChanged } from "../lib/slice-index/vote-index";
import { createContributor, resetDatabase } from "./support/database";

let x: string;
let y: string;
let promptId: string;

/** An open battle of the user's between X and Y (X on the left unless `isXRight`). */
async function openBattle(userId: string, options: { isXRight?: boolean; leakTerms?: string[] } = {}): Promise<string> {
  const battle = await db().battle.create({
    data: {
      promptId,
      modelAId: options.isXRight ? y : x,
      modelBId: options.isXRight ? x : y,
      responseA: "one answer",
      responseB: "another answer",
      state: "OPEN",
      createdById: userId,
      leakTerms: options.leakTerms ?? [],
    },
    select: { id: true },
  });
  return battle.id;
}

/** A vote for X ("X") or Y ("Y") through the arena's own path, on a new battle with sides alternating. */
async function voteFor(userId: string, winner: "X" | "Y", isXRight = false) {
  const battleId = await openBattle(userId, { isXRight });
  const isLeftWinner = (winner === "X") !== isXRight;
  return recordVote({ battleId, userId, outcome: isLeftWinner ? "A" : "B" });
}

const evidenceOf = (userId: string) => db().voterEvidence.findUnique({ where: { voterKey: userId } });

beforeAll(async () => {
  await resetDatabase();
  const [mx, my] = await Promise.all(
    ["vr-x", "vr-y"].map((name) =>
      db().model.create({ data: { name, displayName: name, organization: name, license: "proprietary" }, select: { id: true } }),
    ),
  );
  x = mx.id;
  y = my.id;
  promptId = (
    await db().prompt.create({ data: { source: "test", externalId: "voter-review", text: "Say something." }, select: { id: true } })
  ).id;
  // The crowd: 300 imported votes, X preferred 4 to 1 (sides alternate).
  await db().vote.createMany({
    data: Array.from({ length: 300 }, (_, i) => {
      const isXWin = i % 5 !== 0;
      const isXLeft = i % 2 === 0;
      return {
        voterKey: `crowd-${i % 40}`,
        modelAId: isXLeft ? x : y,
        modelBId: isXLeft ? y : x,
        outcome: (isXWin === isXLeft ? "A" : "B") as "A" | "B",
        source: "IMPORT" as const,
      };
    }),
  });
  markVotesChanged();
});

describe("anomaly evidence, extended as votes are cast", () => {
  it("extends the stored row once per vote, by the factor from the record before the vote; a repeated request does not extend it", async () => {
    const user = await createContributor();
    expect(await evidenceOf(user.id)).toBeNull();
    const before = await getRecordBefore(x, y);
    expect(before?.pair).toEqual([240, 60, 0, 0]);
    const battleId = await openBattle(user.id);
    expect((await recordVote({ battleId, userId: user.id, outcome: "B" })).isNew).toBe(true);
    const first = await evidenceOf(user.id);
    const expected = extendEvidence(EMPTY_EVIDENCE, { modelA: x, modelB: y, choice: 1 }, before!.pair, before!.board);
    expect(first).toMatchObject({ votesTested: 1, logMixture: expected.logMixture, logMax: expected.logMax });
    expect(first!.logE).toEqual(expected.logE);

    // The same request again (a retry, a double click): the same reveal, nothing extended.
    expect((await recordVote({ battleId, userId: user.id, outcome: "B" })).isNew).toBe(false);
    expect(await evidenceOf(user.id)).toEqual(first);
    // Two identical requests at once: one vote, one extension.
    const twice = await openBattle(user.id);
    const results = await Promise.all([
      recordVote({ battleId: twice, userId: user.id, outcome: "A" }),
      recordVote({ battleId: twice, userId: user.id, outcome: "A" }),
    ]);
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect((await evidenceOf(user.id))!.votesTested).toBe(2);
    // An identity-leak vote is stored but not tested.
    await recordVote({ battleId: await openBattle(user.id, { leakTerms: ["Claude"] }), userId: user.id, outcome: "A" });
    expect((await evidenceOf(user.id))!.votesTested).toBe(2);
  });

  it("keeps both factors when one voter's votes arrive at the same time, including the very first ones", async () => {
    const user = await createContributor();
    const [a, b] = [await openBattle(user.id), await openBattle(user.id, { isXRight: true })];
    await Promise.all([
      recordVote({ battleId: a, userId: user.id, outcome: "A" }),
      recordVote({ battleId: b, userId: user.id, outcome: "A" }),
    ]);
    const first = await evidenceOf(user.id);
    expect(first!.votesTested).toBe(2);
    const [c, d] = [await openBattle(user.id), await openBattle(user.id)];
    await Promise.all([
      recordVote({ battleId: c, userId: user.id, outcome: "TIE" }),
      recordVote({ battleId: d, userId: user.id, outcome: "BOTH_BAD" }),
    ]);
    expect((await evidenceOf(user.id))!.votesTested).toBe(4);
  });
});

describe("anomalous voters", () => {
  it("flags a voter who always picks the underdog, and not one who votes like the crowd", async () => {
    const odd = await createContributor();
    const usual = await createContributor();
    for (let i = 0; i < 30; i++) {
      await voteFor(odd.id, "Y", i % 2 === 1);
      await voteFor(usual.id, i % 5 === 0 ? "Y" : "X", i % 2 === 1);
      if (i === ANOMALY_MIN_VOTES - 2) expect(await db().voterReview.findUnique({ where: { userId: odd.id } })).toBeNull();
    }
    const oddReview = await db().voterReview.findUnique({ where: { userId: odd.id } });
    const oddEvidence = await evidenceOf(odd.id);
    expect(oddReview).toMatchObject({ status: "FLAGGED", votesTested: 30 });
    expect(oddReview!.score).toBeCloseTo(Math.exp(oddEvidence!.logMixture), 6);
    expect(oddReview!.score).toBeGreaterThan(1000);
    expect(await db().voterReview.findUnique({ where: { userId: usual.id } })).toBeNull();
    expect((await evidenceOf(usual.id))!.logMixture).toBeLessThan(Math.log(1000));

    const flagged = await listContributors({ filter: "flagged" });
    expect(flagged.rows.map((r) => r.email)).toEqual([odd.email]);
    expect(flagged.rows[0]).toMatchObject({
      voteCount: 30,
      review: { status: "FLAGGED", votesTested: 30 },
      evidence: { votesTested: 30, logMixture: oddEvidence!.logMixture, logMax: oddEvidence!.logMax, strongest: "underdog" },
    });
  });

  it("excludes a flagged voter's votes (audited), shows the count on the leaderboard, and restores them", async () => {
    const [{ id: userId }] = (await listContributors({ filter: "flagged" })).rows;
    const admin = await createContributor();
    const actor = { id: admin.id, email: admin.email };
    const before = await getLeaderboard({});
    expect(before.excludedVotes.excludedVoters).toBe(0);

    const excluded = await excludeVoter(userId, "Always picks the weaker model.", actor);
    expect(excluded).toEqual({ status: "EXCLUDED", votes: 30 });
    expect(await db().vote.count({ where: { voterId: userId, excluded: true } })).toBe(30);
    const during = await getLeaderboard({});
    expect(during.excludedVotes).toEqual({ ...before.excludedVotes, excludedVoters: 30, total: before.excludedVotes.total + 30 });
    expect(during.votes).toBe(before.votes! - 30);
    const [audit] = await listAudit({ entity: "voter" });
    expect(audit).toMatchObject({ action: "voter.exclude", entityId: userId, actorEmail: admin.email });

    // An excluded voter's new votes are stored excluded and still tested; the review stays EXCLUDED.
    await voteFor(userId, "Y");
    expect(await db().voterReview.findUnique({ where: { userId } })).toMatchObject({ status: "EXCLUDED", votesTested: 31 });
    const twice = await excludeVoter(userId, "again", actor).catch((e: unknown) => e);
    expect(isAppError(twice) && twice.status).toBe(400);

    const restored = await restoreVoter(userId, "Reviewed: a genuine contrarian.", actor);
    expect(restored).toEqual({ status: "CLEARED", votes: 31 });
    expect((await getLeaderboard({})).votes).toBe(before.votes! + 1);
    expect((await listAudit({ entity: "voter" }))[0]).toMatchObject({ action: "voter.restore", entityId: userId });

    // Cleared: a little more of the same evidence does not flag again (it must grow 1000-fold).
    await voteFor(userId, "Y", true);
    expect((await db().voterReview.findUnique({ where: { userId } }))!.status).toBe("CLEARED");
    expect((await evidenceOf(userId))!.votesTested).toBe(32);
  });

  it("refuses to restore a voter who is not excluded and an unknown id", async () => {
    const someone = await createContributor();
    const admin = { id: null, email: "test" };
    const notExcluded = await restoreVoter(someone.id, "no reason", admin).catch((e: unknown) => e);
    expect(isAppError(notExcluded) && notExcluded.status).toBe(400);
    const unknown = await excludeVoter("no-such-user", "no reason", admin).catch((e: unknown) => e);
    expect(isAppError(unknown) && unknown.status).toBe(404);
  });
});
