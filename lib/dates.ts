import { z } from "zod";
import { ISO_DAY, ISO_DAY_REAL_MESSAGE, ISO_DAY_SHAPE_MESSAGE, isCalendarDay } from "@/lib/calendar-day";

export { isCalendarDay } from "@/lib/calendar-day";

/**
 * The one schema for a day written YYYY-MM-DD (UTC), wherever one is read: leaderboard filters, the audit log's
 * range, a model's release date. Refuses a wrong shape and an impossible day with a message that says which;
 * never throws on parse (use safeParse). Client code uses lib/calendar-day.ts `isoDayProblem`, the same rule without zod.
 */
export const isoDaySchema = z.string().regex(ISO_DAY, ISO_DAY_SHAPE_MESSAGE).refine(isCalendarDay, ISO_DAY_REAL_MESSAGE);
