import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { isTestedVote } from "@/lib/integrity/anomaly";
import { markVotesChanged } from "@/lib/slice-index/vote-index";
import { regionOfCountry } from "@/lib/slices";
import { voteStyleColumns } from "@/lib/style/features";
import type { Outcome } from "@/lib/generated/prisma/enums";
import type { BattleReveal } from "./battles";
import { extendVoterEvidence, getRecordBefore } from "./voter-review";

/** A reveal, and whether this call created the vote (false: a retry of the same vote). */
export type VoteResult = BattleReveal & { isNew: boolean };

const ALREADY_VOTED = "You have already voted on this battle with a different choice; a vote cannot be changed.";

/**
 * Records a vote on the user's own open battle, with a snapshot of their demographics now, and
 * returns the names of both models. Exactly once: the OPEN -> VOTED conditional update and the
 * unique index on Vote.battleId let one submission through; a retry with the same outcome gets
 * the same reveal (isNew false) and creates nothing; a different outcome is vote_already_cast.
 * Battles that are not the user's are not_found; unfinished or void ones are battle_closed.
 * The vote is flagged when a response leaked a roster identity, and excluded when an admin
 * excluded the voter. It also records, at cast time, whether the battle showed a replay answer (a
 * model served by the "replay" provider: public text a voter could look up) and whether the voter
 * had not verified their email; the data policy decides whether such votes count (lib/slice-index/
 * counting-rules.ts), and verifying later clears voterUnverified. The vote extends the voter's anomaly
 * evidence (and may flag them for review) in the same transaction.
 */
export async function recordVote(input: { battleId: string; userId: string; outcome: Outcome }): Promise<VoteResult> {
  const battle = await db().battle.findUnique({
    where: { id: input.battleId },
    select: {
      id: true,
      state: true,
      createdById: true,
      modelAId: true,
      modelBId: true,
      leakTerms: true,
      featuresA: true,
      featuresB: true,
      modelA: { select: { displayName: true, organization: true, provider: true } },
      modelB: { select: { displayName: true, organization: true, provider: true } },
    },
  });
  // Someone else's battle is reported as missing: its existence is not theirs to learn.
  if (!battle || battle.createdById !== input.userId) throw new AppError("not_found", "This battle does not exist or is not yours.");
  const reveal = (outcome: Outcome, isNew: boolean): VoteResult => ({
    battleId: battle.id,
    outcome,
    modelA: { displayName: battle.modelA.displayName, organization: battle.modelA.organization },
    modelB: { displayName: battle.modelB.displayName, organization: battle.modelB.organization },
    isIdentityLeak: battle.leakTerms.length > 0,
    isNew,
  });
  const repeatOf = async (): Promise<VoteResult> => {
    const existing = await db().vote.findUnique({ where: { battleId: battle.id }, select: { outcome: true } });
    if (existing?.outcome === input.outcome) return reveal(existing.outcome, false);
    if (!existing) throw new AppError("battle_closed", "This battle was closed before your vote arrived. Start a new battle.");
    throw new AppError("vote_already_cast", ALREADY_VOTED);
  };
  if (battle.state === "VOTED") return repeatOf();
  if (battle.state === "PENDING" || battle.state === "GENERATING")
    throw new AppError("battle_closed", "This battle is not finished yet: wait for both responses before voting.");
  if (battle.state !== "OPEN") throw new AppError("battle_closed", "This battle is void and takes no votes. Start a new battle.");

  const [voter, review] = await Promise.all([
    db().user.findUnique({
      where: { id: input.userId },
      select: { country: true, ageBand: true, education: true, language: true, profileCompletedAt: true, emailVerifiedAt: true },
    }),
    db().voterReview.findUnique({ where: { userId: input.userId }, select: { status: true } }),
  ]);
  if (!voter?.profileCompletedAt) throw new AppError("profile_incomplete", "Complete your profile before voting.");
  const isIdentityLeak = battle.leakTerms.length > 0;
  // Decided from the battle's models as they are now: the provider that served this battle's answers.
  const isReplay = battle.modelA.provider === "replay" || battle.modelB.provider === "replay";
  // The anomaly factor may use only what was known before this vote: read the pair's record now, outside the
  // transaction, so an index sync never runs while the battle row is locked.
  const before = isTestedVote({ isIdentityLeak }) ? await getRecordBefore(battle.modelAId, battle.modelBId) : null;

  try {
    const isRecorded = await db().$transaction(async (tx) => {
      const closed = await tx.battle.updateMany({ where: { id: battle.id, state: "OPEN" }, data: { state: "VOTED" } });
      if (closed.count !== 1) return false;
      await tx.vote.create({
        data: {
          battleId: battle.id,
          voterId: input.userId,
          voterKey: input.userId,
          modelAId: battle.modelAId,
          modelBId: battle.modelBId,
          outcome: input.outcome,
          source: "ARENA",
          country: voter.country,
          region: voter.country ? regionOfCountry(voter.country) : null,
          ageBand: voter.ageBand,
          education: voter.education,
          language: voter.language,
          identityLeak: isIdentityLeak,
          excluded: review?.status === "EXCLUDED",
          replay: isReplay,
          voterUnverified: voter.emailVerifiedAt === null,
          // the answers' style as generation measured it (replay and live alike), as imports carry conv_metadata
          ...voteStyleColumns(battle.featuresA, battle.featuresB),
        },
      });
      // In the same transaction as the vote: the vote and its factor commit together, and a repeat of this
      // request stops at the conditional update above, so each vote extends the evidence exactly once.
      if (before) {
        await extendVoterEvidence(tx, {
          userId: input.userId,
          modelAId: battle.modelAId,
          modelBId: battle.modelBId,
          outcome: input.outcome,
          before,
        });
      }
      return true;
    });
    if (!isRecorded) return repeatOf(); // a concurrent submission won, or the battle was voided meanwhile
  } catch (error) {
    if (isUniqueViolation(error)) return repeatOf();
    throw error;
  }
  markVotesChanged();
  return reveal(input.outcome, true);
}
