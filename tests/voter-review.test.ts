import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { listAudit } from "../lib/queries/audit";
import { excludeVoter, listContributors, restoreVoter } from "../lib/queries/contributors";
import { getLeaderboard } from "../lib/queries/leaderboard";
import { reviewVoterAfterVote } from "../lib/queries/voter-review";
import { markVotesChanged } from "../lib/slice-index/vote-index";
import { createContributor, resetDatabase } from "./helpers";

let x: string;
let y: string;

/** `n` arena votes by a user on X (left) against Y (right), choosing `outcome`. */
async function castVotes(userId: string, n: number, outcome: "A" | "B") {
  await db().vote.createMany({ data: Array.from({ length: n }, () => ({ voterId: userId, voterKey: userId, modelAId: x, modelBId: y, outcome, source: "ARENA" as const })) });
  markVotesChanged();
}

beforeAll(async () => {
  await resetDatabase();
  const [mx, my] = await Promise.all(
    ["vr-x", "vr-y"].map((name) => db().model.create({ data: { name, displayName: name, organization: name, license: "proprietary" }, select: { id: true } })),
  );
  x = mx.id;
  y = my.id;
  // The crowd: 300 votes, X preferred 4 to 1 (sides alternate).
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

describe("anomalous voters", () => {
  it("flags a voter who always picks the underdog, and not one who votes like the crowd", async () => {
    const odd = await createContributor();
    const usual = await createContributor();
    await castVotes(odd.id, 30, "B");
    await castVotes(usual.id, 24, "A");
    await castVotes(usual.id, 6, "B");
    await reviewVoterAfterVote(odd.id);
    await reviewVoterAfterVote(usual.id);
    const oddReview = await db().voterReview.findUnique({ where: { userId: odd.id } });
    expect(oddReview).toMatchObject({ status: "FLAGGED", votesTested: 30 });
    expect(oddReview!.score).toBeGreaterThan(1000);
    expect(await db().voterReview.findUnique({ where: { userId: usual.id } })).toBeNull();

    const flagged = await listContributors({ filter: "flagged" });
    expect(flagged.rows.map((r) => r.email)).toEqual([odd.email]);
    expect(flagged.rows[0]).toMatchObject({ voteCount: 30, review: { status: "FLAGGED", votesTested: 30 } });
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
    expect(during.excludedVotes).toEqual({ identityLeak: 0, excludedVoters: 30, total: 30 });
    expect(during.votes).toBe(before.votes - 30);
    const [audit] = (await listAudit({ entity: "voter" }));
    expect(audit).toMatchObject({ action: "voter.exclude", entityId: userId, actorEmail: admin.email });

    // An excluded voter is not reviewed again, and cannot be excluded twice.
    await reviewVoterAfterVote(userId);
    expect((await db().voterReview.findUnique({ where: { userId } }))!.status).toBe("EXCLUDED");
    const twice = await excludeVoter(userId, "again", actor).catch((e: unknown) => e);
    expect(isAppError(twice) && twice.status).toBe(400);

    const restored = await restoreVoter(userId, "Reviewed: a genuine contrarian.", actor);
    expect(restored).toEqual({ status: "CLEARED", votes: 30 });
    expect((await getLeaderboard({})).votes).toBe(before.votes);
    expect((await listAudit({ entity: "voter" }))[0]).toMatchObject({ action: "voter.restore", entityId: userId });

    // Cleared: the same evidence does not flag again.
    await reviewVoterAfterVote(userId);
    expect((await db().voterReview.findUnique({ where: { userId } }))!.status).toBe("CLEARED");
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
