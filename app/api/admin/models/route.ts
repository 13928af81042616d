import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { createModel, listModelsForAdmin } from "@/lib/queries/models";
import { assertAllowedBaseUrl } from "@/lib/roster/provider-url";
import { createModelSchema } from "@/lib/roster/schema";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

/** A model's settings include a system prompt of up to 8000 characters. */
const MODEL_BODY_LIMIT_BYTES = 128 * 1024;

/** The roster (admins only); never any API key, only whether one is set. */
export const GET = handle(async () => {
  await requireRole("ADMIN");
  return NextResponse.json({ models: await listModelsForAdmin() });
});

/** Adds a model (admins only): 400 with field details, 409 for a taken name or the private-variant cap. */
export const POST = handle(async (request: Request) => {
  const admin = await requireRole("ADMIN");
  const input = await readJson(request, createModelSchema, { maxBytes: MODEL_BODY_LIMIT_BYTES });
  await assertAllowedBaseUrl(input.providerConfig);
  const model = await createModel(input, { id: admin.id, email: admin.email });
  return NextResponse.json({ model }, { status: 201 });
});
