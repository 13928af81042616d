import { NextResponse } from "next/server";
import { z } from "zod";
import { handle } from "@/lib/api";
import { AppError, fieldErrors } from "@/lib/errors";
import { getSnapshot } from "@/lib/queries/snapshots";
import { sliceKeySchema } from "@/lib/snapshots/schema";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

const querySchema = z.object({ slice: sliceKeySchema.optional() });

/** One published snapshot with its rows; ?slice=region:europe keeps only that slice. Versioned: apiVersion 1. */
export const GET = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues.map((i) => i.message).join("; "), fieldErrors(parsed.error.issues));
  await requireRole("CUSTOMER", "ADMIN");
  const { id } = await context.params;
  const snapshot = await getSnapshot(id, { slice: parsed.data.slice });
  if (!snapshot) throw new AppError("not_found", "No published snapshot has this id.");
  if (parsed.data.slice && snapshot.slices.length === 0) {
    throw new AppError("not_found", `This snapshot has no slice "${parsed.data.slice}"; it has ${snapshot.sliceKeys.join(", ")}.`);
  }
  return NextResponse.json({ apiVersion: 1, snapshot }, { headers: { "Cache-Control": "no-store" } });
});
