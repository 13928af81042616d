import { NextResponse } from "next/server";
import { handle } from "@/lib/api";
import { listSnapshots } from "@/lib/queries/snapshots";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

/** Published snapshots, newest first (without rows), for customers and admins. Versioned: apiVersion 1. */
export const GET = handle(async () => {
  await requireRole("CUSTOMER", "ADMIN");
  const snapshots = await listSnapshots();
  return NextResponse.json({ apiVersion: 1, snapshots }, { headers: { "Cache-Control": "no-store" } });
});
