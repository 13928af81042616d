import { NextResponse } from "next/server";
import { handle, readQuery } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { snapshotQuerySchema } from "@/lib/openapi/parameters";
import { getSnapshot } from "@/lib/queries/snapshots";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

/** One published snapshot with its rows; ?slice=region:europe keeps only that slice. Versioned: apiVersion 1. */
export const GET = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const query = readQuery(request, snapshotQuerySchema);
  await requireRole("CUSTOMER", "ADMIN");
  const { id } = await context.params;
  const snapshot = await getSnapshot(id, { slice: query.slice });
  if (!snapshot) throw new AppError("not_found", "No published snapshot has this id.");
  if (query.slice && snapshot.slices.length === 0) {
    throw new AppError("not_found", `This snapshot has no slice "${query.slice}"; it has ${snapshot.sliceKeys.join(", ")}.`);
  }
  return NextResponse.json({ apiVersion: 1, snapshot }, { headers: { "Cache-Control": "no-store" } });
});
