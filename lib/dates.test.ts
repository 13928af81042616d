import { describe, expect, it } from "vitest";
import { isoDayProblem } from "./calendar-day";
import { isCalendarDay, isoDaySchema } from "./dates";

describe("isCalendarDay", () => {
  it.each(["2024-02-29", "2025-01-01", "1999-12-31"])("accepts %s", (day) => expect(isCalendarDay(day)).toBe(true));
  it.each(["2024-13-45", "2023-02-29", "2025-04-31", "2025-00-10", "2025-1-1", "20250101", "2025-01-01T00:00", "", "tomorrow"])(
    "refuses %j without throwing",
    (day) => expect(isCalendarDay(day)).toBe(false),
  );
});

describe("isoDaySchema and isoDayProblem (the same rule, with and without zod)", () => {
  it.each([
    ["2024-02-29", null],
    ["2026-01-15", null],
    ["2024-13-45", "That date does not exist: use a real calendar date."],
    ["2023-02-29", "That date does not exist: use a real calendar date."],
    ["15/01/2026", "Use a date written YYYY-MM-DD (for example 2026-01-15)."],
    ["0002-01-1", "Use a date written YYYY-MM-DD (for example 2026-01-15)."],
    ["", "Use a date written YYYY-MM-DD (for example 2026-01-15)."],
  ])("%j: %s", (value, message) => {
    const parsed = isoDaySchema.safeParse(value);
    expect(parsed.success ? null : parsed.error.issues[0]!.message).toBe(message);
    expect(isoDayProblem(value)).toBe(message);
  });
});
