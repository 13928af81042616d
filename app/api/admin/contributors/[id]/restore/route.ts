import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { restoreVoter, reviewNoteSchema } from "@/lib/queries/contributors";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** Counts an excluded contributor's votes again (admins only, audited). */
export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireRole("ADMIN");
  const { note } = await readJson(request, reviewNoteSchema);
  const result = await restoreVoter((await context.params).id, note, { id: admin.id, email: admin.email });
  return NextResponse.json(result);
});
