import { z } from "zod";
import { ERROR_STATUS } from "@/lib/errors";
import { policySchema } from "@/lib/policy";
import { INTERVAL_METHODS } from "@/lib/rating";
import { STYLE_FEATURES } from "@/lib/rating/style-control";
import { AGE_BAND_CODES, EDUCATION_CODES, REGION_CODES } from "@/lib/slices";
import { snapshotExcludedVotesShape, snapshotMethodShape, snapshotRowShape } from "@/lib/snapshots/schema";

/**
 * The JSON the data API answers, as zod schemas: the OpenAPI document (lib/openapi/document.ts) is
 * generated from them, and tests/openapi.test.ts parses real responses with them. Objects are
 * strict, so a field added to a response without being documented here fails that test.
 */

const nullableNumber = z.number().nullable();

export const errorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string().describe("Safe to show to a person; says what to do."),
    details: z
      .record(z.string(), z.string())
      .optional()
      .describe("Per-field messages (invalid input), or retryAfterSeconds (rate limits)."),
  }),
});

export const healthResponseSchema = z.strictObject({ ok: z.boolean(), database: z.enum(["up", "down"]), error: z.string().optional() });

export const filtersSchema = z
  .strictObject({
    country: z.array(z.string()).optional(),
    region: z.array(z.enum(REGION_CODES)).optional(),
    age: z.array(z.enum(AGE_BAND_CODES)).optional(),
    education: z.array(z.enum(EDUCATION_CODES)).optional(),
    language: z.array(z.string()).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .meta({ description: "The audience: OR within an attribute, AND across attributes; from/to are inclusive UTC days." });

export const leaderboardRowSchema = z.strictObject({
  modelId: z.string(),
  name: z.string(),
  displayName: z.string(),
  organization: z.string(),
  status: z.enum(["ACTIVE", "PAUSED", "DEPRECATED"]),
  visibility: z.enum(["PUBLIC", "PRIVATE_TESTING", "WITHDRAWN"]),
  rating: nullableNumber.describe("Null when not rated: see unrated."),
  lower: nullableNumber.describe("95% interval."),
  upper: nullableNumber,
  se: nullableNumber,
  rank: z.number().int().nullable().describe("Best rank the intervals allow."),
  rankWorst: z.number().int().nullable(),
  unrated: z.enum(["few-votes", "undefeated", "winless", "unlinked", "disconnected", "no-battles"]).nullable(),
  votes: z.number().int(),
  voters: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  ties: z.number().int(),
  bothBad: z.number().int(),
  winRate: z.number(),
  tieRate: z.number(),
  bothBadRate: z.number(),
});

const excludedVotesSchema = z.strictObject({
  identityLeak: z.number().int(),
  excludedVoters: z.number().int(),
  replay: z.number().int(),
  unverifiedVoters: z.number().int(),
  total: z.number().int(),
});

export const leaderboardResponseSchema = z.strictObject({
  filters: filtersSchema,
  slice: z.string(),
  votes: z.number().int().nullable().describe("Null for a slice under the voter minimum."),
  voters: z.number().int().nullable(),
  demoVotes: z.number().int().nullable(),
  replayVotes: z.number().int().nullable(),
  isShown: z.boolean(),
  belowMinimum: z.boolean(),
  rows: z.array(leaderboardRowSchema),
  pairwise: z.strictObject({
    modelIds: z.array(z.string()),
    winFraction: z.array(z.array(nullableNumber)),
    battles: z.array(z.array(z.number().int())),
  }),
  policy: policySchema,
  style: z
    .strictObject({
      coefficients: z.array(
        z.strictObject({ feature: z.enum(STYLE_FEATURES), estimate: z.number(), lower: z.number(), upper: z.number(), se: z.number() }),
      ),
      votes: z.number().int(),
      unknown: z.number().int(),
    })
    .nullable(),
  method: z.strictObject({
    name: z.string(),
    interval: z.enum(INTERVAL_METHODS as [string, ...string[]]),
    style: z.enum(["none", "control"]),
    voters: z.number().int(),
  }),
  excludedVotes: excludedVotesSchema,
  visibility: z.enum(["public", "all"]),
  deprecated: z.enum(["hide", "show"]),
  hiddenDeprecated: z.number().int(),
  lastVoteAt: z.string().nullable(),
});

const comparedAudienceSchema = z.strictObject({
  filters: filtersSchema,
  votes: z.number().int().nullable(),
  voters: z.number().int().nullable(),
  isShown: z.boolean(),
  belowMinimum: z.boolean(),
});

export const comparisonResponseSchema = z.strictObject({
  a: comparedAudienceSchema,
  b: comparedAudienceSchema,
  sharedVoters: z.number().int().nullable(),
  models: z.array(
    z.strictObject({
      modelId: z.string(),
      name: z.string(),
      displayName: z.string(),
      organization: z.string(),
      model: z.string(),
      ratingA: z.number(),
      ratingB: z.number(),
      difference: z.number().describe("ratingB − ratingA, rating points."),
      lower: z.number(),
      upper: z.number(),
      se: z.number(),
      p: z.number(),
      q: z.number().describe("Benjamini–Hochberg q-value across the models compared."),
      significant: z.boolean(),
    }),
  ),
  falseDiscoveryRate: z.number(),
  method: z.string(),
});

const snapshotMethodSchema = z.strictObject({
  ...snapshotMethodShape,
  excludedVotes: z.strictObject(snapshotExcludedVotesShape).optional(),
});

const snapshotSummaryShape = {
  id: z.string(),
  createdAt: z.string(),
  trigger: z.string(),
  dataCutoff: z.string().describe("Votes cast up to this instant are included."),
  method: snapshotMethodSchema,
  codeVersion: z.string(),
  sliceKeys: z.array(z.string()),
};

export const snapshotSummarySchema = z.strictObject(snapshotSummaryShape);

const snapshotRowSchema = z.strictObject(snapshotRowShape);

export const snapshotSchema = z.strictObject({
  ...snapshotSummaryShape,
  slices: z.array(
    z.strictObject({
      key: z.string(),
      votes: z.number().int().nullable(),
      voters: z.number().int().nullable(),
      isShown: z.boolean(),
      rows: z.array(snapshotRowSchema),
    }),
  ),
});

export const snapshotListResponseSchema = z.strictObject({ apiVersion: z.literal(1), snapshots: z.array(snapshotSummarySchema) });
export const snapshotResponseSchema = z.strictObject({ apiVersion: z.literal(1), snapshot: snapshotSchema });

/** One line of a JSON lines export (a CSV export has the same columns, with a header row). */
export const exportRecordSchema = z.strictObject({
  model_a: z.string(),
  model_b: z.string(),
  winner: z.enum(["model_a", "model_b", "tie", "tie (bothbad)"]),
  judge: z.string().describe("Pseudonymous voter id, stable across exports."),
  tstamp: z.number().describe("Unix seconds."),
  country: z.string().nullable(),
  region: z.string().nullable(),
  age: z.string().nullable(),
  education: z.string().nullable(),
  language: z.string().nullable(),
  replay: z.boolean(),
});

// Compile-time guard: the code's own response types must satisfy the documented schemas (a field
// renamed or retyped in the code fails `tsc`; a field added fails the strict parse in tests/openapi.test.ts).
type Expect<T extends true> = T;
type Covers<Actual, Documented> = [Actual] extends [Documented] ? true : false;
export type ResponseSchemaChecks = [
  Expect<Covers<import("@/lib/leaderboard/build").Leaderboard, z.infer<typeof leaderboardResponseSchema>>>,
  Expect<Covers<import("@/lib/leaderboard/compare").AudienceComparison, z.infer<typeof comparisonResponseSchema>>>,
  Expect<Covers<import("@/lib/snapshots/schema").SnapshotSummary, z.infer<typeof snapshotSummarySchema>>>,
  Expect<Covers<import("@/lib/snapshots/schema").Snapshot, z.infer<typeof snapshotSchema>>>,
  Expect<Covers<import("@/lib/export-format").CleanBattle, z.infer<typeof exportRecordSchema>>>,
];
