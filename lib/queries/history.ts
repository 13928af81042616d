import "server-only";
import { db } from "@/lib/db";
import type { Outcome } from "@/lib/generated/prisma/enums";
import type { RevealedModel } from "./battles";

export const HISTORY_PAGE_SIZE = 50;
const EXCERPT_CHARS = 140;

/** One of the contributor's own votes, as their history page lists it. */
export interface HistoryEntry {
  votedAt: Date;
  promptExcerpt: string;
  /** The two answers as the voter saw them (markdown source). */
  responseA: string;
  responseB: string;
  modelA: RevealedModel;
  modelB: RevealedModel;
  outcome: Outcome;
  isIdentityLeak: boolean;
}

export interface VoteHistory {
  total: number;
  page: number;
  pages: number;
  entries: HistoryEntry[];
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/** How many votes the user has cast (every vote, counted on the boards or not). */
export async function countOwnVotes(userId: string): Promise<number> {
  return db().vote.count({ where: { voterId: userId } });
}

/** The user's own arena votes, newest first, one page at a time, with their total count. */
export async function getVoteHistory(userId: string, page = 1): Promise<VoteHistory> {
  const total = await countOwnVotes(userId);
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const rows = await db().vote.findMany({
    where: { voterId: userId },
    orderBy: { seq: "desc" },
    skip: (current - 1) * HISTORY_PAGE_SIZE,
    take: HISTORY_PAGE_SIZE,
    select: {
      createdAt: true,
      outcome: true,
      identityLeak: true,
      battle: {
        select: {
          prompt: { select: { text: true } },
          responseA: true,
          responseB: true,
          modelA: { select: { displayName: true, organization: true } },
          modelB: { select: { displayName: true, organization: true } },
        },
      },
    },
  });
  const entries = rows.flatMap((row) =>
    row.battle
      ? [
          {
            votedAt: row.createdAt,
            promptExcerpt: excerpt(row.battle.prompt.text),
            responseA: row.battle.responseA,
            responseB: row.battle.responseB,
            modelA: row.battle.modelA,
            modelB: row.battle.modelB,
            outcome: row.outcome,
            isIdentityLeak: row.identityLeak,
          },
        ]
      : [],
  );
  return { total, page: current, pages, entries };
}
