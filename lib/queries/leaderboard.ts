import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { describeSlice, type LeaderboardFilters } from "@/lib/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ModelStatus } from "@/lib/generated/prisma/enums";
import { MIN_MODEL_VOTES, MIN_SLICE_VOTERS } from "@/lib/policy";
import { computeLeaderboard, rankByIntervals, type Outcome, type PairCell } from "@/lib/rating";

export interface LeaderboardRow {
  modelId: string;
  name: string;
  displayName: string;
  organization: string;
  status: ModelStatus;
  /** Null when the model has fewer than MIN_MODEL_VOTES votes in this slice. */
  rating: number | null;
  lower: number | null;
  upper: number | null;
  rank: number | null;
  votes: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
}

export interface Leaderboard {
  filters: LeaderboardFilters;
  slice: string;
  votes: number;
  voters: number;
  demoVotes: number;
  /** False when fewer than MIN_SLICE_VOTERS distinct people voted in the slice. */
  isShown: boolean;
  /** Rated rows by rating, then rows with too few votes by votes. */
  rows: LeaderboardRow[];
  thresholds: { minSliceVoters: number; minModelVotes: number };
  method: { name: string; bootstrapRounds: number; seed: number; interval: string };
}

/** SQL conditions of a slice on the vote snapshot columns. */
function sliceWhere(filters: LeaderboardFilters): Prisma.Sql {
  const conds: Prisma.Sql[] = [];
  if (filters.country) conds.push(Prisma.sql`country = ${filters.country}`);
  if (filters.region) conds.push(Prisma.sql`region = ${filters.region}`);
  if (filters.age) conds.push(Prisma.sql`"ageBand" = ${filters.age}`);
  if (filters.education) conds.push(Prisma.sql`education = ${filters.education}`);
  if (filters.language) conds.push(Prisma.sql`language = ${filters.language}`);
  return conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
}

/**
 * The Bradley–Terry leaderboard of one slice: pair counts of the matching votes are read from the
 * database and fitted by the rating module, with seeded bootstrap intervals.
 */
export async function getLeaderboard(filters: LeaderboardFilters): Promise<Leaderboard> {
  const env = serverEnv();
  const where = sliceWhere(filters);
  const [totals] = await db().$queryRaw<{ votes: number; voters: number; demo: number }[]>`
    SELECT count(*)::int AS votes, count(DISTINCT "voterKey")::int AS voters,
           (count(*) FILTER (WHERE source = 'DEMO'))::int AS demo
    FROM "Vote" ${where}`;
  const base: Leaderboard = {
    filters,
    slice: describeSlice(filters),
    votes: totals.votes,
    voters: totals.voters,
    demoVotes: totals.demo,
    isShown: totals.voters >= MIN_SLICE_VOTERS,
    rows: [],
    thresholds: { minSliceVoters: MIN_SLICE_VOTERS, minModelVotes: MIN_MODEL_VOTES },
    method: { name: "Bradley–Terry (maximum likelihood)", bootstrapRounds: env.SHOWDOWN_BOOTSTRAP_ROUNDS, seed: env.SHOWDOWN_BOOTSTRAP_SEED, interval: "95% bootstrap" },
  };
  if (!base.isShown) return base;

  const counts = await db().$queryRaw<{ a: string; b: string; outcome: Outcome; n: number }[]>`
    SELECT "modelAId" AS a, "modelBId" AS b, outcome::text AS outcome, count(*)::int AS n
    FROM "Vote" ${where} GROUP BY 1, 2, 3`;
  const ids = [...new Set(counts.flatMap((c) => [c.a, c.b]))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const cells: PairCell[] = counts.map((c) => ({ a: index.get(c.a)!, b: index.get(c.b)!, outcome: c.outcome, count: c.n }));
  const fitted = computeLeaderboard({ models: ids, cells }, { rounds: env.SHOWDOWN_BOOTSTRAP_ROUNDS, seed: env.SHOWDOWN_BOOTSTRAP_SEED });

  const models = await db().model.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, displayName: true, organization: true, status: true },
  });
  const byId = new Map(models.map((m) => [m.id, m]));
  // Ranks are recomputed among the rated rows only: an unrated model is not shown as better.
  const ratedFits = fitted.filter((r) => r.battles >= MIN_MODEL_VOTES);
  const ranks = rankByIntervals(ratedFits);
  const rated = ratedFits.map((r, i) => ({ ...r, rank: ranks[i] }));
  const unrated = fitted.filter((r) => r.battles < MIN_MODEL_VOTES).sort((x, y) => y.battles - x.battles);
  const toRow = (r: (typeof fitted)[number], isRated: boolean): LeaderboardRow => {
    const m = byId.get(r.model)!;
    return {
      modelId: m.id,
      name: m.name,
      displayName: m.displayName,
      organization: m.organization,
      status: m.status,
      rating: isRated ? r.rating : null,
      lower: isRated ? r.lower : null,
      upper: isRated ? r.upper : null,
      rank: isRated ? r.rank : null,
      votes: r.battles,
      wins: r.wins,
      losses: r.losses,
      ties: r.ties,
      bothBad: r.bothBad,
    };
  };
  return { ...base, rows: [...rated.map((r) => toRow(r, true)), ...unrated.map((r) => toRow(r, false))] };
}
