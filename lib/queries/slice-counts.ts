import "server-only";
import { db } from "@/lib/db";
import type { LeaderboardFilters } from "@/lib/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Outcome, PairCell, VotesByVoter } from "@/lib/rating";
import { DEFAULT_COUNTING_RULES, type CountingRules } from "@/lib/slice-index/counting-rules";

/** Everything a leaderboard needs from the votes of one slice, already counted. */
export interface SliceCounts {
  /** Model ids; cells refer to them by index. */
  modelIds: string[];
  cells: PairCell[];
  votes: number;
  voters: number;
  demoVotes: number;
  /** Votes of the slice in battles that showed a replay answer (counted unless the policy leaves them out). */
  replayVotes: number;
  /** Distinct voters per model (same order as modelIds). */
  modelVoters: number[];
  lastVoteAt: Date | null;
  /** The votes grouped by voter (model codes through `modelOf` into modelIds): from the vote index only. */
  byVoter?: VotesByVoter;
}

/**
 * SQL conditions of a slice on the vote snapshot columns. Only counted votes: a vote flagged for
 * an identity leak or excluded by an admin never counts, nor, under the policy's counting rules,
 * a replay-battle vote or an unverified contributor's vote (the vote index leaves them out too).
 */
export function sliceWhere(filters: LeaderboardFilters, rules: CountingRules = DEFAULT_COUNTING_RULES): Prisma.Sql {
  const conds: Prisma.Sql[] = [Prisma.sql`NOT "identityLeak" AND NOT excluded`];
  if (rules.excludeReplayVotes) conds.push(Prisma.sql`NOT replay`);
  if (rules.requireVerifiedEmail) conds.push(Prisma.sql`NOT "voterUnverified"`);
  if (filters.country?.length) conds.push(Prisma.sql`country = ANY(${filters.country})`);
  if (filters.region?.length) conds.push(Prisma.sql`region = ANY(${filters.region})`);
  if (filters.age?.length) conds.push(Prisma.sql`"ageBand" = ANY(${filters.age})`);
  if (filters.education?.length) conds.push(Prisma.sql`education = ANY(${filters.education})`);
  if (filters.language?.length) conds.push(Prisma.sql`language = ANY(${filters.language})`);
  if (filters.from) conds.push(Prisma.sql`"createdAt" >= ${new Date(`${filters.from}T00:00:00Z`)}`);
  if (filters.to) conds.push(Prisma.sql`"createdAt" < ${new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000)}`);
  return Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}`;
}

/** Counts a slice straight from the votes table (GROUP BY in PostgreSQL), under the given counting rules. */
export async function countSliceFromVotes(
  filters: LeaderboardFilters,
  rules: CountingRules = DEFAULT_COUNTING_RULES,
): Promise<SliceCounts> {
  const where = sliceWhere(filters, rules);
  const [totals] = await db().$queryRaw<{ votes: number; voters: number; demo: number; replay: number; last: Date | null }[]>`
    SELECT count(*)::int AS votes, count(DISTINCT "voterKey")::int AS voters,
           (count(*) FILTER (WHERE source = 'DEMO'))::int AS demo, (count(*) FILTER (WHERE replay))::int AS replay, max("createdAt") AS last
    FROM "Vote" ${where}`;
  const counts = await db().$queryRaw<{ a: string; b: string; outcome: Outcome; n: number }[]>`
    SELECT "modelAId" AS a, "modelBId" AS b, outcome::text AS outcome, count(*)::int AS n
    FROM "Vote" ${where} GROUP BY 1, 2, 3`;
  const perModel = await db().$queryRaw<{ m: string; voters: number }[]>`
    SELECT m, count(DISTINCT k)::int AS voters FROM (
      SELECT "modelAId" AS m, "voterKey" AS k FROM "Vote" ${where}
      UNION ALL SELECT "modelBId" AS m, "voterKey" AS k FROM "Vote" ${where}
    ) t GROUP BY m`;
  const modelIds = [...new Set(counts.flatMap((c) => [c.a, c.b]))].sort();
  const index = new Map(modelIds.map((id, i) => [id, i]));
  const voters = new Map(perModel.map((r) => [r.m, r.voters]));
  return {
    modelIds,
    cells: counts.map((c) => ({ a: index.get(c.a)!, b: index.get(c.b)!, outcome: c.outcome, count: c.n })),
    votes: totals.votes,
    voters: totals.voters,
    demoVotes: totals.demo,
    replayVotes: totals.replay,
    modelVoters: modelIds.map((id) => voters.get(id) ?? 0),
    lastVoteAt: totals.last,
  };
}
