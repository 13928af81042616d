import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, VoterReviewStatus } from "@/lib/generated/prisma/enums";
import { strongestAlternative, type AlternativeKind } from "@/lib/integrity/anomaly";
import { markVotesChanged } from "@/lib/slice-index/vote-index";
import { recordAudit, type Actor } from "./audit";
import { storedLogESchema } from "./voter-review";

export const CONTRIBUTOR_FILTERS = ["all", "flagged", "excluded", "cleared"] as const;
export type ContributorFilter = (typeof CONTRIBUTOR_FILTERS)[number];

/** What an admin sees about one account: never which model it voted for. */
export interface ContributorRow {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  voteCount: number;
  review: {
    status: VoterReviewStatus;
    /** The detector's e-value (evidence against honest voting; flagged at 1/α). */
    score: number;
    votesTested: number;
    flaggedAt: string;
    reviewedAt: string | null;
    note: string | null;
  } | null;
  /** The anomaly test's stored running state (VoterEvidence), extended by each tested vote; null before any. */
  evidence: {
    /** log of the mixture e-value now, and the highest it has been. */
    logMixture: number;
    logMax: number;
    votesTested: number;
    /** The kind of alternative that weighs most in it (a model's alternatives are not named). */
    strongest: AlternativeKind | null;
  } | null;
}

const STATUS_OF: Record<Exclude<ContributorFilter, "all">, VoterReviewStatus> = {
  flagged: "FLAGGED",
  excluded: "EXCLUDED",
  cleared: "CLEARED",
};

/**
 * Accounts with their vote counts and review state, for the admin contributors page. The
 * "flagged" filter lists open findings, strongest evidence first; otherwise newest accounts first.
 */
export async function listContributors(
  options: { filter?: ContributorFilter; q?: string; take?: number } = {},
): Promise<{ rows: ContributorRow[]; total: number }> {
  const filter = options.filter ?? "all";
  const where: Prisma.UserWhereInput = {
    ...(options.q ? { email: { contains: options.q, mode: "insensitive" } } : {}),
    ...(filter === "all" ? {} : { review: { is: { status: STATUS_OF[filter] } } }),
  };
  const [users, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: filter === "all" ? { createdAt: "desc" } : { review: { score: "desc" } },
      take: options.take ?? 200,
      select: {
        id: true,
        email: true,
        role: true,
        createdAt: true,
        _count: { select: { votes: true } },
        review: { select: { status: true, score: true, votesTested: true, flaggedAt: true, reviewedAt: true, note: true } },
      },
    }),
    db().user.count({ where }),
  ]);
  const evidence = await db().voterEvidence.findMany({
    where: { voterKey: { in: users.map((u) => u.id) } },
    select: { voterKey: true, logE: true, logMixture: true, logMax: true, votesTested: true },
  });
  const evidenceOf = new Map(
    evidence.map((e) => {
      const logE = storedLogESchema.safeParse(e.logE);
      return [
        e.voterKey,
        {
          logMixture: e.logMixture,
          logMax: e.logMax,
          votesTested: e.votesTested,
          strongest: logE.success ? strongestAlternative(logE.data) : null,
        },
      ];
    }),
  );
  return {
    total,
    rows: users.map((u) => ({
      id: u.id,
      email: u.email,
      role: u.role,
      createdAt: u.createdAt.toISOString(),
      voteCount: u._count.votes,
      review: u.review
        ? { ...u.review, flaggedAt: u.review.flaggedAt.toISOString(), reviewedAt: u.review.reviewedAt?.toISOString() ?? null }
        : null,
      evidence: evidenceOf.get(u.id) ?? null,
    })),
  };
}

export const reviewNoteSchema = z.object({
  note: z
    .string()
    .trim()
    .min(3, "Write a short note (at least 3 characters) saying why.")
    .max(1000, "The note is at most 1000 characters."),
});

async function setVoterExclusion(
  userId: string,
  isExcluded: boolean,
  note: string,
  actor: Actor,
): Promise<{ status: VoterReviewStatus; votes: number }> {
  const result = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new AppError("not_found", "There is no contributor with this id.");
    const before = await tx.voterReview.findUnique({
      where: { userId },
      select: { status: true, score: true, votesTested: true, note: true },
    });
    const status: VoterReviewStatus = isExcluded ? "EXCLUDED" : "CLEARED";
    if (!isExcluded && before?.status !== "EXCLUDED") {
      throw new AppError("invalid_input", "Only an excluded contributor's votes can be restored.");
    }
    if (isExcluded && before?.status === "EXCLUDED") {
      throw new AppError("invalid_input", "This contributor's votes are already excluded.");
    }
    const now = new Date();
    const review = await tx.voterReview.upsert({
      where: { userId },
      create: { userId, status, score: 0, votesTested: 0, reviewedAt: now, reviewedById: actor.id, note },
      update: { status, reviewedAt: now, reviewedById: actor.id, note },
      select: { status: true, score: true, votesTested: true, note: true },
    });
    const updated = await tx.vote.updateMany({ where: { voterId: userId, excluded: !isExcluded }, data: { excluded: isExcluded } });
    await recordAudit(tx, actor, {
      action: isExcluded ? "voter.exclude" : "voter.restore",
      entity: "voter",
      entityId: userId,
      before: before ?? { status: null },
      after: { ...review, email: user.email, votesChanged: updated.count },
    });
    return { status: review.status, votes: updated.count };
  });
  // A vote whose writer read the old status just before this commit lands after it: sweep once more.
  const late = await db().vote.updateMany({ where: { voterId: userId, excluded: !isExcluded }, data: { excluded: isExcluded } });
  markVotesChanged();
  return { ...result, votes: result.votes + late.count };
}

/**
 * Excludes every vote of a contributor from leaderboards, snapshots and exports (Vote.excluded),
 * marks the review EXCLUDED with the admin's note, and audits it. Reversible with restoreVoter.
 * The Vote update bumps VoteGeneration, so every replica's index rebuilds without them.
 */
export async function excludeVoter(userId: string, note: string, actor: Actor) {
  return setVoterExclusion(userId, true, note, actor);
}

/** Counts an excluded contributor's votes again and marks the review CLEARED (audited). */
export async function restoreVoter(userId: string, note: string, actor: Actor) {
  return setVoterExclusion(userId, false, note, actor);
}

/** Whether a contributor's votes are excluded (new votes of theirs are stored excluded). */
export async function isVoterExcluded(userId: string): Promise<boolean> {
  const review = await db().voterReview.findUnique({ where: { userId }, select: { status: true } });
  return review?.status === "EXCLUDED";
}
