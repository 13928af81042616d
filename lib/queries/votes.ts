import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { markVotesChanged } from "@/lib/slice-index/vote-index";
import { regionOfCountry } from "@/lib/slices";
import type { Outcome } from "@/lib/generated/prisma/enums";
import type { BattleReveal } from "./battles";

/**
 * Records a vote on the user's own open battle, with a snapshot of their demographics now, and
 * returns the names of both models. One vote per battle is enforced by a unique index; a repeated,
 * late or foreign submission gets a clear error and changes nothing.
 */
export async function recordVote(input: { battleId: string; userId: string; outcome: Outcome }): Promise<BattleReveal> {
  const battle = await db().battle.findUnique({
    where: { id: input.battleId },
    select: {
      id: true,
      state: true,
      createdById: true,
      modelAId: true,
      modelBId: true,
      modelA: { select: { displayName: true, organization: true } },
      modelB: { select: { displayName: true, organization: true } },
    },
  });
  // Someone else's battle is reported as missing: its existence is not theirs to learn.
  if (!battle || battle.createdById !== input.userId) throw new AppError("not_found", "This battle does not exist or is not yours.");
  if (battle.state === "VOTED") throw new AppError("vote_already_cast", "You have already voted on this battle.");
  if (battle.state !== "OPEN") throw new AppError("battle_closed", "This battle is closed and no longer takes votes.");

  const voter = await db().user.findUnique({
    where: { id: input.userId },
    select: { country: true, ageBand: true, education: true, language: true, profileCompletedAt: true },
  });
  if (!voter?.profileCompletedAt) throw new AppError("profile_incomplete", "Complete your profile before voting.");

  try {
    await db().$transaction(async (tx) => {
      const closed = await tx.battle.updateMany({ where: { id: battle.id, state: "OPEN" }, data: { state: "VOTED" } });
      if (closed.count !== 1) throw new AppError("vote_already_cast", "You have already voted on this battle.");
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
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("vote_already_cast", "You have already voted on this battle.");
    throw error;
  }
  markVotesChanged();
  return { battleId: battle.id, outcome: input.outcome, modelA: battle.modelA, modelB: battle.modelB };
}
