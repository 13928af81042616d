import { z } from "zod";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a real calendar day written YYYY-MM-DD ("2024-02-29" yes, "2023-02-29" and "2024-13-45"
 * no). Never throws: an impossible date is an invalid Date, whose toISOString() would throw RangeError.
 */
export function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * The one schema for a day written YYYY-MM-DD (UTC), wherever one is read: leaderboard filters, the audit log's
 * range, a model's release date. Refuses a wrong shape and an impossible day with a message that says which;
 * never throws on parse (use safeParse).
 */
export const isoDaySchema = z
  .string()
  .regex(ISO_DAY, "Use a date written YYYY-MM-DD (for example 2026-01-15).")
  .refine(isCalendarDay, "That date does not exist: use a real calendar date.");
