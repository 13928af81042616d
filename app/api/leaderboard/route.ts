import { NextResponse } from "next/server";
import { handle } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { parseLeaderboardFilters } from "@/lib/filters";
import { parseLeaderboardView } from "@/lib/leaderboard/view";
import { getLeaderboard } from "@/lib/queries/leaderboard";

export const dynamic = "force-dynamic";

/**
 * The leaderboard of a slice as JSON; the same filters and numbers as the page. Public models
 * only; deprecated ones with deprecated=show (marked by their status). interval= chooses the 95%
 * intervals (sandwich: voter-clustered, the default; voter-bootstrap; vote-bootstrap, FastChat's),
 * style=control adjusts for answer length and markdown.
 */
export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const { filters, problems } = parseLeaderboardFilters(params);
  const { view, problems: viewProblems } = parseLeaderboardView(params);
  const all = [...problems, ...viewProblems];
  if (all.length) {
    throw new AppError("invalid_filter", all.map((p) => `${p.key}=${p.value}: ${p.message}`).join("; "), Object.fromEntries(all.map((p) => [p.key, p.message])));
  }
  return NextResponse.json(await getLeaderboard(filters, view));
});
