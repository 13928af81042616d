import "@/lib/zod-browser";
import { z } from "zod";

const perHour = (what: string) =>
  z.coerce
    .number()
    .int(`${what} must be a whole number per hour.`)
    .min(1, `${what} must allow at least 1 per hour.`)
    .max(100_000, `${what} is at most 100000 per hour.`);

/**
 * The data policy: holdout window for exports, honest-statistics thresholds, the bootstrap
 * settings, the private-variant cap, rate limits and pair-sampling parameters. Stored in one
 * database row, edited by admins, every change audited. A slice is shown only when enough
 * different people voted in it (this also keeps individual contributors from being singled out),
 * and a model is rated in a slice only with enough votes there.
 */
export const policySchema = z.object({
  holdoutDays: z.coerce
    .number()
    .int("Holdout must be a whole number of days.")
    .min(0, "Holdout cannot be negative.")
    .max(3650, "Holdout is at most 3650 days."),
  minSliceVoters: z.coerce.number().int().min(1, "A slice needs at least 1 voter.").max(100_000),
  minModelVotes: z.coerce.number().int().min(1, "A model needs at least 1 vote.").max(1_000_000),
  bootstrapRounds: z.coerce.number().int().min(10, "Use at least 10 bootstrap rounds.").max(2000, "Use at most 2000 bootstrap rounds."),
  bootstrapSeed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  privateVariantCap: z.coerce
    .number()
    .int("The private-variant cap must be a whole number.")
    .min(0, "The private-variant cap cannot be negative.")
    .max(100, "The private-variant cap is at most 100."),
  battlesPerHourPerUser: perHour("Battles per contributor"),
  votesPerHourPerUser: perHour("Votes per contributor"),
  battlesPerHourPerIp: perHour("Battles per IP address"),
  votesPerHourPerIp: perHour("Votes per IP address"),
  samplingTargetVotes: z.coerce
    .number()
    .int("The sampling target must be a whole number of votes.")
    .min(1, "The sampling target must be at least 1 vote.")
    .max(1_000_000, "The sampling target is at most 1000000 votes."),
  samplingMaxBoost: z.coerce
    .number()
    .min(1, "The maximum sampling boost is at least 1 (no boost).")
    .max(10, "The maximum sampling boost is at most 10."),
  profileChangeDays: z.coerce
    .number()
    .int("The audience-change window must be a whole number of days.")
    .min(0, "The audience-change window cannot be negative.")
    .max(3650, "The audience-change window is at most 3650 days."),
  signupsPerHourPerIp: perHour("Sign-ups per IP address"),
  signInFailuresPerHourPerUser: perHour("Failed sign-ins per account"),
  signInFailuresPerHourPerIp: perHour("Failed sign-ins per IP address"),
  requireVerifiedEmail: z.boolean({ message: "requireVerifiedEmail must be true or false." }),
  excludeReplayVotes: z.boolean({ message: "excludeReplayVotes must be true or false." }),
});

export type Policy = z.infer<typeof policySchema>;

/** Defaults (as in the database's column defaults). */
export const DEFAULT_POLICY: Policy = {
  holdoutDays: 60,
  minSliceVoters: 20,
  minModelVotes: 30,
  bootstrapRounds: 100,
  bootstrapSeed: 42,
  privateVariantCap: 3,
  battlesPerHourPerUser: 60,
  votesPerHourPerUser: 60,
  battlesPerHourPerIp: 600,
  votesPerHourPerIp: 600,
  samplingTargetVotes: 300,
  samplingMaxBoost: 3,
  profileChangeDays: 30,
  signupsPerHourPerIp: 10,
  signInFailuresPerHourPerUser: 10,
  signInFailuresPerHourPerIp: 100,
  requireVerifiedEmail: false,
  excludeReplayVotes: false,
};

/** The instant before which votes are released to exports under this policy. */
export function holdoutCutoff(policy: Pick<Policy, "holdoutDays">, now: Date): Date {
  return new Date(now.getTime() - policy.holdoutDays * 86_400_000);
}
