import { NextResponse } from "next/server";
import { handle } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { parseLeaderboardFilters } from "@/lib/filters";
import { getLeaderboard, parseDeprecatedParam } from "@/lib/queries/leaderboard";

export const dynamic = "force-dynamic";

/**
 * The leaderboard of a slice as JSON; the same filters and numbers as the page. Public models
 * only; deprecated ones with deprecated=show (marked by their status).
 */
export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const { filters, problems } = parseLeaderboardFilters(params);
  const deprecated = params.get("deprecated");
  if (deprecated !== null && deprecated !== "show" && deprecated !== "hide") {
    throw new AppError("invalid_filter", `deprecated=${deprecated}: use deprecated=show or deprecated=hide.`, { deprecated: "Use show or hide." });
  }
  if (problems.length) {
    throw new AppError("invalid_filter", problems.map((p) => `${p.key}=${p.value}: ${p.message}`).join("; "), Object.fromEntries(problems.map((p) => [p.key, p.message])));
  }
  return NextResponse.json(await getLeaderboard(filters, { deprecated: parseDeprecatedParam(deprecated) }));
});
