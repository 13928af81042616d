import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { excludeVoter, reviewNoteSchema } from "@/lib/queries/contributors";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** Excludes every vote of a contributor from leaderboards, snapshots and exports (admins only, audited, reversible). */
export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireRole("ADMIN");
  const { note } = await readJson(request, reviewNoteSchema);
  const result = await excludeVoter((await context.params).id, note, { id: admin.id, email: admin.email });
  return NextResponse.json(result);
});
