import { NextResponse } from "next/server";
import { handle } from "@/lib/api";
import { publishSnapshot } from "@/lib/queries/snapshots";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

/** Publishes a snapshot now (admins only; audited as "snapshot.publish"). */
export const POST = handle(async () => {
  const admin = await requireRole("ADMIN");
  const snapshot = await publishSnapshot({ trigger: "admin", actor: { id: admin.id, email: admin.email } });
  return NextResponse.json({ apiVersion: 1, snapshot }, { status: 201 });
});
