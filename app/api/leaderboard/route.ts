import { NextResponse } from "next/server";
import { handle } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { parseLeaderboardFilters } from "@/lib/filters";
import { getLeaderboard } from "@/lib/queries/leaderboard";

export const dynamic = "force-dynamic";

/** The leaderboard of a slice as JSON; the same filters and numbers as the page. */
export const GET = handle(async (request: Request) => {
  const { filters, problems } = parseLeaderboardFilters(new URL(request.url).searchParams);
  if (problems.length) {
    throw new AppError("invalid_filter", problems.map((p) => `${p.key}=${p.value}: ${p.message}`).join("; "), Object.fromEntries(problems.map((p) => [p.key, p.message])));
  }
  return NextResponse.json(await getLeaderboard(filters));
});
