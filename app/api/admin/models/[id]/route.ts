import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { getModelForAdmin, updateModel } from "@/lib/queries/models";
import { assertAllowedBaseUrl } from "@/lib/roster/provider-url";
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

/** A model's settings include a system prompt of up to 8000 characters. */
const MODEL_BODY_LIMIT_BYTES = 128 * 1024;

/**
 * Edits a roster entry (admins only); apiKey: a string replaces the key, null clears it. A new base
 * URL host clears the stored key unless a key is sent with the change (lib/queries/models.ts).
 */
export const PATCH = handle(async (request: Request, context: Context) => {
  const admin = await requireRole("ADMIN");
  const patch = await readJson(request, updateModelSchema, { maxBytes: MODEL_BODY_LIMIT_BYTES });
  await assertAllowedBaseUrl(patch.providerConfig);
  const model = await updateModel((await context.params).id, patch, { id: admin.id, email: admin.email });
  return NextResponse.json({ model });
});
