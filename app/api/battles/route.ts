import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, readJson } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { createBattle } from "@/lib/queries/battles";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";
import { requireUser } from "@/lib/session";

// The length and emptiness rules are applied by createBattle (lib/battle/prompt.ts).
const bodySchema = z.object({ prompt: z.string({ message: "prompt must be text" }).optional() });

/**
 * Starts a battle for the signed-in contributor: on the prompt they typed, or (without one) on a
 * sampled corpus prompt. Answers 201 with the anonymous battle; the responses follow through
 * GET /api/battles/[id]/stream.
 */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  if (!user.hasProfile) throw new AppError("profile_incomplete", "Complete your profile before starting a battle.");
  const { prompt } = await readJson(request, bodySchema);
  await enforceRateLimit({ action: "battle", userId: user.id, ip: clientIp(request) });
  const battle = await createBattle(user.id, { prompt });
  return NextResponse.json({ battle }, { status: 201 });
});
