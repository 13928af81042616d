import type pg from "pg";
import type { Policy } from "@/lib/policy";

/**
 * Which flagged votes public boards leave out besides identity leaks and excluded voters: the two
 * policy settings that change what counts. Votes are kept either way (and exports carry the replay
 * flag); only the counts follow the rules.
 */
export type CountingRules = Pick<Policy, "excludeReplayVotes" | "requireVerifiedEmail">;

export const DEFAULT_COUNTING_RULES: CountingRules = { excludeReplayVotes: false, requireVerifiedEmail: false };

/** Why a vote is left out, in the order a vote is counted under (its first reason only). */
export const UNCOUNTED_REASONS = ["identityLeak", "excludedVoter", "replay", "unverifiedVoter"] as const;
export type UncountedReason = (typeof UNCOUNTED_REASONS)[number];
export type Uncounted = Record<UncountedReason, number>;

export function noneUncounted(): Uncounted {
  return { identityLeak: 0, excludedVoter: 0, replay: 0, unverifiedVoter: 0 };
}

export function sameRules(a: CountingRules, b: CountingRules): boolean {
  return a.excludeReplayVotes === b.excludeReplayVotes && a.requireVerifiedEmail === b.requireVerifiedEmail;
}

/** SQL giving 0 for a counted vote, else 1 + the index of its first reason in UNCOUNTED_REASONS. */
export function UNCOUNTED_REASON_SQL(rules: CountingRules): string {
  return `CASE WHEN "identityLeak" THEN 1 WHEN excluded THEN 2
            WHEN replay AND ${rules.excludeReplayVotes ? "TRUE" : "FALSE"} THEN 3
            WHEN "voterUnverified" AND ${rules.requireVerifiedEmail ? "TRUE" : "FALSE"} THEN 4 ELSE 0 END`;
}

/**
 * FastChat's style contrasts (A − B)/(A + B + 1) of the four style counts, in float8 throughout so that no
 * stored count, however large, can overflow INTEGER arithmetic and stop every index load.
 */
export const STYLE_CONTRAST_SQL = ["tokens", "headers", "lists", "bold"]
  .map((c) => `("${c}A"::float8 - "${c}B"::float8) / ("${c}A"::float8 + "${c}B"::float8 + 1)`)
  .join(",\n                  ");

/** The counting rules in force, read in the caller's transaction (the defaults until an admin saves the policy). */
export async function readCountingRules(client: pg.PoolClient | pg.Client): Promise<CountingRules> {
  const { rows } = await client.query<CountingRules>(
    'SELECT "excludeReplayVotes", "requireVerifiedEmail" FROM "PolicySettings" WHERE id = 1',
  );
  return rows[0]
    ? { excludeReplayVotes: rows[0].excludeReplayVotes, requireVerifiedEmail: rows[0].requireVerifiedEmail }
    : DEFAULT_COUNTING_RULES;
}
