import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { applyModelAction } from "@/lib/queries/models";
import { modelActionSchema } from "@/lib/roster/schema";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** pause | resume | deprecate (clause and reason required) | publish | withdraw (admins only). */
export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireRole("ADMIN");
  const input = await readJson(request, modelActionSchema);
  const model = await applyModelAction((await context.params).id, input, { id: admin.id, email: admin.email });
  return NextResponse.json({ model });
});
