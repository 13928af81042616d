/**
 * Where a bearer token is accepted: read-only methods on the data API that customers' scripts use,
 * and the public OpenAPI document, which a client generated from it fetches with the same header
 * (/api/health ignores the header). Everything else (token management, voting, admin, profile) needs a browser session.
 */
export const BEARER_PATHS = ["/api/leaderboard", "/api/compare", "/api/export", "/api/snapshots", "/api/openapi.json"] as const;
const READ_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD"]);

/** True when a request with this method and path may be authorised by a bearer token. */
export function isBearerAllowed(method: string, pathname: string): boolean {
  if (!READ_METHODS.has(method.toUpperCase())) return false;
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return BEARER_PATHS.some((p) => path === p || (p === "/api/snapshots" && path.startsWith(`${p}/`)));
}

/** The token from an `Authorization` header: the credential of a Bearer header, null for no header or another scheme. */
export function bearerCredential(header: string | null): string | null {
  if (!header) return null;
  const match = /^\s*Bearer(?:\s+(.*))?$/i.exec(header);
  if (!match) return null;
  return (match[1] ?? "").trim();
}
