/** A calendar day in the reader's language (UTC, as the server stores and compares times). */
export function formatDay(value: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(value));
}
