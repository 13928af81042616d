/**
 * True for a real calendar day written YYYY-MM-DD ("2024-02-29" yes, "2023-02-29" and "2024-13-45"
 * no). Never throws: an impossible date is an invalid Date, whose toISOString() would throw RangeError.
 */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
