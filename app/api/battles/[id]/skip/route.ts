import { NextResponse } from "next/server";
import { handle } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { createBattle, skipBattle } from "@/lib/queries/battles";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";
import { requireUser } from "@/lib/session";

/** Skips the contributor's battle (it ends void, reason "skipped") and draws a new sampled one. */
export const POST = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  if (!user.hasProfile) throw new AppError("profile_incomplete", "Complete your profile before starting a battle.");
  const { id } = await context.params;
  await enforceRateLimit({ action: "battle", userId: user.id, ip: clientIp(request) });
  await skipBattle(user.id, id);
  const battle = await createBattle(user.id);
  return NextResponse.json({ battle }, { status: 201 });
});
