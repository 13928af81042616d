import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, readQuery } from "@/lib/api";
import { CONTRIBUTOR_FILTERS, listContributors } from "@/lib/queries/contributors";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  filter: z.enum(CONTRIBUTOR_FILTERS, { error: `filter must be one of ${CONTRIBUTOR_FILTERS.join(", ")}.` }).default("all"),
  q: z.string().trim().max(254, "q is at most 254 characters.").optional(),
});

/** Contributors with vote counts and anomaly-review state (admins only; never what they voted for). */
export const GET = handle(async (request: Request) => {
  await requireRole("ADMIN");
  const query = readQuery(request, querySchema);
  return NextResponse.json(await listContributors({ ...query, q: query.q || undefined }));
});
