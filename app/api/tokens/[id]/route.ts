import { handle } from "@/lib/api";
import { revokeApiToken } from "@/lib/api-tokens/store";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

/** Revokes one of the signed-in user's tokens: its next request is a 401. Audited. Browser session only. */
export const DELETE = handle(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("CUSTOMER", "ADMIN");
  const { id } = await context.params;
  await revokeApiToken({ id: user.id, email: user.email }, id);
  return new Response(null, { status: 204 });
});
