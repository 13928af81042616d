import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { createTokenBodySchema } from "@/lib/api-tokens/schemas";
import { createApiToken, listApiTokens } from "@/lib/api-tokens/store";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

/** The signed-in customer's or admin's active API tokens (names and prefixes, never secrets). Browser session only. */
export const GET = handle(async () => {
  const user = await requireRole("CUSTOMER", "ADMIN");
  return NextResponse.json({ tokens: await listApiTokens(user.id) }, { headers: { "Cache-Control": "no-store" } });
});

/** Creates a read-only API token; the answer carries the secret, which is never shown again. Audited. */
export const POST = handle(async (request: Request) => {
  const user = await requireRole("CUSTOMER", "ADMIN");
  const { name } = await readJson(request, createTokenBodySchema);
  const created = await createApiToken({ id: user.id, email: user.email }, { name });
  return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
