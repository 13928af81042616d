import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { getModelForAdmin, updateModel } from "@/lib/queries/models";
import { updateModelSchema } from "@/lib/roster/schema";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** One roster entry (admins only). */
export const GET = handle(async (_request: Request, context: Context) => {
  await requireRole("ADMIN");
  const model = await getModelForAdmin((await context.params).id);
  if (!model) throw new AppError("not_found", "No model with this id.");
  return NextResponse.json({ model });
});

/** Edits a roster entry (admins only); apiKey: a string replaces the key, null clears it. */
export const PATCH = handle(async (request: Request, context: Context) => {
  const admin = await requireRole("ADMIN");
  const patch = await readJson(request, updateModelSchema);
  const model = await updateModel((await context.params).id, patch, { id: admin.id, email: admin.email });
  return NextResponse.json({ model });
});
