import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import packageJson from "@/package.json";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { listSliceValues } from "./slice-values";
import { isSliceShown, publicCount } from "@/lib/leaderboard/thin-slice";
import type { LeaderboardFilters } from "@/lib/filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Policy } from "@/lib/policy";
import { REGION_CODES, isLanguageCode } from "@/lib/slices";
import { recordAudit, type Actor } from "./audit";
import { getLeaderboard, type Leaderboard } from "./leaderboard";

export const SNAPSHOT_TRIGGERS = ["admin", "cli", "scheduled"] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

/** Who publishes on a timer. */
export const SCHEDULER_ACTOR: Actor = { id: null, email: "scheduler" };

/** A model's row as published (no outcome shares or pairwise data: those stay live-only). */
export interface SnapshotRow {
  modelId: string;
  name: string;
  displayName: string;
  organization: string;
  rating: number | null;
  lower: number | null;
  upper: number | null;
  rank: number | null;
  /** Worst rank the interval allows (absent in snapshots before rank ranges existed). */
  rankWorst?: number | null;
  /** Why the row has no rating (see LeaderboardRow.unrated; absent in older snapshots). */
  unrated?: string | null;
  votes: number;
  voters: number;
  /** Marked when the model was deprecated at publication (absent in snapshots before deprecation existed). */
  isDeprecated?: boolean;
}

/**
 * How a snapshot was computed: the interval method ("sandwich": voter-clustered; older snapshots say "95%
 * bootstrap"), the policy's bootstrap settings and thresholds at the time.
 */
export interface SnapshotMethod {
  name: string;
  interval: string;
  bootstrapRounds: number;
  bootstrapSeed: number;
  minSliceVoters: number;
  minModelVotes: number;
  /** Demo votes counted in the "all" slice (0 on a deployment without demo data, or while it is under the voter minimum). */
  demoVotes: number;
  /**
   * Votes left out at publication: identity leaks and excluded voters (absent in older snapshots), replay-battle
   * votes and unverified contributors' votes (absent before those policy settings existed).
   */
  excludedVotes?: { identityLeak: number; excludedVoters: number; replay?: number; unverifiedVoters?: number };
  /** The counting rules in force at publication (absent in older snapshots: neither applied). */
  excludeReplayVotes?: boolean;
  requireVerifiedEmail?: boolean;
}

export interface SnapshotSummary {
  id: string;
  createdAt: string;
  trigger: string;
  /** Votes cast up to this instant are included. */
  dataCutoff: string;
  method: SnapshotMethod;
  codeVersion: string;
  sliceKeys: string[];
}

export interface SnapshotSliceData {
  key: string;
  /** Exact only for a slice that was shown; null under the voter minimum (lib/leaderboard/thin-slice). */
  votes: number | null;
  voters: number | null;
  /** False when the slice had too few voters to be ranked (its rows are then empty). */
  isShown: boolean;
  rows: SnapshotRow[];
}

export interface Snapshot extends SnapshotSummary {
  slices: SnapshotSliceData[];
}

export interface RatingPoint {
  snapshotId: string;
  createdAt: string;
  dataCutoff: string;
  rating: number | null;
  lower: number | null;
  upper: number | null;
  rank: number | null;
}

// Stored JSON is read back through these, so a malformed row fails loudly instead of leaking `any`.
const rowSchema = z.object({
  modelId: z.string(),
  name: z.string(),
  displayName: z.string(),
  organization: z.string(),
  rating: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  rank: z.number().int().nullable(),
  rankWorst: z.number().int().nullable().optional(),
  unrated: z.string().nullable().optional(),
  votes: z.number().int(),
  voters: z.number().int(),
  isDeprecated: z.boolean().optional(),
});
const methodSchema = z.object({
  name: z.string(),
  interval: z.string(),
  bootstrapRounds: z.number().int(),
  bootstrapSeed: z.number().int(),
  minSliceVoters: z.number().int(),
  minModelVotes: z.number().int(),
  demoVotes: z.number().int().default(0),
  excludedVotes: z.object({ identityLeak: z.number().int(), excludedVoters: z.number().int(), replay: z.number().int().optional(), unverifiedVoters: z.number().int().optional() }).optional(),
  excludeReplayVotes: z.boolean().optional(),
  requireVerifiedEmail: z.boolean().optional(),
});

/** "all", "region:<code>" or "language:<code>". */
export const sliceKeySchema = z
  .string()
  .regex(/^(all|region:[a-z]+|language:[a-z]{2})$/, 'A slice is "all", "region:<code>" (e.g. region:europe) or "language:<code>" (e.g. language:pt).');

/** The leaderboard filters of a snapshot slice key. */
export function filtersOfSliceKey(key: string): LeaderboardFilters {
  if (key === "all") return {};
  const [kind, code] = key.split(":");
  if (kind === "region" && (REGION_CODES as readonly string[]).includes(code)) return { region: [code as (typeof REGION_CODES)[number]] };
  if (kind === "language" && isLanguageCode(code)) return { language: [code] };
  throw new Error(`Unknown snapshot slice key "${key}"`);
}

// ---------------------------------------------------------------------------------------------
// Code version
// ---------------------------------------------------------------------------------------------

// Runtime reads of the deployment's own .git, not bundle inputs: kept out of Turbopack's file tracing.
const readText = (file: string) => fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
const isFile = (file: string) => fs.statSync(/*turbopackIgnore: true*/ file, { throwIfNoEntry: false })?.isFile() ?? false;

/** The commit the server runs: SHOWDOWN_COMMIT, else read from .git at runtime, else null. */
function gitCommit(): string | null {
  const fromEnv = serverEnv().SHOWDOWN_COMMIT;
  if (fromEnv) return fromEnv.toLowerCase();
  try {
    let gitDir = path.join(/*turbopackIgnore: true*/ process.cwd(), ".git");
    // A worktree or submodule has a .git file that points at the real directory.
    if (isFile(gitDir)) {
      const pointer = /^gitdir:\s*(.+)$/m.exec(readText(gitDir))?.[1];
      if (!pointer) return null;
      gitDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), pointer.trim());
    }
    const head = readText(path.join(gitDir, "HEAD")).trim();
    const ref = /^ref:\s*(.+)$/.exec(head)?.[1];
    if (!ref) return /^[0-9a-f]{40}$/.test(head) ? head : null;
    const loose = path.join(gitDir, ref);
    if (isFile(loose)) return readText(loose).trim();
    const packed = readText(path.join(gitDir, "packed-refs"));
    return packed.split("\n").find((line) => line.endsWith(` ${ref}`))?.split(" ")[0] ?? null;
  } catch {
    return null;
  }
}

/** package.json version plus the short commit, e.g. "0.1.0+b1a47a3c1f02" ("0.1.0+unknown" without one). */
export function codeVersion(): string {
  const commit = gitCommit();
  return `${packageJson.version}+${commit ? commit.slice(0, 12) : "unknown"}`;
}

// ---------------------------------------------------------------------------------------------
// Publishing
// ---------------------------------------------------------------------------------------------

interface ComputedSnapshot {
  dataCutoff: Date;
  method: SnapshotMethod;
  codeVersion: string;
  slices: SnapshotSliceData[];
}

function toSliceData(key: string, board: Leaderboard): SnapshotSliceData {
  return {
    key,
    // null under the voter minimum: such a slice is stored with 0 and read back as null (see getSnapshot)
    votes: board.votes,
    voters: board.voters,
    isShown: board.isShown,
    rows: board.isShown
      ? board.rows.map((r) => ({
          modelId: r.modelId,
          name: r.name,
          displayName: r.displayName,
          organization: r.organization,
          rating: r.rating,
          lower: r.lower,
          upper: r.upper,
          rank: r.rank,
          rankWorst: r.rankWorst,
          unrated: r.unrated,
          votes: r.votes,
          voters: r.voters,
          ...(r.status === "DEPRECATED" ? { isDeprecated: true } : {}),
        }))
      : [],
  };
}

const samePolicy = (a: Policy, b: Policy) => (Object.keys(a) as (keyof Policy)[]).every((k) => a[k] === b[k]);

/** The slices a snapshot holds: all votes, each region, and each language that has votes. */
async function snapshotSliceKeys(): Promise<string[]> {
  const languages = (await listSliceValues()).language.map((l) => l.value).sort();
  return ["all", ...REGION_CODES.map((r) => `region:${r}`), ...languages.map((l) => `language:${l}`)];
}

/**
 * Computes every slice with getLeaderboard. The cutoff is the instant computing starts. If an
 * admin changes the policy mid-way the slices would disagree on method, so it starts over.
 */
async function computeSnapshot(): Promise<ComputedSnapshot> {
  for (let attempt = 1; ; attempt++) {
    const dataCutoff = new Date();
    const keys = await snapshotSliceKeys();
    const boards: [string, Leaderboard][] = [];
    for (const key of keys) boards.push([key, await getLeaderboard(filtersOfSliceKey(key), { deprecated: "show" })]);
    const [, all] = boards[0];
    if (attempt < 3 && !boards.every(([, b]) => samePolicy(b.policy, all.policy))) continue;
    const p = all.policy;
    return {
      dataCutoff,
      codeVersion: codeVersion(),
      method: {
        name: all.method.name,
        interval: all.method.interval,
        bootstrapRounds: p.bootstrapRounds,
        bootstrapSeed: p.bootstrapSeed,
        minSliceVoters: p.minSliceVoters,
        minModelVotes: p.minModelVotes,
        demoVotes: all.demoVotes ?? 0,
        excludedVotes: {
          identityLeak: all.excludedVotes.identityLeak,
          excludedVoters: all.excludedVotes.excludedVoters,
          replay: all.excludedVotes.replay,
          unverifiedVoters: all.excludedVotes.unverifiedVoters,
        },
        excludeReplayVotes: p.excludeReplayVotes,
        requireVerifiedEmail: p.requireVerifiedEmail,
      },
      slices: boards.map(([key, board]) => toSliceData(key, board)),
    };
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

/** "all" first, then regions, then languages, each alphabetically. */
function sliceOrder(a: string, b: string): number {
  const rank = (k: string) => (k === "all" ? 0 : k.startsWith("region:") ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function toSummary(record: SummaryRecord): SnapshotSummary {
  return {
    id: record.id,
    createdAt: record.createdAt.toISOString(),
    trigger: record.trigger,
    dataCutoff: record.dataCutoff.toISOString(),
    method: methodSchema.parse(record.method),
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
        create: computed.slices.map((s) => ({ sliceKey: s.key, votes: s.votes ?? 0, voters: s.voters ?? 0, rows: s.rows as unknown as Prisma.InputJsonValue })),
      },
    },
    select: summarySelect,
  });
  const summary = toSummary(record);
  await recordAudit(tx, actor, {
    action: "snapshot.publish",
    entity: "snapshot",
    entityId: summary.id,
    after: { trigger, dataCutoff: summary.dataCutoff, codeVersion: summary.codeVersion, slices: summary.sliceKeys.length, method: summary.method },
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
    if (newest && Date.now() - newest.createdAt.getTime() < maxAgeHours * 3_600_000) return null;
    return storeSnapshot(tx, await computeSnapshot(), "scheduled", SCHEDULER_ACTOR);
  }, PUBLISH_TRANSACTION);
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Published snapshots, newest first, without their rows. */
export async function listSnapshots(options: { take?: number } = {}): Promise<SnapshotSummary[]> {
  const records = await db().leaderboardSnapshot.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.take ?? 200, select: summarySelect });
  return records.map(toSummary);
}

/** One snapshot with its slices' rows (only `slice` when given), or null if there is no such snapshot. */
export async function getSnapshot(id: string, options: { slice?: string } = {}): Promise<Snapshot | null> {
  const record = await db().leaderboardSnapshot.findUnique({
    where: { id },
    select: { ...summarySelect, slices: { select: { sliceKey: true, votes: true, voters: true, rows: true }, orderBy: { sliceKey: "asc" } } },
  });
  if (!record) return null;
  const { minSliceVoters } = toSummary(record).method;
  const slices = record.slices
    .filter((s) => options.slice === undefined || s.sliceKey === options.slice)
    .sort((a, b) => sliceOrder(a.sliceKey, b.sliceKey))
    .map((s) => {
      const rows = z.array(rowSchema).parse(s.rows);
      // Snapshots published before thin slices were withheld stored their exact counts: withhold them on reading too.
      const isShown = isSliceShown(s, minSliceVoters);
      return { key: s.sliceKey, votes: publicCount(s.votes, isShown), voters: publicCount(s.voters, isShown), isShown, rows: isShown ? rows : [] };
    });
  return { ...toSummary(record), slices };
}

/**
 * A model's published rating over time in one slice, oldest first: one point per snapshot in
 * which the model is listed there (rating and bounds null where it had too few votes to be rated).
 */
export async function getRatingHistory(modelId: string, sliceKey = "all"): Promise<RatingPoint[]> {
  const points = await db().$queryRaw<
    { snapshotId: string; createdAt: Date; dataCutoff: Date; rating: number | null; lower: number | null; upper: number | null; rank: number | null }[]
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
