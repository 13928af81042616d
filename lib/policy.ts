import { z } from "zod";

/**
 * The data policy: holdout window for exports, honest-statistics thresholds, and the bootstrap
 * settings. Stored in one database row, edited by admins, every change audited. A slice is shown
 * only when enough different people voted in it (this also keeps individual contributors from
 * being singled out), and a model is rated in a slice only with enough votes there.
 */
export const policySchema = z.object({
  holdoutDays: z.coerce.number().int("Holdout must be a whole number of days.").min(0, "Holdout cannot be negative.").max(3650, "Holdout is at most 3650 days."),
  minSliceVoters: z.coerce.number().int().min(1, "A slice needs at least 1 voter.").max(100_000),
  minModelVotes: z.coerce.number().int().min(1, "A model needs at least 1 vote.").max(1_000_000),
  bootstrapRounds: z.coerce.number().int().min(10, "Use at least 10 bootstrap rounds.").max(2000, "Use at most 2000 bootstrap rounds."),
  bootstrapSeed: z.coerce.number().int().min(0).max(2 ** 31 - 1),
});

export type Policy = z.infer<typeof policySchema>;

/** Defaults (as in the database's column defaults). */
export const DEFAULT_POLICY: Policy = { holdoutDays: 60, minSliceVoters: 20, minModelVotes: 30, bootstrapRounds: 100, bootstrapSeed: 42 };

/** The instant before which votes are released to exports under this policy. */
export function holdoutCutoff(policy: Pick<Policy, "holdoutDays">, now: Date): Date {
  return new Date(now.getTime() - policy.holdoutDays * 86_400_000);
}
