/**
 * A day written YYYY-MM-DD (UTC), checked without a schema library, so that client code (the leaderboard's
 * filters) can use it without shipping zod to the browser. lib/dates.ts builds the zod schema from it.
 */

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_DAY_SHAPE_MESSAGE = "Use a date written YYYY-MM-DD (for example 2026-01-15).";
export const ISO_DAY_REAL_MESSAGE = "That date does not exist: use a real calendar date.";

/**
 * True for a real calendar day written YYYY-MM-DD ("2024-02-29" yes, "2023-02-29" and "2024-13-45"
 * no). Never throws: an impossible date is an invalid Date, whose toISOString() would throw RangeError.
 */
export function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** What is wrong with a day as written (the same messages as lib/dates.ts `isoDaySchema`), or null when it is a real day. */
export function isoDayProblem(value: string): string | null {
  if (!ISO_DAY.test(value)) return ISO_DAY_SHAPE_MESSAGE;
  return isCalendarDay(value) ? null : ISO_DAY_REAL_MESSAGE;
}
