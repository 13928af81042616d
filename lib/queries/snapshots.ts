import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { listSliceValues } from "./slice-values";
import { isSliceShown, publicCount } from "@/lib/leaderboard/thin-slice";
import type { Prisma } from "@/lib/generated/prisma/client";
import { codeVersion } from "@/lib/snapshots/code-version";
import { boardsAgreeOnPolicy, snapshotOfBoards, type ComputedSnapshot } from "@/lib/snapshots/publish";
import { isSnapshotDue } from "@/lib/snapshots/schedule";
import {
  snapshotMethodSchema,
  snapshotRowSchema,
  type RatingPoint,
  type Snapshot,
  type SnapshotSummary,
  type SnapshotTrigger,
} from "@/lib/snapshots/schema";
import { filtersOfSliceKey, sliceOrder, snapshotSliceKeys } from "@/lib/snapshots/slice-keys";
import { recordAudit, type Actor } from "./audit";
import { getLeaderboard, type Leaderboard } from "./leaderboard";

/** Who publishes on a timer. */
export const SCHEDULER_ACTOR: Actor = { id: null, email: "scheduler" };

// ---------------------------------------------------------------------------------------------
// Publishing
// ---------------------------------------------------------------------------------------------

/**
 * Computes every slice with getLeaderboard. The cutoff is the instant computing starts. If an
 * admin changes the policy mid-way the slices would disagree on method, so it starts over.
 */
async function computeSnapshot(): Promise<ComputedSnapshot> {
  for (let attempt = 1; ; attempt++) {
    const dataCutoff = new Date();
    const keys = snapshotSliceKeys((await listSliceValues()).language.map((l) => l.value));
    const boards: [string, Leaderboard][] = [];
    for (const key of keys) boards.push([key, await getLeaderboard(filtersOfSliceKey(key), { deprecated: "show" })]);
    if (attempt < 3 && !boardsAgreeOnPolicy(boards)) continue;
    return snapshotOfBoards(boards, dataCutoff, codeVersion());
  }
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

const summarySelect = {
  id: true,
  createdAt: true,
  trigger: true,
  dataCutoff: true,
  method: true,
  codeVersion: true,
  slices: { select: { sliceKey: true }, orderBy: { sliceKey: "asc" } },
} as const satisfies Prisma.LeaderboardSnapshotSelect;

type SummaryRecord = Prisma.LeaderboardSnapshotGetPayload<{ select: typeof summarySelect }>;

function toSummary(record: SummaryRecord): SnapshotSummary {
  return {
    id: record.id,
    createdAt: record.createdAt.toISOString(),
    trigger: record.trigger,
    dataCutoff: record.dataCutoff.toISOString(),
    method: snapshotMethodSchema.parse(record.method),
    codeVersion: record.codeVersion,
    sliceKeys: record.slices.map((s) => s.sliceKey).sort(sliceOrder),
  };
}

/** Inserts a computed snapshot and its audit entry in the caller's transaction. */
async function storeSnapshot(tx: Tx, computed: ComputedSnapshot, trigger: SnapshotTrigger, actor: Actor): Promise<SnapshotSummary> {
  const record = await tx.leaderboardSnapshot.create({
    data: {
      // Set here rather than by the column default (the transaction's start) so "newest" means
      // the last one stored, which is what publishSnapshotIfDue compares against.
      createdAt: new Date(),
      trigger,
      createdById: actor.id,
      dataCutoff: computed.dataCutoff,
      method: computed.method as unknown as Prisma.InputJsonValue,
      codeVersion: computed.codeVersion,
      slices: {
        create: computed.slices.map((s) => ({
          sliceKey: s.key,
          votes: s.votes ?? 0,
          voters: s.voters ?? 0,
          rows: s.rows as unknown as Prisma.InputJsonValue,
        })),
      },
    },
    select: summarySelect,
  });
  const summary = toSummary(record);
  await recordAudit(tx, actor, {
    action: "snapshot.publish",
    entity: "snapshot",
    entityId: summary.id,
    after: {
      trigger,
      dataCutoff: summary.dataCutoff,
      codeVersion: summary.codeVersion,
      slices: summary.sliceKeys.length,
      method: summary.method,
    },
  });
  return summary;
}

// Long enough for a large database's slices; the transaction only holds one connection.
const PUBLISH_TRANSACTION = { maxWait: 10_000, timeout: 15 * 60_000 };

/**
 * Publishes a snapshot now: the leaderboard of "all", each region and each language with votes,
 * under the current policy, with the code version. Snapshots are append-only (database
 * triggers refuse UPDATE and DELETE). Audited as "snapshot.publish".
 */
export async function publishSnapshot(input: { trigger: SnapshotTrigger; actor: Actor }): Promise<SnapshotSummary> {
  const computed = await computeSnapshot();
  return db().$transaction((tx) => storeSnapshot(tx, computed, input.trigger, input.actor), PUBLISH_TRANSACTION);
}

// Arbitrary constant that names "snapshot publishing" among PostgreSQL advisory locks.
const PUBLISH_LOCK_KEY = 7_310_415_022_091n;

/**
 * Publishes a scheduled snapshot when the newest one is older than maxAgeHours (or none exists);
 * returns it, or null when none was due or another process is publishing. Safe to call from every
 * app replica on a timer: the check and the insert run under a transaction-scoped advisory lock
 * (pg_try_advisory_xact_lock), so a second caller either fails to take the lock or, once the
 * first has committed, sees its fresh snapshot.
 */
export async function publishSnapshotIfDue(maxAgeHours = 24): Promise<SnapshotSummary | null> {
  return db().$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${PUBLISH_LOCK_KEY}::bigint) AS locked`;
    if (!locked) return null;
    const newest = await tx.leaderboardSnapshot.findFirst({ orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    if (!isSnapshotDue(newest?.createdAt ?? null, new Date(), maxAgeHours)) return null;
    return storeSnapshot(tx, await computeSnapshot(), "scheduled", SCHEDULER_ACTOR);
  }, PUBLISH_TRANSACTION);
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Published snapshots, newest first, without their rows. */
export async function listSnapshots(options: { take?: number } = {}): Promise<SnapshotSummary[]> {
  const records = await db().leaderboardSnapshot.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 200,
    select: summarySelect,
  });
  return records.map(toSummary);
}

/** One snapshot with its slices' rows (only `slice` when given), or null if there is no such snapshot. */
export async function getSnapshot(id: string, options: { slice?: string } = {}): Promise<Snapshot | null> {
  const record = await db().leaderboardSnapshot.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      slices: { select: { sliceKey: true, votes: true, voters: true, rows: true }, orderBy: { sliceKey: "asc" } },
    },
  });
  if (!record) return null;
  const { minSliceVoters } = toSummary(record).method;
  const slices = record.slices
    .filter((s) => options.slice === undefined || s.sliceKey === options.slice)
    .sort((a, b) => sliceOrder(a.sliceKey, b.sliceKey))
    .map((s) => {
      const rows = z.array(snapshotRowSchema).parse(s.rows);
      // Snapshots published before thin slices were withheld stored their exact counts: withhold them on reading too.
      const isShown = isSliceShown(s, minSliceVoters);
      return {
        key: s.sliceKey,
        votes: publicCount(s.votes, isShown),
        voters: publicCount(s.voters, isShown),
        isShown,
        rows: isShown ? rows : [],
      };
    });
  return { ...toSummary(record), slices };
}

/**
 * A model's published rating over time in one slice, oldest first: one point per snapshot in
 * which the model is listed there (rating and bounds null where it had too few votes to be rated).
 */
export async function getRatingHistory(modelId: string, sliceKey = "all"): Promise<RatingPoint[]> {
  const points = await db().$queryRaw<
    {
      snapshotId: string;
      createdAt: Date;
      dataCutoff: Date;
      rating: number | null;
      lower: number | null;
      upper: number | null;
      rank: number | null;
    }[]
  >`
    SELECT s.id AS "snapshotId", s."createdAt", s."dataCutoff",
           (r->>'rating')::float8 AS rating, (r->>'lower')::float8 AS lower,
           (r->>'upper')::float8 AS upper, (r->>'rank')::int AS rank
    FROM "LeaderboardSnapshot" s
    JOIN "SnapshotSlice" sl ON sl."snapshotId" = s.id AND sl."sliceKey" = ${sliceKey}
    CROSS JOIN LATERAL jsonb_array_elements(sl.rows) AS r
    WHERE r->>'modelId' = ${modelId}
    ORDER BY s."createdAt" ASC, s.id ASC`;
  return points.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), dataCutoff: p.dataCutoff.toISOString() }));
}
