/**
 * The published deprecation rule: one rule for every model, open weights or proprietary alike.
 * A model is deprecated only under one of these clauses, and each deprecation records its clause
 * and a written reason (shown on the public changelog). Deprecation stops new battles and marks the
 * model on the leaderboard; its votes and published scores stay.
 */
export const DEPRECATION_CLAUSES = ["retired", "unavailable", "superseded", "provider_request"] as const;
export type DeprecationClause = (typeof DEPRECATION_CLAUSES)[number];

/** Days an endpoint must have been unreachable before the "unavailable" clause applies. */
export const UNAVAILABLE_DAYS = 14;
/** Months a superseded model must be older than its successor's release before it can be deprecated. */
export const SUPERSEDED_MONTHS = 6;

/** True for one of the rule's clause codes. */
export function isDeprecationClause(value: unknown): value is DeprecationClause {
  return typeof value === "string" && (DEPRECATION_CLAUSES as readonly string[]).includes(value);
}
