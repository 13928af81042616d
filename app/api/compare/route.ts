import { NextResponse } from "next/server";
import { pickPrefixed } from "@/components/leaderboard/prefixed-filters";
import { handle, queryParamsSchema, readQuery } from "@/lib/api";
import { parseLeaderboardFilters } from "@/lib/filters";
import { getComparison } from "@/lib/queries/compare";

export const dynamic = "force-dynamic";

/**
 * Tests how two audiences differ: `GET /api/compare?a.country=DE&b.country=JP` (each side takes the
 * leaderboard's filters behind "a." or "b."; an empty side is everyone). For each model rated in both:
 * the difference of its centred ratings (B − A) with a 95% interval, a p-value, a Benjamini–Hochberg
 * q-value across the models compared, and `significant` (q < 0.05).
 */
const HINT = "give each audience's filters as a.<filter> and b.<filter> (e.g. a.country=DE&b.country=JP).";

const querySchema = queryParamsSchema.transform((params, ctx) => {
  const sides = (["a.", "b."] as const).map((prefix) => ({ prefix, ...parseLeaderboardFilters(pickPrefixed(params, prefix)) }));
  const unknown = Object.keys(params).filter((k) => !k.startsWith("a.") && !k.startsWith("b."));
  const problems = sides.flatMap((s) =>
    s.problems.map((p) => ({ key: `${s.prefix}${p.key}`, message: `${s.prefix}${p.key}=${p.value}: ${p.message}` })),
  );
  if (unknown.length > 3)
    problems.push({
      key: unknown[0]!.slice(0, 40),
      message: `${unknown.length} unknown parameters (${unknown
        .slice(0, 3)
        .map((k) => k.slice(0, 40))
        .join(", ")}, …); ${HINT}`,
    });
  else for (const k of unknown) problems.push({ key: k.slice(0, 40), message: `${k.slice(0, 40)}: unknown parameter; ${HINT}` });
  for (const p of problems) ctx.addIssue({ code: "custom", path: [p.key], message: p.message });
  return { a: sides[0]!.filters, b: sides[1]!.filters };
});

export const GET = handle(async (request: Request) => {
  const { a, b } = readQuery(request, querySchema, "invalid_filter");
  return NextResponse.json(await getComparison(a, b));
});
