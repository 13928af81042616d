import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { policySchema } from "@/lib/policy";
import { getPolicy, updatePolicy } from "@/lib/queries/policy";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

/** The current data policy (admins only). */
export const GET = handle(async () => {
  await requireRole("ADMIN");
  return NextResponse.json({ policy: await getPolicy() });
});

/** Replaces the data policy (admins only); the change is audited with before and after. */
export const PUT = handle(async (request: Request) => {
  // The role first: a refused caller learns nothing about what a valid policy looks like.
  const admin = await requireRole("ADMIN");
  const policy = await readJson(request, policySchema);
  const saved = await updatePolicy(policy, { id: admin.id, email: admin.email });
  return NextResponse.json({ policy: saved });
});
