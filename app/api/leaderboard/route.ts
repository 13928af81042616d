import { NextResponse } from "next/server";
import { handle, queryParamsSchema, readQuery } from "@/lib/api";
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
const querySchema = queryParamsSchema.transform((params, ctx) => {
  const { filters, problems } = parseLeaderboardFilters(params);
  const { view, problems: viewProblems } = parseLeaderboardView(params);
  for (const p of [...problems, ...viewProblems])
    ctx.addIssue({ code: "custom", path: [p.key], message: `${p.key}=${p.value}: ${p.message}` });
  return { filters, view };
});

export const GET = handle(async (request: Request) => {
  const { filters, view } = readQuery(request, querySchema, "invalid_filter");
  return NextResponse.json(await getLeaderboard(filters, view));
});
