import { describe, expect, it } from "vitest";
import { isCalendarDay } from "./dates";

describe("isCalendarDay", () => {
  it.each(["2024-02-29", "2025-01-01", "1999-12-31"])("accepts %s", (day) => expect(isCalendarDay(day)).toBe(true));
  it.each(["2024-13-45", "2023-02-29", "2025-04-31", "2025-00-10", "2025-1-1", "20250101", "2025-01-01T00:00", "", "tomorrow"])("refuses %j without throwing", (day) =>
    expect(isCalendarDay(day)).toBe(false),
  );
});
