import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Outcome } from "@/lib/generated/prisma/enums";
import { extendEvidence, mixtureScore, reviewAction } from "@/lib/integrity/anomaly";
import { OUTCOME_CODE } from "@/lib/slice-index/codes";
import { getVoteIndexWithoutWaiting } from "@/lib/slice-index/vote-index";

type Four = [number, number, number, number];

/** What the vote index held before a vote: the pair's counted votes from modelA's side, and the board's by outcome. */
export interface RecordBefore {
  /** modelA wins, modelB wins, tie, both bad: both orientations of the pair, folded. */
  pair: Four;
  /** Every counted vote by outcome (left wins, right wins, tie, both bad). */
  board: Four;
}

/**
 * The counts a vote's anomaly factor is computed from, read from this process's vote index before the vote is
 * stored: counted votes only (no identity leaks, no excluded voters). The index is taken as held, without
 * waiting for a sync (one is started in the background when it is older than a quarter second): a vote stored a
 * moment ago, by another replica or by this one, may count as not yet known. The factor still uses only what
 * was known before the vote; a vote never waits behind the index catching up with every other vote. Null when
 * the index cannot be read (logged): the vote is then stored untested, a choice made without looking at the vote.
 */
export async function getRecordBefore(modelAId: string, modelBId: string): Promise<RecordBefore | null> {
  try {
    const index = await getVoteIndexWithoutWaiting();
    const a = index.modelCodeOf(modelAId);
    const b = index.modelCodeOf(modelBId);
    const c = (l: number, r: number, o: number) => index.pairs.cell(l, r, o);
    return {
      pair: [
        c(a, b, OUTCOME_CODE.A) + c(b, a, OUTCOME_CODE.B),
        c(a, b, OUTCOME_CODE.B) + c(b, a, OUTCOME_CODE.A),
        c(a, b, OUTCOME_CODE.TIE) + c(b, a, OUTCOME_CODE.TIE),
        c(a, b, OUTCOME_CODE.BOTH_BAD) + c(b, a, OUTCOME_CODE.BOTH_BAD),
      ],
      board: [...index.pairs.outcomes] as Four,
    };
  } catch (error) {
    console.error("Vote index unavailable: the vote is stored without an anomaly factor", { modelAId, modelBId, error });
    return null;
  }
}

/** VoterEvidence.logE as stored: log products by alternative key. */
export const storedLogESchema = z.record(z.string(), z.number());

const evidenceRowSchema = z.object({
  logE: z.preprocess((v) => (typeof v === "string" ? JSON.parse(v) : v), storedLogESchema),
  logMixture: z.number(),
  logMax: z.number(),
  votesTested: z.number().int().nonnegative(),
});

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw" | "voterEvidence" | "voterReview">;

/**
 * Extends the voter's stored anomaly evidence by this vote's factor and raises or refreshes their review
 * (lib/integrity/anomaly.ts), inside the caller's transaction: the one that stores the vote, so the vote and
 * its factor commit together or not at all, and a repeated request, which never gets past the battle's
 * OPEN -> VOTED update, extends nothing. `before` must have been read before the vote was stored.
 *
 * Races: two votes of one voter in flight at once (two tabs) would both read the same row and the later write
 * would drop the earlier factor, so the row is locked (SELECT … FOR UPDATE) and the second waits, then reads
 * the first's committed extension. A voter's first vote has no row to lock: the row is created with
 * INSERT … ON CONFLICT DO NOTHING, which waits for a concurrent insert of the same key to commit and then does
 * nothing, instead of failing on the unique key (a unique violation would make recordVote take this vote for
 * a repeat). The review row is written the same way, after the evidence lock, so one voter's votes reach it
 * one at a time.
 */
export async function extendVoterEvidence(
  tx: Tx,
  input: { userId: string; modelAId: string; modelBId: string; outcome: Outcome; before: RecordBefore },
): Promise<void> {
  const key = input.userId;
  await tx.$executeRaw`INSERT INTO "VoterEvidence" ("voterKey", "logE", "updatedAt") VALUES (${key}, '{}'::jsonb, now()) ON CONFLICT ("voterKey") DO NOTHING`;
  const rows = await tx.$queryRaw<
    unknown[]
  >`SELECT "logE", "logMixture", "logMax", "votesTested" FROM "VoterEvidence" WHERE "voterKey" = ${key} FOR UPDATE`;
  const stored = evidenceRowSchema.safeParse(rows[0]);
  if (!stored.success) throw new Error(`VoterEvidence row of ${key} is malformed: ${stored.error.message}`);
  const next = extendEvidence(
    stored.data,
    { modelA: input.modelAId, modelB: input.modelBId, choice: OUTCOME_CODE[input.outcome] },
    input.before.pair,
    input.before.board,
  );
  await tx.voterEvidence.update({
    where: { voterKey: key },
    data: { logE: next.logE, logMixture: next.logMixture, logMax: next.logMax, votesTested: next.votesTested },
  });

  const review = await tx.voterReview.findUnique({ where: { userId: input.userId }, select: { status: true, score: true } });
  const score = mixtureScore(next);
  switch (reviewAction(next, review)) {
    case "flag":
      await tx.voterReview.createMany({
        data: [{ userId: input.userId, status: "FLAGGED", score, votesTested: next.votesTested }],
        skipDuplicates: true,
      });
      break;
    case "refresh":
      if (review)
        await tx.voterReview.updateMany({
          where: { userId: input.userId, status: review.status },
          data: { score, votesTested: next.votesTested },
        });
      break;
    case "reflag":
      await tx.voterReview.updateMany({
        where: { userId: input.userId, status: "CLEARED" },
        data: { status: "FLAGGED", score, votesTested: next.votesTested, flaggedAt: new Date() },
      });
      break;
    case "none":
      break;
  }
}
