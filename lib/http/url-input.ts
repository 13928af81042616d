import { unsafeTextReason } from "./unsafe-text";

/**
 * What is wrong with a request URL's path or query, or null. Path segments become ids and names
 * (`/models/[name]`, `/api/battles/[id]`): a segment that does not decode (`/models/%ZZ`) or that
 * decodes to a NUL (`%00`) is refused here, as is a NUL in any query parameter, so that no such value
 * reaches a page, a query or PostgreSQL.
 */
export function urlInputProblem(input: string | URL): string | null {
  const url = typeof input === "string" ? new URL(input, "http://localhost") : input;
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return `The address has a malformed percent-encoding in "${segment.slice(0, 60)}".`;
    }
    const reason = unsafeTextReason(decoded);
    if (reason) return `A part of the address ${reason}.`;
  }
  for (const [key, value] of url.searchParams) {
    const reason = unsafeTextReason(key) ?? unsafeTextReason(value);
    if (reason) return `The query parameter ${JSON.stringify(key.replace(/\u0000/g, "\\u0000").slice(0, 40))} ${reason}.`;
  }
  return null;
}
