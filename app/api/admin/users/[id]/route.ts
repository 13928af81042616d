import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, readJson } from "@/lib/api";
import { changeUserRole } from "@/lib/queries/users";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  role: z.enum(["CONTRIBUTOR", "CUSTOMER", "ADMIN"], { error: "Role must be CONTRIBUTOR, CUSTOMER or ADMIN." }),
});

interface Context {
  params: Promise<{ id: string }>;
}

/** Changes an account's role (admins only, audited; the last admin keeps the role). */
export const PATCH = handle(async (request: Request, context: Context) => {
  const admin = await requireRole("ADMIN");
  const { role } = await readJson(request, bodySchema);
  const user = await changeUserRole((await context.params).id, role, { id: admin.id, email: admin.email });
  return NextResponse.json({ user });
});
