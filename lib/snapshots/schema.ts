import { z } from "zod";

/** What a published leaderboard snapshot holds, and the schemas its stored JSON is read back through. */

export const SNAPSHOT_TRIGGERS = ["admin", "cli", "scheduled"] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

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

/**
 * The fields of a stored row and method, shared by the lenient readers below (stored JSON is read back
 * through them, so a malformed row fails loudly instead of leaking `any`) and by the strict response
 * schemas of the OpenAPI document (lib/openapi/responses.ts).
 */
export const snapshotRowShape = {
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
};
export const snapshotExcludedVotesShape = {
  identityLeak: z.number().int(),
  excludedVoters: z.number().int(),
  replay: z.number().int().optional(),
  unverifiedVoters: z.number().int().optional(),
};
export const snapshotMethodShape = {
  name: z.string(),
  interval: z.string(),
  bootstrapRounds: z.number().int(),
  bootstrapSeed: z.number().int(),
  minSliceVoters: z.number().int(),
  minModelVotes: z.number().int(),
  demoVotes: z.number().int(),
  excludedVotes: z.object(snapshotExcludedVotesShape).optional(),
  excludeReplayVotes: z.boolean().optional(),
  requireVerifiedEmail: z.boolean().optional(),
};

export const snapshotRowSchema = z.object(snapshotRowShape);
/** Snapshots published before demo data existed have no demoVotes: 0. */
export const snapshotMethodSchema = z.object({ ...snapshotMethodShape, demoVotes: z.number().int().default(0) });

/** "all", "region:<code>" or "language:<code>". */
export const sliceKeySchema = z
  .string()
  .regex(
    /^(all|region:[a-z]+|language:[a-z]{2})$/,
    'A slice is "all", "region:<code>" (e.g. region:europe) or "language:<code>" (e.g. language:pt).',
  );
