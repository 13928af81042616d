import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailableError } from "@/lib/db-outage";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability (used by Playwright, load balancers and the outage tests):
 * 200 `{ ok: true, database: "up" }`, or 503 `{ ok: false, database: "down" }` with Retry-After
 * while the database is unreachable or restarting. Answers within the connect timeout (1 s).
 */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true, database: "up" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // An outage is logged once per burst (databaseUnavailableError); anything else in full.
    if (!databaseUnavailableError(error)) console.error("[showdown] health check failed", error);
    return NextResponse.json(
      { ok: false, database: "down", error: "database unreachable" },
      { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
    );
  }
}
